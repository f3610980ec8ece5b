// Escalation embed script. Load it once on a host page, beside either embed:
//
//   <iframe src=".../index.html?id=my-story" title="…" width="100%" height="900"></iframe>
//   <div data-escalation data-step="barrage"><a href=".../index.html#step-barrage">…</a></div>
//   <script src=".../embed.js" defer></script>
//
// A classic script: those load from another origin without CORS, so it runs even where the
// widget's host sends no Access-Control-Allow-Origin — it resizes iframes there, and when a
// div cannot start it says why. It runs as a module too, as older snippets load it
// (`type="module"`); it names nothing at its top level and finds its own URL without
// `import.meta`, which would not parse as a classic script (see ownUrl).
//
// Iframes: it resizes an Escalation frame — one whose `src` lies in the folder this script
// came from, whose messages come from that folder's origin, and whose window sent the
// message — on {type: "escalation:height"}, ignoring heights that are not plausible; and on
// {type: "escalation:scroll"}, sent when the reader steps inside a frame whose stage is out
// of view, it scrolls the page to the stage's top. Any other frame's messages, on the same
// page, are ignored: a third party's frame cannot borrow this script's power to resize. A
// sandboxed frame without allow-same-origin has the origin "null": it is heeded only when
// the host marks it with `data-escalation-frame`.
//
// Divs with data-escalation: it loads the widget from the folder this script came from and
// mounts one independent instance into each; the data-* attributes are the options (step,
// theme, plain, tables, id), and the widget's stylesheet (every rule scoped under
// .escalation) is added once. What the div holds — the snippet's link to the explainer's own
// page — is what readers get if this script cannot load at all; the widget replaces it when it
// mounts. If the widget cannot start (the host's CSP forbids wasm, the files cannot be fetched
// across origins, …), each div keeps its link (one without gets one), one console error names
// the cause, and the page hears `escalation:failed`.
// No dependencies, nothing inline, nothing fetched from any other host.

(async () => {
  'use strict';
  const MIN_HEIGHT = 100;
  const MAX_HEIGHT = 20000;
  // How far below the top of the screen a frame's stage may start and stay where it is.
  const SETTLED_BAND = 64;

  /** The URL this script came from. As a classic script it is the current script; a module has
   * none, but the first frame of a stack trace names the module's URL in every engine
   * ("at https://…/embed.js:40:7" or "ownUrl@https://…/embed.js:40:7"). */
  function ownUrl() {
    if (document.currentScript) return document.currentScript.src || null;
    const frame = /((?:https?|file):\/\/[^\s()]+):\d+:\d+/.exec(new Error().stack || '');
    return frame ? frame[1] : null;
  }

  if (window.__escalationEmbed) return;
  // Before any await: the current script is only set while the script's first task runs.
  const here = ownUrl();
  if (!here) {
    console.error('escalation: embed.js cannot tell the URL it was loaded from, so it embeds nothing; load it with <script src=".../embed.js" defer></script>.');
    return;
  }
  window.__escalationEmbed = true;
  const folder = new URL('.', here).href;
  const home = new URL(folder).origin;

  /** The Escalation frame that sent `event`, if it is one. */
  function escalationFrame(event) {
    const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
    if (!frame) return null;
    let src;
    try {
      src = new URL(frame.getAttribute('src') || '', document.baseURI).href;
    } catch {
      return null;
    }
    if (!src.startsWith(folder)) return null;
    const marked = frame.hasAttribute('data-escalation-frame');
    const fromHome = event.origin === home;
    return fromHome || (event.origin === 'null' && marked) ? frame : null;
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'escalation:height') {
      const height = Number(data.height);
      if (!Number.isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
      const frame = escalationFrame(event);
      if (frame) {
        frame.style.height = `${Math.ceil(height)}px`;
        frame.setAttribute('height', String(Math.ceil(height)));
      }
    } else if (data.type === 'escalation:scroll') {
      // The reader stepped inside the frame: bring the stage into view from its top, or, if
      // it is taller than the screen, its step — the rule the widget applies on its own page
      // (src/embed/reveal.rs, with the same band).
      const frame = escalationFrame(event);
      const [top, step, bottom] = [data.top, data.step, data.bottom].map(Number);
      if (!frame || ![top, step, bottom].every((v) => Number.isFinite(v) && v >= 0 && v <= MAX_HEIGHT)) return;
      const frameTop = frame.getBoundingClientRect().top;
      const y = frameTop + (bottom - top <= window.innerHeight ? top : step);
      if (y >= 0 && y <= SETTLED_BAND) return;
      const instant = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollBy({ top: y, behavior: instant ? 'instant' : 'smooth' });
    }
  });

  // Loaded async or before the divs, a classic script runs while the page is still parsed.
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  const mounts = [...document.querySelectorAll('[data-escalation]')];
  if (mounts.length === 0) return;

  // What the page's CSP refuses while the widget starts, to name it if the start fails.
  const refused = [];
  const onRefused = (event) => refused.push(event);
  document.addEventListener('securitypolicyviolation', onRefused);
  /** Why the widget could not start, in words a host's developer can act on. */
  const cause = (error) => {
    const text = String((error && error.message) || error);
    if (/unsafe-eval|\bCSP\b|Content Security Policy/i.test(text) || refused.some((e) => e.blockedURI === 'wasm-eval')) {
      return 'this page\'s Content-Security-Policy does not allow WebAssembly: its script-src needs \'wasm-unsafe-eval\'';
    }
    const blocked = refused.find((e) => e.blockedURI.startsWith(home));
    if (blocked) return `this page's Content-Security-Policy does not allow ${home} in ${blocked.effectiveDirective}`;
    if (home !== self.origin) {
      return `its script and wasm could not be loaded from ${home}: a page on another origin (this one is ${self.origin}) can load them only if ${home} sends Access-Control-Allow-Origin with them`;
    }
    return `its files could not be loaded from ${folder} (${text})`;
  };

  try {
    // The widget's styles, scoped under .escalation: they cannot touch the host page.
    if (!document.querySelector('link[data-escalation-css]')) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('escalation.css', here).href;
      link.dataset.escalationCss = '';
      const loaded = new Promise((resolve) => { link.onload = resolve; link.onerror = resolve; });
      document.head.append(link);
      await loaded;
    }
    const { default: init, mount } = await import(new URL('escalation.js', here).href);
    await init({ module_or_path: new URL('escalation_bg.wasm', here) });
    for (const element of mounts) {
      const options = {};
      for (const [key, value] of Object.entries(element.dataset)) {
        if (key !== 'escalation') options[key] = value;
      }
      // The data downloads and chart images are in this folder, not beside the host's page.
      if (!('base' in options)) options.base = folder;
      try {
        // The widget takes the element's place inside it: the fallback link goes.
        element.escalation = mount(element, options);
      } catch (error) {
        console.error(error);
      }
    }
    document.dispatchEvent(new CustomEvent('escalation:mounted', { detail: { count: mounts.length } }));
  } catch (error) {
    // Never an empty box: the div's own link to the explainer, or one at the div's step.
    for (const element of mounts) {
      if (element.querySelector('a[href]')) continue;
      const step = element.dataset.step ? `#step-${encodeURIComponent(element.dataset.step)}` : '';
      const note = document.createElement('p');
      note.className = 'escalation-fallback';
      const link = document.createElement('a');
      link.href = new URL(`index.html${step}`, folder).href;
      link.textContent = 'Open the explainer';
      note.append(link);
      element.append(note);
    }
    // A refusal is reported in a task of its own: let it arrive before naming the cause.
    await new Promise((resolve) => setTimeout(resolve));
    const why = cause(error);
    console.error(`escalation: the explainer could not start on this page: ${why}. Each embed links to the explainer's own page instead.`, error);
    document.dispatchEvent(new CustomEvent('escalation:failed', { detail: { count: mounts.length, reason: why } }));
  } finally {
    document.removeEventListener('securitypolicyviolation', onRefused);
  }
})();
