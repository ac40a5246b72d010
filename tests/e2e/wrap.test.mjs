// wrap.test.mjs — long lines in multi-line text fields wrap at the field's width instead of scrolling
// sideways (ImGuiInputTextFlags_WordWrap, cmake/imgui_word_wrap.cmake). A respondent types a long
// open answer at 1280x800 and on a 390x844 phone: the first word stays where it was drawn, the text
// spans several rows, Up, Down, Home and End move by the rows drawn, a click in the second row puts
// the cursor there, and the text read back is exactly what was typed (no line breaks inserted), also
// when its end comes through an input method.
// With LOUPE_SCREENSHOTS=DIR it also saves a wrapped answer in Polish and Japanese, phone and desktop,
// light and dark, for a person to look at.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launchBrowser, startServer, openApp, settle, rect, waitForWidget, click, pixels, luminance, ROOT}
  from './harness.mjs';
import {reveal, fieldText} from './steps.mjs';

const LOUPE = join(ROOT, 'build/native/loupe');
const WORDS = ('Wrapping keeps every word of a long answer in view so that nobody has to guess what the start ' +
               'of their own sentence said before they pressed the next key on a small phone screen today, and a ' +
               'desktop window shows the same words in fewer but longer rows that still end well before the edge').split(' ');
const FIELD = 'answer/open-answer';

let browser, server, origin, link;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'loupe-wrap-'));
  writeFileSync(join(dir, 'items.txt'), ['Price', 'Battery life', 'Camera', 'Screen', 'Weight'].join('\n'));
  const survey = join(dir, 'wrap.loupe');
  execFileSync(LOUPE, ['survey', 'create', '--title', 'Phones', '--items-file', join(dir, 'items.txt'),
                       '--open-question', 'Anything else?', '--out', survey]);
  link = execFileSync(LOUPE, ['survey', 'link', survey, '--base', origin + '/']).toString().trim();
});
after(async () => {
  await browser.close();
  server.close();
});

const devices = {
  desktop: {viewport: {width: 1280, height: 800}, colorScheme: 'light', permissions: ['clipboard-read', 'clipboard-write']},
  phone: {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: 'dark',
          permissions: ['clipboard-read', 'clipboard-write']},
};

// Answers every screen of the survey and stops at the open question.
async function toOpenQuestion(context) {
  const {page, log} = await openApp(context, origin, link.slice(link.indexOf('#')));
  await click(page, 'answer/start');
  for (let i = 0; i < 30 && !(await rect(page, FIELD)); ++i) {
    await click(page, 'answer/most/0');
    await click(page, 'answer/least/1');
    await click(page, 'answer/next');
  }
  await reveal(page, FIELD);
  return {page, log};
}

// The rows of text drawn inside the field (CSS pixels): runs of pixel rows where ink is dense (the
// letters' x-height; ascenders and descenders between two rows are sparse), each with its leftmost
// and rightmost ink. The frame's border is left out.
async function inkRows(page, r) {
  const img = await pixels(page);
  const s = img.width / page.viewportSize().width;
  const x0 = Math.ceil((r.x + 3) * s), x1 = Math.floor((r.x + r.w - 3) * s);
  const y0 = Math.ceil((r.y + 3) * s), y1 = Math.floor((r.y + r.h - 3) * s);
  const bg = luminance(img.at(x0, y0));
  const lines = [];
  for (let y = y0; y < y1; ++y) {
    const line = {y, count: 0, left: -1, right: -1};
    for (let x = x0; x < x1; ++x)
      if (Math.abs(luminance(img.at(x, y)) - bg) > 60) { if (line.left < 0) line.left = x; line.right = x; line.count++; }
    lines.push(line);
  }
  const dense = Math.max(1, ...lines.map((l) => l.count)) * 0.25;
  const rows = [];
  let run = null;
  for (const l of lines) {
    if (l.count >= dense) {
      if (!run || l.y - run.bottom > 1) rows.push(run = {top: l.y, bottom: l.y, left: l.left, right: l.right});
      run.bottom = l.y; run.left = Math.min(run.left, l.left); run.right = Math.max(run.right, l.right);
    }
  }
  return {img, s, rows: rows.filter((row) => row.bottom - row.top >= 2 * s)};
}

// Leaves the field (a click or tap beside it), so that its next activation starts from its text.
async function leave(page, field, touch) {
  const at = {x: field.x + field.w / 2, y: field.y + field.h + 12};
  if (touch) await page.touchscreen.tap(at.x, at.y);
  else await page.mouse.click(at.x, at.y);
  await settle(page, 150);
}

const crop = (img, box) => {
  const out = [];
  for (let y = box.y0; y <= box.y1; ++y) for (let x = box.x0; x <= box.x1; ++x) out.push(luminance(img.at(x, y)));
  return out;
};

for (const [device, options] of Object.entries(devices)) {
  test(`${device}: a long open answer wraps; the cursor moves by the rows drawn`, async () => {
    const context = await browser.newContext(options);
    const {page, log} = await toOpenQuestion(context);
    const field = await waitForWidget(page, FIELD);
    await click(page, FIELD);

    // The first word, and a crop of its left part (the cursor is at its right).
    await page.keyboard.type(WORDS[0]);
    await settle(page);
    const first = await inkRows(page, field);
    assert.equal(first.rows.length, 1, 'one row of text');
    const word = first.rows[0];
    const box = {x0: word.left - 1, x1: Math.floor(word.left + (word.right - word.left) * 0.6),
                 y0: Math.round(word.top - 4 * first.s), y1: Math.round(word.bottom + 3 * first.s)};
    const before = crop(first.img, box);

    // More words until the answer fills three rows.
    let typed = WORDS[0], rows;
    for (const w of WORDS.slice(1)) {
      await page.keyboard.type(' ' + w);
      typed += ' ' + w;
      if (typed.length < 40) continue;
      await settle(page, 150);
      ({rows} = await inkRows(page, field));
      if (rows.length >= 3) break;
    }
    await settle(page);
    const now = await inkRows(page, field);
    rows = now.rows;
    assert.ok(rows.length >= 3, `the answer wraps into rows (${rows.length})`);
    const after = crop(now.img, box);
    const moved = after.filter((v, i) => Math.abs(v - before[i]) > 24).length;
    assert.ok(moved <= after.length * 0.01, `the first word is still drawn where it was (${moved} of ${after.length} pixels differ)`);
    for (const row of rows) assert.ok(Math.abs(row.left - word.left) <= 12 * now.s, 'every row starts at the left edge');

    // Up from the end lands one row higher, Down comes back; Home and End go to the ends of a row.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('^');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('~');
    await page.keyboard.press('Home');
    await page.keyboard.type('<');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.type('>');
    await settle(page);
    await leave(page, field, options.hasTouch);
    const text = await fieldText(page, FIELD);
    assert.equal(text.replace(/[\^~<>]/g, ''), typed, 'the text is exactly what was typed, no line breaks added');
    const up = text.indexOf('^'), down = text.indexOf('~'), home = text.indexOf('<');
    const row = (a, b, what) => assert.ok(b - a >= 8 && b - a <= 110, `${what}: ${b - a} characters in "${text}"`);
    row(up, text.length, 'Up from the end moves one row up');
    row(up, down, 'Down moves one row down');
    assert.ok(home > down - 110 && home < down && text[home - 1] === ' ', `Home goes to the start of the row: "${text}"`);
    assert.ok(text.includes('> <'), `End goes to the end of the row above, before its last space: "${text}"`);

    // A click at the left of the second row puts the cursor at that row's start.
    const shown = (await inkRows(page, field)).rows;
    const at = {x: field.x + 4, y: (shown[1].top + shown[1].bottom) / 2 / now.s};
    if (options.hasTouch) await page.touchscreen.tap(at.x, at.y);
    else await page.mouse.click(at.x, at.y);
    await settle(page, 150);
    await page.keyboard.type('|');
    await settle(page);
    await leave(page, field, options.hasTouch);
    const clicked = await fieldText(page, FIELD);
    const bar = clicked.indexOf('|');
    assert.equal(clicked.replace('|', ''), text);
    assert.ok(bar >= 8 && bar <= 110 && clicked[bar - 1] === ' ', `the click lands at the start of row 2: "${clicked}"`);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('a wrapped answer in Polish and Japanese, the end through an input method (screenshots with LOUPE_SCREENSHOTS=DIR)', async () => {
  const context = await browser.newContext(devices.desktop);
  const {page, log} = await toOpenQuestion(context);
  await click(page, FIELD);
  const answer = 'Zażółć gęślą jaźń: wyszukiwanie działa szybko, ale ustawienia są ukryte zbyt głęboko w menu. ' +
                 'オフラインでも使えるのはとても便利ですが、検索結果の並び順が分かりにくいと感じました。';
  await page.keyboard.type(answer);
  // The end of it through an input method: the reading grows while composing, then is replaced once.
  const cdp = await page.context().newCDPSession(page);
  for (const reading of ['こ', 'こうそく', 'こうそくな']) {
    await cdp.send('Input.imeSetComposition', {text: reading, selectionStart: reading.length, selectionEnd: reading.length});
    await settle(page, 100);
  }
  await cdp.send('Input.insertText', {text: '高速な'});
  await cdp.detach();
  // The Japanese font arrives once Japanese text is on screen; then nothing is drawn as a box.
  await page.waitForFunction(() => UTF8ToString(Module._loupe_placeholder_glyphs()) === '', null, {timeout: 20000});
  await settle(page);
  await leave(page, await rect(page, FIELD), false);
  assert.equal(await fieldText(page, FIELD), answer + '高速な');
  await click(page, FIELD);
  const dir = process.env.LOUPE_SCREENSHOTS;
  if (dir) {
    mkdirSync(dir, {recursive: true});
    for (const scheme of ['light', 'dark'])
      for (const [device, {viewport}] of Object.entries(devices)) {
        await page.emulateMedia({colorScheme: scheme});
        await page.setViewportSize(viewport);
        await settle(page);
        await reveal(page, FIELD);
        await page.screenshot({path: `${dir}/wrap-${device}-${scheme}.png`});
      }
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
