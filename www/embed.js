// Escalation embed script. Load it once on a host page, as a module, beside either embed:
//
//   <iframe src=".../index.html?id=my-story" title="…" width="100%" height="900"></iframe>
//   <div data-escalation data-step="barrage" data-theme="auto"></div>
//   <script type="module" src=".../embed.js"></script>
//
// Iframes: it resizes the iframe whose window sent an {type: "escalation:height"} message
// (each message is matched to its sender, so several embeds on one page work) and ignores
// heights that are not plausible. Divs with data-escalation: it loads the widget from the
// folder this script came from and mounts one independent instance into each; the data-*
// attributes are the options (step, theme, plain, tables, id), and the widget's stylesheet
// (every rule scoped under .escalation) is added once. No dependencies, nothing inline,
// nothing fetched from any other host.

const MIN_HEIGHT = 100;
const MAX_HEIGHT = 20000;

if (!window.__escalationEmbed) {
  window.__escalationEmbed = true;

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'escalation:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) {
        frame.style.height = `${Math.ceil(height)}px`;
        frame.setAttribute('height', String(Math.ceil(height)));
      }
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
