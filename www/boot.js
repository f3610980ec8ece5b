// Starts the widget on its own page: loads the wasm, which takes over the prerendered
// markup. If it cannot start (blocked, old browser, broken download), the page keeps the
// prerendered story, switches to the whole story as text and pictures, and says so —
// never a blank box, never an uncaught error.
import init from './escalation.js';

try {
  const wasm = await init({ module_or_path: new URL('./escalation_bg.wasm', import.meta.url) });
  // The benchmark reads the wasm's linear memory size from here.
  window.escalationMemory = wasm.memory;
} catch (error) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./static.css', import.meta.url).href;
  document.head.append(link);
  const note = document.getElementById('escalation-note');
  if (note) note.hidden = false;
  console.warn('escalation: the interactive version could not start; showing the whole story as text and pictures.', error);
}
