// The benchmark's page floor: served in place of boot.js, it answers "next" the moment the
// widget's markup is parsed, with no wasm at all (the wasm and its glue still download, as
// the page preloads them). What the bench measures with it is the time the page alone takes
// to arrive, parse, style and paint: no takeover, however fast, can answer sooner.
const step = () => document.querySelector('.live-story .step');
const answer = () => {
  const next = document.querySelector('.live-story .step-next');
  next?.addEventListener('click', () => {
    const current = step();
    if (current) current.dataset.step = `${current.dataset.step}-next`;
  });
  performance.mark('escalation:started');
};
if (document.getElementById('escalation-flat')) answer();
else document.addEventListener('DOMContentLoaded', answer, { once: true });
