// The release bundle in Chromium: the first step renders from wasm, "Next" moves on, the
// console stays clean and nothing is requested from any host but the page's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, watchedPage, suite } from './support.mjs';

const env = suite();

test('renders the first step, steps forward, no errors, no third-party requests', async () => {
  const { context, page, problems, requests } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await page.locator('.step-headline').waitFor();
  assert.equal(await page.locator('h1.title').textContent(), 'From sabotage to open fire: how Israel and Iran escalated');
  assert.equal(await page.locator('.step-headline').textContent(), '2020: a string of blasts inside Iran');
  assert.match(await page.locator('.progress-count').textContent(), /^1 of \d+$/);

  await page.locator('.step-next').click();
  await page.waitForFunction(() => document.querySelector('.progress-count')?.textContent.startsWith('2 of'));
  assert.equal(await page.locator('.step-headline').textContent(), 'Natanz: a setback counted in years');

  const origin = new URL(env.server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.deepEqual(problems, [], 'console errors or warnings');
  await context.close();
});

test('the bundle works from a sub-path (relative asset URLs)', async () => {
  const sub = await serve(undefined, { prefix: '/some/sub/path/' });
  try {
    const { context, page, problems } = await watchedPage(env.browser);
    await page.goto(sub.url);
    await page.locator('.step-headline').waitFor();
    assert.equal(await page.locator('.step-headline').textContent(), '2020: a string of blasts inside Iran');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await sub.close();
  }
});
