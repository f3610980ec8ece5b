// Starts the widget on its own page: the wasm takes over the prerendered markup. If it
// cannot start (blocked, old browser, broken download), the page shows the whole story as
// text and pictures, and says so: never a blank box, never an uncaught error.
//
// A classic script, loaded `async`: unlike a module it is fetched without CORS, so it runs
// in a sandboxed iframe too (an opaque origin, for which every fetch is cross-origin), and
// falls back there when the glue or the wasm is refused. It runs while the flat copy of the
// story is still parsed: the wasm compiles as it downloads, and the widget starts once its
// own markup, which comes before that copy, is complete.
(async () => {
  // Marks for the benchmark's breakdown of "interactive" (User Timing).
  performance.mark('escalation:boot');
  // A module has no current script: a page cached from before boot.js was classic.
  const here = document.currentScript?.src || document.baseURI;
  try {
    const wasmUrl = new URL('escalation_bg.wasm', here);
    // A wrong MIME type fails streaming compilation: init then fetches and compiles it.
    const compiled = 'compileStreaming' in WebAssembly
      ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => null)
      : Promise.resolve(null);
    const glue = import(new URL('escalation.js', here).href);
    glue.catch(() => {}); // handled below, once the markup is parsed
    if (document.readyState === 'loading' && !document.getElementById('escalation-flat')) {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    performance.mark('escalation:markup-ready');
    const { default: init } = await glue;
    const wasm = await init({ module_or_path: (await compiled) ?? wasmUrl });
    performance.mark('escalation:started');
    // The benchmark reads the wasm's linear memory size from here.
    window.escalationMemory = wasm.memory;
  } catch (error) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('static.css', here).href;
    // The note says the whole story is shown below: show it once that stylesheet applies.
    await new Promise((resolve) => {
      link.onload = link.onerror = resolve;
      document.head.append(link);
    });
    const note = document.getElementById('escalation-note');
    if (note) note.hidden = false;
    console.warn(`escalation: the interactive version could not start; showing the whole story as text and pictures.${self.origin === 'null'
      ? ' This page has an opaque origin (a sandboxed iframe without allow-same-origin, or a file), so its script and wasm are fetched across origins: frame it with sandbox="allow-scripts allow-same-origin", or send Access-Control-Allow-Origin from the widget\'s host.'
      : ''}`, error);
  }
})();
