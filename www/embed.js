// Escalation embed script. Load it once on a host page, as a module, beside either embed:
//
//   <iframe src=".../index.html?id=my-story" title="…" width="100%" height="900"></iframe>
//   <div data-escalation data-step="barrage" data-theme="auto"></div>
//   <script type="module" src=".../embed.js"></script>
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
// .escalation) is added once. If the widget cannot start (the host's CSP forbids wasm, the
// files cannot be fetched across origins, …), each div gets a link to the explainer's own
// page at its step, one console warning says why, and the page hears `escalation:failed`.
// No dependencies, nothing inline, nothing fetched from any other host.

const MIN_HEIGHT = 100;
const MAX_HEIGHT = 20000;
// How far below the top of the screen a frame's stage may start and stay where it is.
const SETTLED_BAND = 64;

const here = import.meta.url;
const folder = new URL('.', here).href;

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
  const fromHome = event.origin === new URL(folder).origin;
  return fromHome || (event.origin === 'null' && marked) ? frame : null;
}

if (!window.__escalationEmbed) {
  window.__escalationEmbed = true;

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

  const mounts = [...document.querySelectorAll('[data-escalation]')];
  if (mounts.length > 0) {
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
        try {
          element.escalation = mount(element, options);
        } catch (error) {
          console.error(error);
        }
      }
      document.dispatchEvent(new CustomEvent('escalation:mounted', { detail: { count: mounts.length } }));
    } catch (error) {
      // Never an empty box: a link to the explainer's own page, at the div's step.
      for (const element of mounts) {
        if (element.querySelector('.escalation-fallback')) continue;
        const step = element.dataset.step ? `#step-${encodeURIComponent(element.dataset.step)}` : '';
        const note = document.createElement('p');
        note.className = 'escalation-fallback';
        const link = document.createElement('a');
        link.href = new URL(`index.html${step}`, folder).href;
        link.textContent = 'Open the explainer';
        note.append(link);
        element.append(note);
      }
      console.warn(`escalation: the explainer could not start on this page (${error && error.message ? error.message : error}); each embed links to its own page instead. Cross-origin embeds need the widget's host to send Access-Control-Allow-Origin, and the page's CSP to allow 'wasm-unsafe-eval'.`);
      document.dispatchEvent(new CustomEvent('escalation:failed', { detail: { count: mounts.length, reason: String(error && error.message ? error.message : error) } }));
    }
  }
}
