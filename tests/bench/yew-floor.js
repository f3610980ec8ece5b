// The benchmark's Yew floor: served in place of boot.js, it starts the bare Yew app of
// tests/bench/floor (one component, a button, a counter) on our page once the widget's
// markup is parsed, as boot.js starts the widget. The time it takes to answer "next" is what
// any Yew widget's takeover of this page starts from, before it hydrates anything.
import init from './floor/escalation-floor.js';

if (!(document.readyState !== 'loading' || document.getElementById('escalation-flat'))) {
  await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}
await init({ module_or_path: new URL('./floor/floor.wasm', import.meta.url) });
