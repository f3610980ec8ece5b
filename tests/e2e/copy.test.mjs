// Copy in the Embed panel where the clipboard cannot be written: on a plain-HTTP page (a real
// insecure context: a hostname mapped to loopback, which Chromium does not trust as it trusts
// 127.0.0.1) `navigator.clipboard` does not exist; where the browser refuses the write (a
// frame without the clipboard permission, a denied permission) writeText's promise rejects.
// Either way the snippet is selected, the button says to press Ctrl+C, it never says
// "Copied", and nothing is thrown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage, suite, pages } from './support.mjs';

const env = suite();

const SELECTED = 'Selected: press Ctrl+C (⌘C) to copy';

/** Clicks the first Copy button; returns what the button says, the page's selection and the
 * snippet's text. */
async function copyFirst(page) {
  await page.locator('.embed-toggle').click();
  const code = await page.locator('.embed-code').first().textContent();
  await page.locator('.copy-code').first().click();
  await page.locator('.copy-code').first().filter({ hasNotText: /^Copy$/ }).waitFor();
  return {
    button: await page.locator('.copy-code').first().textContent(),
    selection: await page.evaluate(() => window.getSelection().toString()),
    code,
  };
}

test('on a plain-HTTP page, Copy selects the snippet and says to press Ctrl+C', async () => {
  const port = new URL(env.server.url).port;
  const browser = await launch(['--host-resolver-rules=MAP plain-http.test 127.0.0.1']);
  try {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`http://plain-http.test:${port}/#step-barrage`);
    await page.waitForFunction(() => window.escalationMemory);
    assert.deepEqual(
      await page.evaluate(() => ({ secure: window.isSecureContext, clipboard: typeof navigator.clipboard })),
      { secure: false, clipboard: 'undefined' },
      'a real insecure context, without a clipboard',
    );
    const { button, selection, code } = await copyFirst(page);
    assert.equal(button, SELECTED);
    assert.equal(selection, code, 'the whole snippet is selected');
    assert.match(await page.locator('.escalation [role="status"], .escalation [aria-live]').allTextContents().then((t) => t.join(' ')), /press Ctrl\+C/);
    assert.deepEqual(problems, [], 'no uncaught error, no console error');
    await context.close();
  } finally {
    await browser.close();
  }
});

test('where the browser refuses the write, Copy selects the snippet and never says "Copied"', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  // What a frame without the clipboard permission, or a denied permission, gets: a promise
  // that rejects.
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.goto(`${env.server.url}#step-barrage`);
  await page.waitForFunction(() => window.escalationMemory);
  const { button, selection, code } = await copyFirst(page);
  assert.equal(button, SELECTED);
  assert.notEqual(button, 'Copied');
  assert.equal(selection, code);
  // The second snippet's button is untouched and still offers to copy.
  assert.equal(await page.locator('.copy-code').nth(1).textContent(), 'Copy');
  assert.deepEqual(problems, []);
  await context.close();
});

test('in a cross-origin iframe without the clipboard permission there is no Copy to fail', async () => {
  const host = await pages(() => ({
    body: `<!doctype html><title>Host</title><iframe id="frame" src="${env.server.url}index.html?step=barrage" width="400" height="900"></iframe>`,
  }));
  try {
    const { context, page, problems } = await watchedPage(env.browser);
    await page.goto(host.url);
    const frame = page.frameLocator('#frame');
    await frame.locator('.live-story .step[data-step="barrage"]').waitFor();
    assert.equal(await frame.locator('.embed-toggle, .copy-code').count(), 0, 'the Embed panel is the widget page\'s own');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await host.close();
  }
});
