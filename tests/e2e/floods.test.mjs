// Robust where real readers and hosts are: floods of bad input (URL options, messages, mount
// options) log a few warnings and a count, never one line each, and the widget still starts
// and answers; widgets given the same `id` keep their element ids apart; a widget cannot be
// mounted into another; and a burst of held arrow keys on the widget's own page moves the
// story by exactly as many steps, without scrolling the page or a console error.
//
// The counts are asserted, not the wording: a shown line names what it refused, and a
// summary line says "<N> more" (src/embed/flood.rs), so what was shown plus what was counted
// must make up the whole flood.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { watchedPage, suite } from './support.mjs';

// src/embed/flood.rs: lines of one kind logged in full, and summary lines, per page.
const SHOWN = 5;
const SUMMARIES = 3;

// A query of 100,000 keys is about half a megabyte: more than Node's default request head.
const env = suite({ maxHeaderSize: 4 << 20 });

/** The count a summary line tells, or null for any other line. */
const counted = (line) => {
  const match = /\b(\d+) more\b/.exec(line);
  return match ? Number(match[1]) : null;
};
const isSummary = (message) => message.type() === 'warning' && counted(message.text()) !== null;

/** Our console lines among `problems`, split into shown lines and summaries' counts. */
function tally(problems, shownLine) {
  const ours = problems.filter((p) => p.includes('escalation:'));
  const summaries = ours.map(counted).filter((n) => n !== null);
  const shown = ours.filter((p) => counted(p) === null && shownLine(p));
  return { ours, shown, summaries, total: shown.length + summaries.reduce((a, b) => a + b, 0) };
}

test('100,000 unknown URL options: a few warnings naming them and a count; the widget starts and answers', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  const keys = Array.from({ length: 100_000 }, (_, i) => `k${i.toString(36)}`);
  const summarized = page.waitForEvent('console', { predicate: isSummary });
  await page.goto(`${env.server.url}?${keys.join('&')}`);
  await page.waitForFunction(() => window.escalationMemory);
  await page.locator('.live-story .step-next').click();
  await page.waitForFunction(() => document.querySelector('.live-story .progress-count')?.textContent.startsWith('2 of'));
  await summarized;
  const { ours, shown, summaries, total } = tally(problems, (p) => p.startsWith('warning:') && /`k[0-9a-z]+`/.test(p));
  assert.ok(shown.length >= 1 && shown.length <= SHOWN, `the first few name their key:\n${ours.join('\n')}`);
  assert.equal(total, keys.length, `every key is shown or counted:\n${ours.join('\n')}`);
  assert.ok(ours.length <= SHOWN + SUMMARIES, `${ours.length} lines:\n${ours.slice(0, 10).join('\n')}`);
  assert.deepEqual(problems.filter((p) => !p.includes('escalation:')), []);
  await context.close();
});

test('10,000 bad go-to messages to an iframe: a few warnings and a count; the next good one is answered', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}demo/multiple.html`);
  const frame = page.frameLocator('#frame-a');
  await frame.locator('.live-story .step-headline').waitFor();
  // The frame's own page has started once its URL options are read: it then heeds messages.
  await page.waitForFunction(() => document.getElementById('frame-a').contentWindow.escalationMemory);
  const summarized = page.waitForEvent('console', { predicate: isSummary });
  await page.evaluate(() => {
    const target = document.getElementById('frame-a').contentWindow;
    for (let i = 0; i < 10_000; i++) target.postMessage({ type: 'escalation:go-to', step: `nowhere-${i}` }, '*');
  });
  await summarized;
  await page.evaluate(() => document.getElementById('frame-a').contentWindow.postMessage({ type: 'escalation:go-to', step: 'barrage' }, '*'));
  await frame.locator('.live-story .step[data-step="barrage"]').waitFor();
  const { ours, shown, total } = tally(problems, (p) => p.startsWith('warning:') && /"nowhere-\d+"/.test(p));
  assert.ok(shown.length >= 1 && shown.length <= SHOWN, `the first few name their step:\n${ours.join('\n')}`);
  assert.equal(total, 10_000, `every message is shown or counted:\n${ours.join('\n')}`);
  assert.ok(ours.length <= SHOWN + SUMMARIES, `${ours.length} lines:\n${ours.slice(0, 10).join('\n')}`);
  await context.close();
});

test('10,000 unknown mount options: a few warnings and a count; the good option is honoured', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}demo/multiple.html`);
  await page.locator('#mount-a .step-headline').first().waitFor();
  const summarized = page.waitForEvent('console', { predicate: isSummary });
  await page.evaluate(async () => {
    const { mount } = await import('../escalation.js');
    const options = { step: 'barrage' };
    for (let i = 0; i < 10_000; i++) options[`k${i}`] = i;
    const div = document.createElement('div');
    div.id = 'flooded';
    document.body.append(div);
    window.flooded = mount(div, options);
  });
  await page.locator('#flooded .live-story .step[data-step="barrage"]').waitFor();
  await summarized;
  const { ours, shown, total } = tally(problems, (p) => p.startsWith('warning:') && /`k\d+`/.test(p));
  assert.ok(shown.length >= 1 && shown.length <= SHOWN, `the first few name their key:\n${ours.join('\n')}`);
  assert.equal(total, 10_000, `every option is shown or counted:\n${ours.join('\n')}`);
  assert.ok(ours.length <= SHOWN + SUMMARIES, `${ours.length} lines:\n${ours.slice(0, 10).join('\n')}`);
  await page.locator('#flooded .live-story .step-next').click();
  await page.locator('#flooded .live-story .step[data-step="interception"]').waitFor();
  await context.close();
});

/** Every id an ARIA reference in `root` names, and whether it is in `root`. */
function references(root) {
  const out = [];
  for (const element of root.querySelectorAll('[aria-controls], [aria-labelledby], [aria-describedby]')) {
    for (const attribute of ['aria-controls', 'aria-labelledby', 'aria-describedby']) {
      for (const id of (element.getAttribute(attribute) || '').split(/\s+/).filter(Boolean)) {
        const target = document.getElementById(id);
        out.push({ id, inside: target !== null && root.contains(target) });
      }
    }
  }
  return out;
}

test('two widgets mounted with the same id: unique element ids, each one\'s ARIA references inside it, axe clean', async () => {
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 1000, height: 900 } });
  await page.goto(`${env.server.url}demo/multiple.html`);
  await page.locator('#mount-a .step-headline').first().waitFor();
  await page.evaluate(async () => {
    const { mount } = await import('../escalation.js');
    for (const [id, step] of [['twin-1', 'natanz'], ['twin-2', 'barrage']]) {
      const div = document.createElement('div');
      div.id = id;
      document.body.append(div);
      window[id] = mount(div, { id: 'story', step, tables: true });
    }
  });
  await page.locator('#twin-1 .live-story .step[data-step="natanz"]').waitFor();
  await page.locator('#twin-2 .live-story .step[data-step="barrage"]').waitFor();
  const check = async () => {
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(repeated, [], 'no element id twice in the document');
    for (const twin of ['#twin-1', '#twin-2']) {
      const refs = await page.locator(twin).evaluate(references);
      assert.ok(refs.length >= 10, `${twin} has ARIA references (${refs.length})`);
      assert.deepEqual(refs.filter((r) => !r.inside), [], `${twin}'s references resolve inside it`);
    }
  };
  await check();
  const axe = await new AxeBuilder({ page })
    .include('#twin-1').include('#twin-2')
    .withRules(['duplicate-id', 'duplicate-id-active', 'duplicate-id-aria', 'aria-valid-attr-value'])
    .analyze();
  const violations = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(violations, []);
  // Each steers its own story; a destroyed one frees its prefix for the next.
  await page.locator('#twin-2 .live-story .step-next').click();
  await page.locator('#twin-2 .live-story .step[data-step="interception"]').waitFor();
  assert.equal(await page.locator('#twin-1 .live-story .step').getAttribute('data-step'), 'natanz');
  await page.evaluate(async () => {
    window['twin-1'].destroy();
    const { mount } = await import('../escalation.js');
    window['twin-1'] = mount(document.getElementById('twin-1'), { id: 'story' });
  });
  await page.locator('#twin-1 .live-story .step[data-step="sabotage-2020"]').waitFor();
  await check();
  assert.deepEqual(problems, []);
  await context.close();
});

test('mounting into a live widget, or around one, is refused with a console error; the widget keeps working', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}demo/multiple.html`);
  await page.locator('#mount-a .step-headline').first().waitFor();
  const handles = await page.evaluate(async () => {
    const { mount } = await import('../escalation.js');
    const inside = document.querySelector('#mount-a .live-story .step-headline');
    return [inside, document.getElementById('mount-a'), document.body].map((element) => typeof mount(element, { step: 3 }));
  });
  assert.deepEqual(handles, ['undefined', 'undefined', 'undefined'], 'no handle for a refused mount');
  assert.equal(await page.locator('#mount-a .escalation').count(), 1, 'nothing mounted inside the widget');
  // The widget around the refused element renders on: a new step, then a host's go_to.
  await page.locator('#mount-a .live-story .step-next').click();
  await page.locator('#mount-a .live-story .step[data-step="natanz"]').waitFor();
  await page.evaluate(() => document.getElementById('mount-a').escalation.go_to('barrage'));
  await page.locator('#mount-a .live-story .step[data-step="barrage"]').waitFor();
  const errors = problems.filter((p) => p.startsWith('error: escalation:'));
  assert.equal(errors.length, 3, problems.join('\n'));
  assert.deepEqual(problems.filter((p) => !errors.includes(p)), [], 'no panic, no page error, nothing else');
  assert.equal(await page.locator('.crash-note').count(), 0, 'no widget turned static');
  await context.close();
});

test('200 arrow keys in quick succession on the widget\'s own page: every one moves the story, the page never scrolls', async () => {
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 1000, height: 700 } });
  // From step 3: Right and Left in turn 97 times (between steps 3 and 4), then Right held
  // for 6 repeats: step 9. The walk never reaches either end, so a lost press, either way,
  // ends on another step.
  await page.goto(`${env.server.url}#step-ground-rules`);
  await page.waitForFunction(() => window.escalationMemory);
  await page.waitForFunction(() => document.querySelector('.live-story .progress-count').textContent.startsWith('3 of'));
  // A page that can scroll both ways, scrolled a little, with the focus on the page itself.
  const before = await page.evaluate(() => {
    const room = document.createElement('div');
    room.style.cssText = 'width: 4000px; height: 4000px';
    document.body.append(room);
    window.scrollTo(200, 200);
    document.activeElement?.blur();
    return { x: window.scrollX, y: window.scrollY, focus: document.activeElement.tagName };
  });
  assert.deepEqual(before, { x: 200, y: 200, focus: 'BODY' });
  for (let i = 0; i < 97; i++) {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
  }
  for (let i = 0; i < 6; i++) await page.keyboard.down('ArrowRight');
  await page.keyboard.up('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.live-story .progress-count').textContent.startsWith('9 of'));
  const after = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY, focus: document.activeElement.tagName }));
  assert.deepEqual(after, before, 'the page did not scroll, and the focus stayed on it');
  assert.deepEqual(problems, []);
  await context.close();
});
