// Starts the widget on its own page: loads the wasm, which takes over the prerendered
// markup. If it cannot start (blocked, old browser, broken download), the page keeps the
// prerendered story, switches to the whole story as text and pictures, and says so —
// never a blank box, never an uncaught error.
//
// This module is loaded `async`, so it runs while the long flat copy of the story is still
// being parsed: the wasm compiles as it downloads, and the widget starts as soon as its own
// markup is complete — which it is once the parser has reached the flat copy that follows it.
import init from './escalation.js';

// Marks for the benchmark's breakdown of "interactive" (User Timing; no effect otherwise).
performance.mark('escalation:boot');

const wasmUrl = new URL('./escalation_bg.wasm', import.meta.url);
// A server that sends the wrong MIME type makes streaming compilation fail: then init
// fetches the file itself and compiles it the slower way.
const compiled = 'compileStreaming' in WebAssembly
  ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => null)
  : Promise.resolve(null);

const widgetParsed = () => document.readyState !== 'loading' || document.getElementById('escalation-flat') !== null;

try {
  if (!widgetParsed()) {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  performance.mark('escalation:markup-ready');
  const wasm = await init({ module_or_path: (await compiled) ?? wasmUrl });
  performance.mark('escalation:started');
  // The benchmark reads the wasm's linear memory size from here.
  window.escalationMemory = wasm.memory;
} catch (error) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./static.css', import.meta.url).href;
  // The note says the whole story is shown below: show it once that stylesheet applies.
  await new Promise((resolve) => {
    link.onload = resolve;
    link.onerror = resolve;
    document.head.append(link);
  });
  const note = document.getElementById('escalation-note');
  if (note) note.hidden = false;
  console.warn('escalation: the interactive version could not start; showing the whole story as text and pictures.', error);
}
