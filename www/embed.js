// Escalation embed script. Load it once on a host page, as a module, beside either embed:
//
//   <iframe src=".../index.html?id=my-story" title="…" width="100%" height="900"></iframe>
//   <div data-escalation data-step="barrage" data-theme="auto"></div>
//   <script type="module" src=".../embed.js"></script>
//
// Iframes: it resizes the iframe whose window sent an {type: "escalation:height"} message
// (each message is matched to its sender, so several embeds on one page work) and ignores
// heights that are not plausible; on {type: "escalation:scroll", top}, sent when the reader
// steps inside a frame whose stage is out of view, it scrolls the page to the stage's top. Divs with data-escalation: it loads the widget from the
// folder this script came from and mounts one independent instance into each; the data-*
// attributes are the options (step, theme, plain, tables, id), and the widget's stylesheet
// (every rule scoped under .escalation) is added once. No dependencies, nothing inline,
// nothing fetched from any other host.

const MIN_HEIGHT = 100;
const MAX_HEIGHT = 20000;
// How far below the top of the screen a frame's stage may start and stay where it is.
const SETTLED_BAND = 64;

if (!window.__escalationEmbed) {
  window.__escalationEmbed = true;

  const senderFrame = (event) => [...document.querySelectorAll('iframe')]
    .find((frame) => frame.contentWindow === event.source);

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'escalation:height') {
      const height = Number(data.height);
      if (!Number.isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
      const frame = senderFrame(event);
      if (frame) {
        frame.style.height = `${Math.ceil(height)}px`;
        frame.setAttribute('height', String(Math.ceil(height)));
      }
    } else if (data.type === 'escalation:scroll') {
      // The reader stepped inside the frame: bring the stage into view from its top, or, if
      // it is taller than the screen, its step — the rule the widget applies on its own page
      // (src/embed/reveal.rs, with the same band).
      const frame = senderFrame(event);
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
    const here = import.meta.url;
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
  }
}
