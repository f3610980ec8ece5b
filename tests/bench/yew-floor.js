// The benchmark's Yew floor: served in place of boot.js, it starts the bare Yew app of
// tests/bench/floor (one component, a button, a counter) on our page once the widget's
// markup is parsed, as boot.js starts the widget. The time it takes to answer "next" is what
// any Yew widget's takeover of this page starts from, before it hydrates anything. A classic
// script that imports the glue, as boot.js is (the page loads it as one).
(async () => {
  const here = document.currentScript.src;
  const glue = import(new URL('floor/escalation-floor.js', here).href);
  if (!(document.readyState !== 'loading' || document.getElementById('escalation-flat'))) {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  const { default: init } = await glue;
  await init({ module_or_path: new URL('floor/floor.wasm', here) });
})();
