// The locator map in Chromium: on each map step, in both themes at 320, 375 and 1280 px, every
// label lies inside the map and no two overlap (their real boxes, as the browser lays out the
// text), the map credits Natural Earth and states its borders, a source line names the article, the places' table opens, axe-core finds nothing,
// and no request leaves the page's host. The flat story holds the base map once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { watchedPage, suite } from './support.mjs';

const MAP_STEPS = ['sabotage-2020', 'damascus-strike', 'the-defense'];
const env = suite();

/** The boxes of every label on the stage's map, and the map's own box, in CSS px. */
async function labelBoxes(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('.chart-box .chart-svg');
    const frame = svg.querySelector('.map-sea').getBoundingClientRect();
    const labels = [...svg.querySelectorAll('.map text')].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    });
    return { frame: { x0: frame.left, y0: frame.top, x1: frame.right, y1: frame.bottom }, labels };
  });
}

for (const [width, height] of [[320, 568], [375, 667], [1280, 800]]) {
  for (const scheme of ['light', 'dark']) {
    test(`map steps at ${width} px, ${scheme}: labels apart and inside, sourced, table, axe, no other host`, async () => {
      const { context, page, problems, requests } = await watchedPage(env.browser, { viewport: { width, height }, colorScheme: scheme });
      for (const slug of MAP_STEPS) {
        await page.goto(`${env.server.url}index.html?step=${slug}`);
        await page.waitForFunction((s) => document.querySelector('.step')?.getAttribute('data-step') === s, slug);
        const { frame, labels } = await labelBoxes(page);
        assert.ok(labels.length >= 7, `${slug}: the country labels at least (${labels.length})`);
        const tolerance = 0.5; // sub-pixel rounding
        for (const l of labels) {
          assert.ok(l.x0 >= frame.x0 - tolerance && l.y0 >= frame.y0 - tolerance && l.x1 <= frame.x1 + tolerance && l.y1 <= frame.y1 + tolerance,
            `${slug} at ${width}: "${l.text}" leaves the map`);
        }
        // A two-line place label is one <text>: its lines never overlap each other.
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            const [a, b] = [labels[i], labels[j]];
            const overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
            assert.ok(!overlap, `${slug} at ${width}: "${a.text}" overlaps "${b.text}"`);
          }
        }
        if (width === 375) {
          const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.chart-box .map text')]
            .map((t) => t.getBoundingClientRect().height)));
          assert.ok(smallest >= 12, `${slug}: map text ${smallest} px tall at 375 px`);
        }
      
        // The map credits its base and says how it draws borders, in its own corner; the
        // line under it names the articles its marks come from.
        const credit = (await page.locator('.chart-box .map-credit').textContent()).replace(/\s+/g, ' ');
        assert.match(credit, /Base map: Natural Earth\. Boundaries:\s*de facto; dashed lines are disputed/, `${slug}: the credit`);
        const source = await page.locator('.step .slot-live .chart-source').textContent();
        assert.match(source, /^Source: /, `${slug}: the source line`);
        // The places' table opens behind the step's details.
        const toggle = page.locator('.details-toggle');
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
        const caption = await page.locator('.details-panel .data-table caption').first().textContent();
        assert.match(caption, /(Places|Countries) on the map/);
        if (slug === 'sabotage-2020') {
          const rows = await page.locator('.details-panel .data-table tbody th').allTextContents();
          assert.deepEqual(rows, ['Tehran', 'Parchin', 'Natanz', 'Isfahan']);
          assert.match(await page.locator('.details-panel .data-table').first().textContent(), /33\.717° N, 51\.717° E/);
        }
        const axe = await new AxeBuilder({ page }).include('.escalation').analyze();
        const violations = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        assert.deepEqual(violations, [], `axe on ${slug} at ${width} (${scheme})`);
        await toggle.click();
      }
      const host = new URL(env.server.url).host;
      const elsewhere = requests.filter((r) => !r.startsWith('data:') && new URL(r).host !== host);
      assert.deepEqual(elsewhere, [], 'no request leaves the page\'s host');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('the flat story holds exactly one copy of the base map, used by each map step', async () => {
  const { context, page } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}index.html`);
  const counts = await page.evaluate(() => {
    const flat = document.getElementById('escalation-flat');
    const land = flat.querySelectorAll('symbol[id$="-map-land"]');
    const id = land[0]?.id;
    return {
      symbols: land.length,
      uses: flat.querySelectorAll(`use[href="#${id}"]`).length,
      paths: flat.querySelectorAll('symbol path').length,
      drawnPaths: flat.querySelectorAll('.flat-step .map path[d^="M"]').length,
    };
  });
  assert.equal(counts.symbols, 1, 'one base map');
  assert.equal(counts.uses, MAP_STEPS.length, 'each map step uses it');
  assert.ok(counts.paths > 20, 'the countries are paths of the symbol');
  await context.close();
});
