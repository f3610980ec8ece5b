// What the bundle gives newsrooms beyond the widget: every chart as an image to download (PNG
// and SVG, written at build time and linked from the step's details), and the share card a
// shared link shows, with its tags. (oEmbed needs the bundle's public URL, which this test
// build has none of: its JSON is checked natively, in src/app/share.rs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suite, watchedPage, DIST, serve, pages } from './support.mjs';

const env = suite();

/** A PNG's width and height, from its IHDR chunk; throws if `bytes` is not a PNG. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** Decodes an image in the page, as a browser or an editor's tool would open it. */
async function decoded(page, href) {
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, href);
}

test('every drawn chart links its image as PNG and SVG, and each is that chart', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}?tables=1`);
  await page.waitForFunction(() => window.escalationMemory);
  await page.locator('.live-story .details-content').waitFor();
  const total = await page.locator('.live-story .progress-dot').count();
  let charts = 0;
  for (let i = 0; i < total; i++) {
    await page.locator('.live-story .progress-dot').nth(i).click();
    await page.waitForFunction((n) => document.querySelector('.live-story .progress-count').textContent.startsWith(`${n} of`), i + 1);
    const drawn = await page.locator('.live-story .step .chart-box .chart-svg').count() > 0;
    const links = page.locator('.live-story .details-content .chart-image-links a');
    if (!drawn) {
      assert.equal(await links.count(), 0, `step ${i + 1} draws no chart and offers no image`);
      continue;
    }
    charts += 1;
    assert.equal(await links.count(), 2, `step ${i + 1}: a PNG and an SVG`);
    const headline = (await page.locator('.live-story .step .slot-live .step-headline').textContent()).trim();
    const title = (await page.locator('.live-story .step .slot-live .chart-title').textContent()).trim();
    for (const link of await links.all()) {
      const href = new URL(await link.getAttribute('href'), page.url()).href;
      const name = await link.getAttribute('download');
      assert.ok(href.endsWith(`/images/${name}`), `${href} downloads as ${name}`);
      const response = await page.request.get(href);
      assert.equal(response.status(), 200, href);
      const body = await response.body();
      if (name.endsWith('.png')) {
        const [width, height] = pngSize(body);
        assert.equal(width, 1200, `${name} is 1200 px wide`);
        assert.ok(height > 600, `${name} is ${height} px tall`);
        assert.deepEqual(await decoded(page, href), [width, height], `${name} decodes`);
      } else {
        assert.ok(name.endsWith('.svg'), name);
        const svg = body.toString('utf8');
        assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        const imageTitle = svg.match(/<title>([^<]*)<\/title>/)[1].replaceAll('&#x27;', "'").replaceAll('&amp;', '&');
        assert.equal(imageTitle, `${headline}: ${title}`, `${name} is step ${i + 1}'s chart`);
        assert.ok(svg.includes('<style><![CDATA['), `${name} carries its own styles`);
        assert.ok(!svg.includes('var(--'), `${name} has no custom property left to resolve`);
        const [width] = await decoded(page, href);
        assert.equal(width, 1200, `${name} opens at 1200 px`);
      }
    }
  }
  assert.ok(charts >= 10, `${charts} charts offered as images`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the share card is 1200 × 630 and the page carries the tags a shared link reads', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const content = (attr, name) => html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`))?.[1];
  const title = html.match(/<title>([^<]*)<\/title>/)[1];
  assert.equal(content('property', 'og:title'), title);
  assert.equal(content('name', 'twitter:title'), title);
  assert.ok(content('property', 'og:description').length > 40);
  assert.equal(content('name', 'twitter:card'), 'summary_large_image');
  // This build has no public URL: the tags that need an absolute one are left out.
  assert.equal(content('property', 'og:image'), undefined);
  assert.ok(!html.includes('application/json+oembed'));
  assert.deepEqual(pngSize(await readFile(join(DIST, 'images/share-card.png'))), [1200, 630]);
  const { context, page } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  assert.deepEqual(await decoded(page, `${env.server.url}images/share-card.png`), [1200, 630]);
  await context.close();
});

test('the offline file offers no chart image it does not carry, and no tag that needs the web', async () => {
  const html = await readFile(join(DIST, 'escalation-offline.html'), 'utf8');
  for (const online of ['og:image', 'og:url', 'twitter:image', 'json+oembed']) {
    assert.ok(!html.includes(online), `no ${online} in the offline file`);
  }
  assert.ok(html.includes('og:title'), 'the title tags stay');
  const { context, page } = await watchedPage(env.browser, { offline: true });
  await page.goto(`file://${DIST}/escalation-offline.html?tables=1#step-barrage`);
  await page.locator('.live-story .details-content').waitFor();
  assert.equal(await page.locator('.live-story .chart-data').count(), 1, 'the data table is there');
  assert.equal(await page.locator('.live-story .chart-image-links').count(), 0, 'no link to an image the file lacks');
  await context.close();
});

test('a div mounted on another site links the data and chart images in the bundle\'s folder, not the host\'s', async () => {
  // The widget's host must allow the cross-origin module and wasm (see the README).
  const widget = await serve(undefined, { headers: { 'access-control-allow-origin': '*' } });
  const host = await pages(() => ({
    body: `<!doctype html><title>Host article</title><p>Before.</p>
      <div data-escalation data-step="barrage" data-tables="1"></div>
      <script src="${widget.url}embed.js" defer></script>`,
  }));
  try {
    const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 1000, height: 900 } });
    await page.goto(host.url);
    const div = page.locator('[data-escalation]');
    await div.locator('.live-story .step[data-step="barrage"]').waitFor();
    await div.locator('.live-story .chart-image-links').waitFor();
    const images = await div.locator('.live-story .chart-image-links a').evaluateAll((links) => links.map((a) => a.href));
    assert.deepEqual(images, [`${widget.url}images/step-07-barrage.png`, `${widget.url}images/step-07-barrage.svg`]);
    // The last step's data downloads, too.
    await page.evaluate(() => document.querySelector('[data-escalation]').escalation.go_to('sources'));
    await div.locator('.live-story .step[data-step="sources"]').waitFor();
    const downloads = await div.locator('.live-story .get-data a.download').evaluateAll((links) => links.map((a) => a.href));
    assert.ok(downloads.length >= 2, downloads.join('\n'));
    for (const href of [...images, ...downloads]) {
      assert.ok(href.startsWith(widget.url), `${href} is in the bundle's folder`);
      const response = await page.request.get(href);
      assert.equal(response.status(), 200, href);
    }
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await host.close();
    await widget.close();
  }
});
