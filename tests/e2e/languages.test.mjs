// languages.test.mjs — text in any script is kept exactly: a PM writes a survey with items in Polish,
// Greek, Russian and Japanese by typing, pasting and an input method; a respondent answers it from
// its link; the PM imports the response code. The item names in the results, the scores CSV and what
// a screen reader hears equal what was typed, byte for byte. The Japanese font is fetched only once
// Japanese text is on screen. With LOUPE_SCREENSHOTS=DIR it also saves the editor, the answering
// screen and the results at 1280x800 and 390x844, light and dark, for a person to look at.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ROOT, launchBrowser, startServer, openApp, settle, rect, waitForWidget, click, tap, watch} from './harness.mjs';
import {press, reveal, clipboard, fieldText, newSurvey, spoken, screenNumber, answerScreen, pressWhileBusy,
        expectWidget} from './steps.mjs';

const TITLE = 'Priorytety — Προτεραιότητες — Приоритеты — 優先順位';
const PASTED = ['Zażółć gęślą jaźń', 'Łatwe wyszukiwanie w ścieżkach', 'Γρήγορη αναζήτηση', 'Λειτουργία εκτός σύνδεσης'];
const TYPED = ['Быстрый поиск', 'Тёмная тема оформления', 'オフラインで使える'];
const COMPOSED = '高速な検索';  // through an input method: composed in steps, then committed
const ITEMS = [...PASTED, ...TYPED, COMPOSED];
const CJK_FONT = '/fonts/noto-sans-cjk.otf';

let browser, server, origin;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  server.close();
});

const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light', acceptDownloads: true,
                 permissions: ['clipboard-read', 'clipboard-write']};
const LOUPE = join(ROOT, 'build/native/loupe');
// The characters the last frame drew as the placeholder box, because no font (yet) has them.
const boxes = (page) => page.evaluate(() => UTF8ToString(Module._loupe_placeholder_glyphs()));
const fontRequests = (log) => log.requests.filter((url) => new URL(url).pathname === CJK_FONT).length;

// Types `text` the way a Japanese input method does: the reading grows while composing (the field
// shows it as a preview), then the chosen characters replace it, once.
async function compose(page, readings, text) {
  const cdp = await page.context().newCDPSession(page);
  for (const reading of readings) {
    await cdp.send('Input.imeSetComposition', {text: reading, selectionStart: reading.length,
                                               selectionEnd: reading.length});
    await settle(page, 100);
  }
  if (process.env.LOUPE_SCREENSHOTS) await page.screenshot({path: `${process.env.LOUPE_SCREENSHOTS}/languages-composing.png`});
  await cdp.send('Input.insertText', {text});
  await cdp.detach();
  await settle(page);
}

// Saves the page as it is at 1280x800 and 390x844, light and dark, with the widget in view; then
// puts the page back as it was (desktop, light).
async function screenshots(name, page, id) {
  const dir = process.env.LOUPE_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, {recursive: true});
  await page.bringToFront();
  for (const scheme of ['light', 'dark'])
    for (const [device, size] of Object.entries({desktop: {width: 1280, height: 800}, phone: {width: 390, height: 844}})) {
      await page.emulateMedia({colorScheme: scheme});
      await page.setViewportSize(size);
      await settle(page);
      await reveal(page, id);
      await page.screenshot({path: `${dir}/languages-${name}-${device}-${scheme}.png`});
    }
  await page.emulateMedia({colorScheme: 'light'});
  await page.setViewportSize(desktop.viewport);
  await settle(page);
}

// A respondent's first screen on a real phone (390x844 at 3 device pixels per CSS pixel, touch),
// light and dark: the atlas at its largest, the CJK font fetched there too.
async function phoneScreenshots(hash) {
  const dir = process.env.LOUPE_SCREENSHOTS;
  if (!dir) return;
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({viewport: {width: 390, height: 844}, deviceScaleFactor: 3,
                                              isMobile: true, hasTouch: true, colorScheme: scheme});
    const {page, log} = await openApp(context, origin, hash);
    await page.screenshot({path: `${dir}/languages-intro-phone3x-${scheme}.png`});
    await tap(page, 'answer/start');
    await settle(page);
    assert.equal(await boxes(page), '');
    await page.screenshot({path: `${dir}/languages-answer-phone3x-${scheme}.png`});
    assert.deepEqual(log.errors, []);
    await context.close();
  }
}

test('items in Polish, Greek, Russian and Japanese survive typing, pasting, an input method, the link, the code and the CSV',
     async () => {
  // ---- The PM writes the survey: a typed title, pasted items, typed ones and one through an input method.
  const pm = await browser.newContext(desktop);
  const {page: author, log: authorLog} = await openApp(pm, origin, '#/surveys');
  assert.equal(fontRequests(authorLog), 0, 'no CJK font while no CJK text is on screen');
  await newSurvey(author, TITLE);
  await press(author, 'editor/paste');
  await author.evaluate((text) => navigator.clipboard.writeText(text), PASTED.join('\n'));
  await press(author, 'editor/paste-text');
  await author.keyboard.press('Control+V');
  await settle(author);
  await press(author, 'editor/paste-add');
  for (const text of TYPED) {
    await press(author, 'editor/add-item');
    await author.keyboard.type(text);
    await settle(author);
  }
  await press(author, 'editor/add-item');
  await compose(author, ['こ', 'こうそく', 'こうそくなけんさく'], COMPOSED);
  for (const [i, text] of ITEMS.entries())
    assert.equal(await fieldText(author, `editor/item${i}/text`), text, `item ${i} as kept by the editor`);
  assert.equal(await rect(author, `editor/item${ITEMS.length}/text`), null, 'nothing else was added while composing');
  assert.equal(await fieldText(author, 'editor/title-field'), TITLE);
  assert.equal(fontRequests(authorLog), 1, 'the CJK font is fetched once, when Japanese text is on screen');
  await reveal(author, 'editor/item7/text');
  assert.equal(await boxes(author), '', 'every character on screen is drawn, none as a box');
  await screenshots('editor', author, 'editor/items-title');
  await press(author, 'editor/publish');
  await press(author, 'publish/copy');
  const link = await clipboard(author);
  assert.ok(link.startsWith(`${origin}/#s=`), link.slice(0, 80));

  // ---- A respondent answers from the link; a screen reader hears each item exactly.
  const respondent = await browser.newContext(desktop);
  const {page: taker, log: takerLog} = await openApp(respondent, origin, link.slice(link.indexOf('#')));
  assert.ok((await spoken(taker)).startsWith(TITLE + '. '), 'the title is read out as written');
  await click(taker, 'answer/start');
  const heard = new Set();
  const [, total] = await screenNumber(taker);
  for (let s = 1; s <= total; ++s) {
    const said = await spoken(taker);
    for (const item of ITEMS) if (said.includes(item)) heard.add(item);
    if (s === 1) await screenshots('answer', taker, 'answer/question');
    assert.equal(await boxes(taker), '', `screen ${s}: every character is drawn, none as a box`);
    await answerScreen(taker, press);
  }
  assert.deepEqual([...heard].sort(), [...ITEMS].sort(), 'every item was read out, exactly as written');
  await waitForWidget(taker, 'answer/code');
  const code = (await spoken(taker)).match(/code is (LOUPE-[0-9A-Z]+)/)[1];
  assert.equal(fontRequests(takerLog), 1);
  await phoneScreenshots(link.slice(link.indexOf('#')));

  // ---- The PM imports the code; the scores CSV names the items exactly as typed.
  await author.bringToFront();
  await press(author, 'editor/results');
  await author.evaluate((t) => navigator.clipboard.writeText(t), `Here are my answers: ${code}`);
  await pressWhileBusy(author, 'results/import/paste');
  await author.keyboard.press('Control+V');
  await settle(author);
  await pressWhileBusy(author, 'results/import/paste-button');
  await expectWidget(author, 'results/report/count/accepted/1');
  await expectWidget(author, 'results/items/title');
  const [file] = await Promise.all([author.waitForEvent('download'), pressWhileBusy(author, 'results/export/scores')]);
  const csv = readFileSync(await file.path());
  const names = csv.toString('utf8').trim().split('\r\n').slice(1).map((line) => line.split(',')[1]);
  assert.deepEqual(names.map((n) => Buffer.from(n)).sort(Buffer.compare), ITEMS.map((n) => Buffer.from(n)).sort(Buffer.compare),
                   'the CSV holds the items byte for byte');
  await reveal(author, 'results/items/title');
  assert.equal(await boxes(author), '');
  await screenshots('results', author, 'results/items/title');
  assert.deepEqual(authorLog.errors, []);
  assert.deepEqual(takerLog.errors, []);
  await pm.close();
  await respondent.close();
});

// A survey's link, made by the command-line tool as a PM would.
function surveyLink(title, intro, items) {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-languages-'));
  writeFileSync(join(dir, 'items.txt'), items.join('\n'));
  execFileSync(LOUPE, ['survey', 'create', '--title', title, '--intro', intro, '--items-file', join(dir, 'items.txt'),
                       '--out', join(dir, 's.loupe')]);
  return execFileSync(LOUPE, ['survey', 'link', join(dir, 's.loupe'), '--base', origin + '/']).toString().trim();
}

test('a survey link in Greek or Russian is first shown in its own letters, fetching only its own font; an English one fetches none',
     async () => {
  const surveys = [
    ['Τι μετράει σε ένα τηλέφωνο;', 'Διαλέξτε το πιο και το λιγότερο σημαντικό.', ['Τιμή', 'Μπαταρία', 'Κάμερα', 'Οθόνη'], 'greek'],
    ['Что важно в телефоне?', 'Выберите самое и наименее важное.', ['Цена', 'Батарея', 'Камера', 'Экран'], 'cyrillic'],
    ['What matters in a phone?', 'Pick the most and the least important.', ['Price', 'Battery', 'Camera', 'Screen'], null],
  ];
  for (const [title, intro, items, piece] of surveys) {
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    // What the page shows first: the frame drawn when the loading screen goes (web/boot.js marks it).
    await page.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        if (name === 'first-frame') window.firstFrameBoxes = UTF8ToString(Module._loupe_placeholder_glyphs());
        return mark(name, ...rest);
      };
    });
    const log = watch(page);
    await page.goto(surveyLink(title, intro, items));
    await page.waitForFunction(() => window.firstFrameBoxes !== undefined, null, {timeout: 60000});
    assert.equal(await page.evaluate(() => window.firstFrameBoxes), '', `${title}: no boxes in the first frame`);
    const fonts = log.requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/fonts/'));
    assert.deepEqual(fonts.sort(), piece ? [`/fonts/inter-${piece}-regular.otf`, `/fonts/inter-${piece}-semibold.otf`] : [],
                     title);
    await click(page, 'answer/start');
    await settle(page);
    assert.equal(await boxes(page), '', `${title}: the items are drawn`);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test('what no font draws (Hebrew, emoji) shows as a box, and the text stays exactly as typed', async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin, '#/surveys');
  const title = 'שלום 🙂 Ω';
  await newSurvey(page, title);
  assert.equal(await fieldText(page, 'editor/title-field'), title);
  await settle(page);
  assert.deepEqual([...await boxes(page)].sort(), [...'שלום🙂'].sort(), 'Hebrew and the emoji are boxes; Ω is drawn');
  assert.equal(fontRequests(log), 0, 'no CJK font for text that is not CJK');
  await screenshots('placeholder', page, 'editor/title');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('when the CJK font cannot be fetched (offline on first use), Japanese shows as boxes and is kept exactly', async () => {
  const context = await browser.newContext(desktop);
  await context.route(`**${CJK_FONT}`, (route) => route.abort('internetdisconnected'));
  const {page, log} = await openApp(context, origin, '#/surveys');
  await newSurvey(page, COMPOSED);
  await settle(page);
  assert.equal(fontRequests(log), 1);
  assert.deepEqual([...await boxes(page)].sort(), [...COMPOSED].sort());
  assert.equal(await fieldText(page, 'editor/title-field'), COMPOSED);
  // The failed font request is the one error the browser logs: as ERR_INTERNET_DISCONNECTED, or as
  // ERR_FAILED when the service worker made the request on the page's behalf.
  const fontFailure = (e) => /net::ERR_(INTERNET_DISCONNECTED|FAILED)/.test(e);
  assert.deepEqual(log.errors.filter((e) => !fontFailure(e)), []);
  assert.ok(log.errors.filter(fontFailure).length <= 1);
  await context.close();
});
