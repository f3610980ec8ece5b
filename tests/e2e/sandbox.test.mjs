// Robust where real hosts are: a CMS that frames the widget in `sandbox="allow-scripts"`
// (what WordPress does for oEmbed content from unknown providers: the frame's origin is
// opaque), and host pages on another origin that embed it in divs. The widget's static host
// either sends no Access-Control-Allow-Origin ("bare") or sends `*` ("open"). Bare, the reader
// gets the styled static story with its note in the frame, and the host's link in each div
// with one console error saying why; open, the working widget in both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { serve, pages, launch, watchedPage } from './support.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
const TITLE = 'From sabotage to open fire: how Israel and Iran escalated';

const env = {};
before(async () => {
  await mkdir(SHOTS, { recursive: true });
  env.bare = await serve();
  env.open = await serve(undefined, { headers: { 'access-control-allow-origin': '*' } });
  // /frame-<bare|open>.html: the widget's page in a sandboxed iframe.
  // /divs-<bare|open>.html: two div embeds with their fallback links and embed.js as the
  // snippet loads it (a classic script); /module-<…>.html: the same with the older snippet,
  // embed.js as a module.
  env.host = await pages((path) => {
    const [, kind, server] = /^\/(frame|divs|module)-(bare|open)\.html$/.exec(path) ?? [];
    const widget = env[server]?.url;
    if (!widget) return { body: 'not found' };
    const head = '<!doctype html><html lang="en"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A host article</title><style>body { margin: 0; font: 16px/1.5 Georgia, serif; } iframe { display: block; width: 100%; border: 0; } h1, p { margin: 1rem; }</style>';
    if (kind === 'frame') {
      return { body: `${head}<iframe id="frame" sandbox="allow-scripts" src="${widget}index.html" title="${TITLE}" height="904"></iframe>` };
    }
    const script = kind === 'module'
      ? `<script type="module" src="${widget}embed.js"></script>`
      : `<script src="${widget}embed.js" defer></script>`;
    return {
      body: `${head}<h1>An article</h1>
        <div data-escalation data-step="barrage" id="one"><a href="${widget}index.html#step-barrage">${TITLE}</a></div>
        <p>More article.</p>
        <div data-escalation id="two"><a href="${widget}index.html">${TITLE}</a></div>
        ${script}`,
    };
  });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  for (const s of [env.host, env.open, env.bare]) await s?.close();
});

/** The frame `#frame` of `page`, once its document has loaded. */
async function widgetFrame(page) {
  const element = await page.locator('#frame').elementHandle();
  const frame = await element.contentFrame();
  await frame.waitForLoadState('load');
  return frame;
}

test('a sandboxed iframe, no CORS header: the styled static story and its note, no uncaught error', async () => {
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 375, height: 667 } });
  await page.goto(`${env.host.url}frame-bare.html`);
  const frame = await widgetFrame(page);
  await frame.locator('#escalation-note').waitFor({ state: 'visible' });
  assert.equal(await frame.evaluate(() => self.origin), 'null', 'the frame\'s origin is opaque');
  // Our stylesheets apply: the note's colours come from page.css, the flat story's width and
  // the theme's custom properties from escalation.css, the rules that show it from static.css.
  const styles = await frame.evaluate(() => {
    const flat = getComputedStyle(document.getElementById('escalation-flat'));
    return {
      note: getComputedStyle(document.getElementById('escalation-note')).backgroundColor,
      width: flat.maxWidth,
      accent: flat.getPropertyValue('--esc-accent').trim(),
      flat: flat.display,
    };
  });
  assert.deepEqual(styles, { note: 'rgb(255, 244, 229)', width: '736px', accent: '#0a5c99', flat: 'block' });
  assert.equal(await frame.locator('#escalation-flat .flat-step').count(), 12);
  assert.ok(await frame.locator('#escalation-flat .flat-headline').first().isVisible(), 'the static story shows');
  assert.ok(await frame.locator('#escalation-flat svg').first().isVisible(), 'with its charts');
  assert.equal(await frame.locator('.live-story').isVisible(), false, 'the live stage, dead here, does not');
  await page.screenshot({ path: `${SHOTS}sandbox-fallback-375.png` });
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), [], 'no uncaught error');
  const warnings = problems.filter((p) => p.startsWith('warning: escalation:'));
  assert.equal(warnings.length, 1, problems.join('\n'));
  assert.match(warnings[0], /allow-same-origin/, 'the warning says what the host must allow');
  await context.close();
});

test('a sandboxed iframe, the widget\'s host sending Access-Control-Allow-Origin: the widget starts and steps', async () => {
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 375, height: 667 } });
  await page.goto(`${env.host.url}frame-open.html`);
  const frame = await widgetFrame(page);
  await frame.waitForFunction(() => window.escalationMemory);
  await frame.locator('.live-story .step-next').click();
  await frame.locator('.live-story .step[data-step="natanz"]').waitFor();
  assert.equal(await frame.locator('#escalation-note').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('div embeds across origins, no CORS header: each div keeps its link, one console error says why', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.addInitScript(() => {
    document.addEventListener('escalation:failed', (e) => { window.__failed = e.detail; });
  });
  await page.goto(`${env.host.url}divs-bare.html`);
  await page.waitForFunction(() => window.__failed);
  for (const [id, hash] of [['one', '#step-barrage'], ['two', '']]) {
    const links = page.locator(`#${id} a`);
    assert.equal(await links.count(), 1, `div #${id} has the host's link and no second one`);
    assert.equal(await links.textContent(), TITLE);
    assert.equal(await links.getAttribute('href'), `${env.bare.url}index.html${hash}`);
    assert.ok(await links.isVisible());
    assert.ok((await page.locator(`#${id}`).boundingBox()).height > 0, `div #${id} is not an empty box`);
  }
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), [], 'no uncaught error');
  const errors = problems.filter((p) => p.startsWith('error: escalation:'));
  assert.equal(errors.length, 1, problems.join('\n'));
  assert.match(errors[0], /Access-Control-Allow-Origin/, 'the error names the missing header');
  await context.close();
});

test('div embeds with the older module snippet, no CORS header: embed.js cannot even load, the links stay', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  // The load event waits for the module script, which fails its CORS check.
  await page.goto(`${env.host.url}module-bare.html`, { waitUntil: 'load' });
  for (const id of ['one', 'two']) {
    assert.ok(await page.locator(`#${id} a`).isVisible());
    assert.ok((await page.locator(`#${id}`).boundingBox()).height > 0);
  }
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), []);
  await context.close();
});

for (const kind of ['divs', 'module']) {
  test(`div embeds across origins with the header (${kind === 'divs' ? 'classic script' : 'older module snippet'}): the widget replaces each link`, async () => {
    const { context, page, problems } = await watchedPage(env.browser);
    await page.goto(`${env.host.url}${kind}-open.html`);
    await page.locator('#one .live-story .step[data-step="barrage"]').waitFor();
    await page.locator('#two .live-story .step[data-step="sabotage-2020"]').waitFor();
    for (const id of ['one', 'two']) {
      const div = await page.locator(`#${id}`).evaluate((el) => ({
        fallback: [...el.querySelectorAll('a')].filter((a) => /\/index\.html(#step-barrage)?$/.test(a.href)).length,
        widget: el.firstElementChild.classList.contains('escalation'),
        attributes: el.getAttributeNames().sort(),
      }));
      assert.equal(div.fallback, 0, `the link in #${id} is gone`);
      assert.ok(div.widget, `the widget is #${id}'s first child`);
      assert.deepEqual(div.attributes, id === 'one' ? ['data-escalation', 'data-step', 'id'] : ['data-escalation', 'id'], 'the div keeps its own attributes');
    }
    await page.locator('#one .live-story .step-next').click();
    await page.locator('#one .live-story .step[data-step="interception"]').waitFor();
    assert.equal(await page.locator('#two .live-story .step').getAttribute('data-step'), 'sabotage-2020');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
