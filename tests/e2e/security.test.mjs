// Locked down: the bundle runs under a strict Content-Security-Policy (no inline script or
// style, no eval but wasm's) with zero violations, and never asks any other host for anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchedPage, suite } from './support.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const env = suite({ headers: { 'content-security-policy': CSP } });

async function cspPage(options) {
  const watched = await watchedPage(env.browser, options);
  await watched.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return watched;
}

test('the widget runs under a strict CSP with zero violations, through every step', async () => {
  const { context, page, problems, requests } = await cspPage({ viewport: { width: 375, height: 800 } });
  await page.goto(env.server.url);
  const total = await page.locator('.progress-dot').count();
  for (let i = 1; i < total; i++) {
    await page.locator('.live-story .step-next').click();
    await page.waitForFunction((n) => document.querySelector('.progress-count').textContent.startsWith(`${n} of`), i + 1);
  }
  await page.locator('.embed-toggle').click();
  await page.locator('.live-story .details-toggle').click();
  await page.locator('.live-story .details-panel').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), [], 'no request leaves the page\'s own host');
  await context.close();
});

test('the demo host page and both embeds run under the same CSP', async () => {
  const { context, page, problems, requests } = await cspPage();
  await page.goto(`${env.server.url}demo/article.html`);
  await page.locator('#escalation-mount .live-story .step[data-step="barrage"]').waitFor();
  await page.frameLocator('#escalation-frame').locator('.live-story .step-next').click();
  await page.frameLocator('#escalation-frame').locator('.live-story .step[data-step="natanz"]').waitFor();
  // embed.js has sized the frame from the widget's own height message.
  await page.waitForFunction(() => document.getElementById('escalation-frame').style.height !== '');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  await context.close();
});
