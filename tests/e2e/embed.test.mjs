// Embedding: iframes that size themselves, the script mount API, messages to and from the
// host, the Embed panel, print, and the demo host pages — all on the release bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, watchedPage, suite } from './support.mjs';

const env = suite();

/** Waits until the iframe's height is within 2px of its document's content height (the demo
 * pages frame the bundle from the same origin, so the host can measure both). */
async function heightSettles(page, frameId) {
  const frame = page.frameLocator(`#${frameId}`);
  await frame.locator('.step-headline').first().waitFor();
  try {
    const settled = await page.waitForFunction((id) => {
      const element = document.getElementById(id);
      const body = element.contentDocument?.body;
      if (!body) return false;
      const outer = element.getBoundingClientRect().height;
      const inner = body.getBoundingClientRect().height;
      return Math.abs(outer - inner) <= 2 && { outer, inner };
    }, frameId, { timeout: 5000 });
    return await settled.jsonValue();
  } catch (error) {
    if (error.name !== 'TimeoutError') throw error;
    const outer = await page.locator(`#${frameId}`).evaluate((el) => el.getBoundingClientRect().height);
    const inner = await frame.locator('body').evaluate((b) => b.getBoundingClientRect().height);
    assert.fail(`iframe ${frameId} is ${outer}px for ${inner}px of content`);
  }
}

test('the iframe follows its content height across steps, data tables and widths', async () => {
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 375, height: 800 } });
  await page.goto(`${env.server.url}demo/article.html`);
  const first = await heightSettles(page, 'escalation-frame');
  const frame = page.frameLocator('#escalation-frame');
  for (let i = 0; i < 6; i++) {
    await frame.locator('.step-next').click();
    await heightSettles(page, 'escalation-frame');
  }
  await frame.locator('.details-toggle').click();
  const opened = await heightSettles(page, 'escalation-frame');
  await frame.locator('.details-toggle').click();
  const closed = await heightSettles(page, 'escalation-frame');
  assert.ok(opened.inner > closed.inner, 'opening the step\'s details made the frame taller');
  for (const width of [320, 768, 1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await heightSettles(page, 'escalation-frame');
  }
  assert.ok(first.inner > 300);
  assert.deepEqual(problems, []);
  await context.close();
});

test('height and step messages reach the host in every format', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  await page.goto(`${env.server.url}demo/multiple.html`);
  await heightSettles(page, 'frame-a');
  await page.frameLocator('#frame-a').locator('.step-next').click();
  await page.waitForFunction(() => window.__messages.some((m) => m?.type === 'escalation:step' && m.id === 'frame-a' && m.step === 2));
  const messages = await page.evaluate(() => window.__messages);
  const has = (predicate, what) => assert.ok(messages.some(predicate), `${what} in ${JSON.stringify(messages).slice(0, 400)}`);
  has((m) => typeof m?.['datawrapper-height']?.['frame-a'] === 'number', 'Datawrapper height');
  has((m) => m?.sentinel === 'amp' && m.type === 'embed-size' && m.height > 0, 'AMP embed-size');
  has((m) => typeof m === 'string' && JSON.parse(m).context === 'iframe.resize' && JSON.parse(m).src.includes('id=frame-a'), 'Embedly resize string');
  has((m) => m?.type === 'escalation:height' && m.id === 'frame-b' && m.height > 0, 'our height message');
  has((m) => m?.type === 'escalation:step' && m.id === 'frame-a' && m.slug === 'natanz', 'our step message');
  assert.deepEqual(problems, []);
  await context.close();
});

test('two iframes and two mounted widgets on one page stay independent', async () => {
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 1000, height: 900 } });
  await page.goto(`${env.server.url}demo/multiple.html`);
  await heightSettles(page, 'frame-a');
  await heightSettles(page, 'frame-b');
  const a = page.frameLocator('#frame-a');
  const b = page.frameLocator('#frame-b');
  assert.equal(await b.locator('.step').getAttribute('data-step'), 'estimates');
  assert.equal(await b.locator('.escalation-root > .escalation').getAttribute('data-theme'), 'dark');
  await a.locator('.step-next').click();
  await a.locator('.step[data-step="natanz"]').waitFor();
  assert.equal(await b.locator('.step').getAttribute('data-step'), 'estimates', 'frame b did not move');

  await page.locator('#mount-a .step-headline').first().waitFor();
  await page.locator('#mount-b .step-headline').first().waitFor();
  assert.equal(await page.locator('#mount-b .step').getAttribute('data-step'), 'barrage');
  assert.equal(await page.locator('#mount-b .masthead').count(), 0, 'data-plain drops the masthead');
  await page.locator('#mount-a .step-next').click();
  await page.locator('#mount-a .step[data-step="natanz"]').waitFor();
  assert.equal(await page.locator('#mount-b .step').getAttribute('data-step'), 'barrage', 'mount b did not move');
  await page.locator('#mount-a .step-headline').first().focus();
  await page.keyboard.press('End');
  await page.locator('#mount-a .step[data-step="sources"]').waitFor();
  assert.equal(await page.locator('#mount-b .step').getAttribute('data-step'), 'barrage');

  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'element ids are unique across the two widgets');

  await page.evaluate(() => document.getElementById('mount-b').escalation.go_to('estimates'));
  await page.locator('#mount-b .step[data-step="estimates"]').waitFor();
  await page.evaluate(() => document.getElementById('mount-b').escalation.go_to(4));
  await page.locator('#mount-b .step[data-step="damascus-strike"]').waitFor();
  // A host may steer a widget in the same task that mounts it, before its first render.
  await page.evaluate(async () => {
    const { mount } = await import('../escalation.js');
    const element = document.createElement('div');
    element.id = 'mount-c';
    document.body.append(element);
    mount(element, { plain: true }).go_to('outcome');
  });
  await page.locator('#mount-c .step[data-step="outcome"]').waitFor();
  await page.evaluate(() => document.getElementById('mount-a').escalation.destroy());
  assert.equal(await page.locator('#mount-a *').count(), 0, 'destroy empties the element');
  assert.equal(await page.locator('#mount-b .step').getAttribute('data-step'), 'damascus-strike');
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad mount options and a bad go_to warn, and the widget still works', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}demo/multiple.html`);
  await page.locator('#mount-a .step-headline').first().waitFor();
  await page.evaluate(async () => {
    const { mount } = await import('../escalation.js');
    const div = document.createElement('div');
    div.id = 'bad';
    document.body.append(div);
    window.badHandle = mount(div, { step: 99, theme: 'plaid', colour: 'red', plain: 'sometimes' });
    window.badHandle.go_to('nowhere');
  });
  await page.locator('#bad .step-headline').first().waitFor();
  assert.equal(await page.locator('#bad .step').getAttribute('data-step'), 'sabotage-2020', 'defaults');
  assert.equal(await page.locator('#bad .masthead').count(), 1);
  await page.locator('#bad .step-next').click();
  await page.locator('#bad .step[data-step="natanz"]').waitFor();
  const warnings = problems.filter((p) => p.startsWith('warning: escalation:'));
  assert.equal(warnings.length, 5, problems.join('\n'));
  for (const key of ['`step`', '`theme`', '`colour`', '`plain`', 'go_to']) {
    assert.ok(warnings.some((w) => w.includes(key)), `a warning names ${key}`);
  }
  assert.equal(problems.length, warnings.length, 'nothing worse than warnings');
  const thrown = await page.evaluate(async () => {
    const { mount } = await import('../escalation.js');
    try { mount('not an element', {}); return 'no error'; } catch (e) { return String(e.message); }
  });
  assert.match(thrown, /needs a DOM element/);
  // Options that are not an object fall back to the defaults with a warning. On a fresh
  // page: the page has had four of its five mount warnings (src/embed/flood.rs).
  await page.reload();
  await page.locator('#mount-a .step-headline').first().waitFor();
  const before = problems.length;
  await page.evaluate(async () => {
    const { mount } = await import('../escalation.js');
    for (const options of ['barrage', [1, 2], 7]) {
      const div = document.createElement('div');
      div.className = 'not-an-object';
      document.body.append(div);
      mount(div, options);
    }
  });
  await page.locator('.not-an-object .step[data-step="sabotage-2020"]').nth(2).waitFor();
  const objectWarnings = problems.slice(before);
  assert.equal(objectWarnings.length, 3, objectWarnings.join('\n'));
  assert.ok(objectWarnings.every((w) => w.includes('mount options must be an object')), objectWarnings.join('\n'));
  await context.close();
});

test('a host can move an iframe with a message; a bad message only warns', async () => {
  const { context, page } = await watchedPage(env.browser);
  const frameProblems = [];
  page.on('console', (m) => { if (m.type() === 'warning') frameProblems.push(m.text()); });
  await page.goto(`${env.server.url}demo/multiple.html`);
  await heightSettles(page, 'frame-a');
  await page.evaluate(() => document.getElementById('frame-a').contentWindow.postMessage({ type: 'escalation:go-to', step: 'barrage' }, '*'));
  await page.frameLocator('#frame-a').locator('.step[data-step="barrage"]').waitFor();
  const warned = page.waitForEvent('console', {
    predicate: (m) => m.type() === 'warning' && m.text().includes('escalation:go-to'),
    timeout: 5000,
  });
  await page.evaluate(() => document.getElementById('frame-a').contentWindow.postMessage({ type: 'escalation:go-to', step: 42 }, '*'));
  await page.evaluate(() => document.getElementById('frame-a').contentWindow.postMessage('just a string from another script', '*'));
  await warned;
  // What is tested here is that nothing more happens: no step change and no second warning
  // in the 300 ms after the bad messages. This wait is the test, not a stand-in for a
  // condition.
  await page.waitForTimeout(300);
  assert.equal(await page.frameLocator('#frame-a').locator('.step').getAttribute('data-step'), 'barrage');
  assert.equal(frameProblems.filter((w) => w.includes('escalation:go-to')).length, 1, frameProblems.join('\n'));
  await context.close();
});

test('the Embed panel offers both snippets for the current step and copies them', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${env.server.url}#step-barrage`);
  await page.locator('.embed-toggle').click();
  const codes = await page.locator('.embed-code').allTextContents();
  assert.equal(codes.length, 2);
  assert.ok(codes[0].startsWith(`<iframe src="${env.server.url}index.html?step=barrage&amp;id=esc"`), codes[0]);
  assert.ok(codes[0].endsWith(`<script src="${env.server.url}embed.js" defer></script>`), codes[0]);
  // The div carries a link to the widget's own page at its step, for where the script cannot run.
  assert.equal(codes[1], `<div data-escalation data-step="barrage"><a href="${env.server.url}index.html#step-barrage">From sabotage to open fire: how Israel and Iran escalated</a></div>\n<script src="${env.server.url}embed.js" defer></script>`);
  await page.locator('.copy-code').first().click();
  // The clipboard answers asynchronously: the button changes once its promise settles.
  await page.locator('.copy-code').first().filter({ hasNotText: /^Copy$/ }).waitFor();
  assert.equal(await page.locator('.copy-code').first().textContent(), 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), codes[0]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('printing lays out every step in order with its chart and the sources', async () => {
  const { context, page } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}#step-barrage`);
  await page.locator('.step-headline').first().waitFor();
  const total = await page.locator('.progress-dot').count();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.live-story').isVisible(), false);
  const flat = page.locator('.flat-step');
  assert.equal(await flat.count(), total);
  for (let i = 0; i < total; i++) {
    const step = flat.nth(i);
    assert.ok(await step.isVisible(), `step ${i + 1} prints`);
    assert.equal(await step.locator('.flat-position').textContent(), `Step ${i + 1} of ${total}`);
  }
  assert.ok(await flat.locator('.chart svg').first().isVisible());
  assert.ok(await flat.locator('.data-table').first().isVisible(), 'data tables print open');
  assert.ok(await page.locator('.flat-step .source-list').isVisible(), 'the sources print');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 20000, `the printout has content (${pdf.length} bytes)`);
  // Twelve steps on at most twelve A4 pages: the flat story is laid out for paper, not one
  // screen per step.
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  assert.ok(pages >= 1 && pages <= 12, `the printout has ${pages} A4 pages`);
  await context.close();
});

test('the offline file opens from disk and steps with every request blocked', async () => {
  const { DIST } = await import('./support.mjs');
  const { context, page, problems, requests } = await watchedPage(env.browser, { offline: true });
  await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(`file://${DIST}/escalation-offline.html`);
  await page.locator('.step-headline').first().waitFor();
  assert.equal(await page.locator('.live-story .step-headline').textContent(), '2020: a string of blasts inside Iran');
  await page.locator('.step-next').click();
  await page.locator('.live-story .step[data-step="natanz"]').waitFor();
  await page.keyboard.press('End');
  await page.locator('.live-story .step[data-step="sources"]').waitFor();
  const href = await page.locator('.live-story .downloads a').first().getAttribute('href');
  assert.match(href, /^data:application\/json;charset=utf-8;base64,/, 'downloads travel inside the file');
  const json = JSON.parse(Buffer.from(href.split(',')[1], 'base64').toString('utf8'));
  assert.ok(json.figures.length > 20);
  const flatHrefs = await page.locator('#escalation-flat .downloads a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(flatHrefs.length >= 6 && flatHrefs.every((h) => h.startsWith('data:')), 'the flat story (no script, print) links the same embedded downloads');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'no network requests');
  assert.equal(await page.locator('.embed-toggle').count(), 0, 'no Embed panel: a snippet pointing at a file:// URL cannot work');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Embed this" is on the widget\'s own page only, not inside an iframe embed', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await page.locator('.live-story .embed-toggle').waitFor();
  await page.goto(`${env.server.url}demo/article.html`);
  await heightSettles(page, 'escalation-frame');
  const frame = page.frameLocator('#escalation-frame');
  await frame.locator('.live-story .step-next').click();
  await frame.locator('.live-story .step[data-step="natanz"]').waitFor();
  assert.equal(await frame.locator('.embed-toggle').count(), 0, 'inside the iframe');
  await page.locator('#escalation-mount .step[data-step="barrage"]').waitFor();
  assert.equal(await page.locator('#escalation-mount .embed-toggle').count(), 0, 'inside the div mount');
  assert.deepEqual(problems, []);
  await context.close();
});

test('dist/ works from a sub-path, with its demo page and embeds', async () => {
  const sub = await serve(undefined, { prefix: '/some/sub/path/' });
  try {
    const { context, page, problems, requests } = await watchedPage(env.browser);
    await page.goto(`${sub.url}demo/article.html`);
    await heightSettles(page, 'escalation-frame');
    await page.locator('#escalation-mount .step[data-step="barrage"]').waitFor();
    const origin = new URL(sub.url).origin;
    assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/some/sub/path/`)), [], 'every request stays under the sub-path');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await sub.close();
  }
});
