// taste_library.test.mjs — the facilitator's library and a session's reports, by real input: a team
// and a session made in the app, Bo's contribution (three notes, one with a screenshot) brought in
// from a file; the library finds a note by a word typed, by kind (typed and chosen) and by app, says
// what is wrong with a query and when nothing is found; the wall shows the screenshot, enlarges it,
// and a reload on #/taste/library/wall comes back to the wall. The session's four reports equal what
// `loupe taste report` prints for the session file downloaded from the same session. Then, on a
// restored workspace with two sessions: Greek and Japanese notes found by typing and drawn with
// their own letters, and an open action marked done, gone from the list after a reload.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {launchBrowser, startServer, openApp, settle, waitForWidget, rect, click, reloadApp, ROOT} from './harness.mjs';
import {press, reveal, spoken, typeInto, download as downloadTo} from './steps.mjs';

const work = mkdtempSync(join(tmpdir(), 'loupe-taste-library-'));
const at = (name) => join(work, name);
const tool = (name, ...args) => execFileSync(join(ROOT, 'build/native', name), args);
const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light', acceptDownloads: true,
                 permissions: ['clipboard-read', 'clipboard-write']};

let browser, server, origin;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.close();
});

// A made-up app screen: a blue header on grey.
function screenPng(width = 390, height = 640) {
  const png = new PNG({width, height});
  for (let i = 0; i < width * height; ++i) png.data.set(i < width * 70 ? [30, 90, 200, 255] : [245, 245, 245, 255], i * 4);
  return PNG.sync.write(png);
}

// Types a new query into the library's search field, as a person would: select all, type over it.
async function search(page, text) {
  await press(page, 'library/search');
  await page.keyboard.press('Control+A');
  if (text) await page.keyboard.type(text);
  else await page.keyboard.press('Backspace');
  await settle(page);
  return spoken(page);
}

// Each download says where it went in a message at the bottom; they stack up over the buttons of the
// reports card, so the messages are closed, as a person would, before the next button is pressed.
async function download(page, id) {
  const file = await downloadTo(page, id, work);
  assert.equal(await rect(page, 'toast/error'), null, `${id}: no error said`);
  while (await rect(page, 'toast/dismiss')) await click(page, 'toast/dismiss');
  return {...file, text: file.bytes.toString('utf8')};
}

// How many notes the library shows, as a screen reader hears it.
const hits = async (page) => Number((await spoken(page)).match(/(\d+) (?:found|notes? in the library)/)[1]);

test('the library finds a note by word, kind and app, shows its screenshot on the wall, and the reports equal the CLI', async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin, '#/taste');
  await waitForWidget(page, 'taste/new/title');
  await typeInto(page, 'taste/new/name', 'Checkout squad');
  await typeInto(page, 'taste/new/member/0/name', 'Fran');
  await press(page, 'taste/new/add');
  await page.keyboard.type('Bo');
  await press(page, 'taste/new/make');
  await press(page, 'taste/plan-next');
  await typeInto(page, 'taste/plan/category', 'budgeting apps');
  for (const name of ['YNAB', 'Monzo', 'Copilot']) {
    await press(page, 'taste/plan/add-app');
    await page.keyboard.type(name);
    await settle(page);
  }
  const plan = await download(page, 'taste/invite/download-session');
  writeFileSync(at('screen.png'), screenPng());
  tool('tests/loupe_e2e_make_contribution', plan.path, 'Bo', at('bo.loupe'), at('screen.png'));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'taste/import/choose')]);
  await chooser.setFiles(at('bo.loupe'));
  await settle(page);
  assert.match(await spoken(page), /What came in: Added 1\./);

  // ---- The reports: each equals what the command prints for the session file of the same session ----
  const session = await download(page, 'taste/invite/download-session');
  const cli = (flag) => tool('loupe', 'taste', 'report', session.path, ...(flag ? [flag] : [])).toString();
  const markdown = await download(page, 'taste/report/markdown');
  assert.match(markdown.name, /^taste-budgeting-apps-\d{4}-\d\d-\d\d\.md$/);
  assert.equal(markdown.text, cli('--markdown'));
  assert.match(markdown.text, /Three different greens mean three different things\./);
  const csv = await download(page, 'taste/report/csv');
  assert.match(csv.name, /^taste-budgeting-apps-\d{4}-\d\d-\d\d-notes\.csv$/);
  assert.equal(csv.text, cli('--csv'));
  assert.equal(csv.text.split('\r\n').length, 1 + 3 + 1, 'a header, three notes and the last line end');
  assert.equal((await download(page, 'taste/report/actions-csv')).text, cli('--actions-csv'));
  const html = await download(page, 'taste/report/html');
  assert.match(html.name, /\.html$/);
  assert.equal(html.text, cli('--html'));
  assert.match(html.text, /<img src="data:image\/jpeg;base64,/);

  // ---- The library, from the team's page ----
  await press(page, 'back');
  await press(page, 'taste/library');
  await waitForWidget(page, 'library/title');
  assert.equal(new URL(page.url()).hash, '#/taste/library');
  assert.match(await spoken(page), /^Taste library\. Notes\. 3 notes in the library\./);
  assert.equal(await hits(page), 3);

  // A word typed; the last one may be the start of a word while it is being typed.
  let heard = await search(page, 'greens');
  assert.match(heard, /1 found\. Ugly · YNAB: Three different greens mean three different things\. \(budgeting apps · .+\), with screenshots\./);
  assert.equal(await hits(page), 1);
  await reveal(page, 'library/hit/0/picture/0');
  assert.match(await search(page, 'setup to'), /1 found\. Good · YNAB: Setup took one minute/);
  // A kind typed, then the same kind chosen with a chip.
  assert.match(await search(page, 'kind:bad'), /1 found\. Bad · YNAB: The totals are tiny and grey/);
  await search(page, '');
  await press(page, 'library/filter/kind/0');
  assert.match(await spoken(page), /1 found\. Good · YNAB: Setup took one minute/);
  await press(page, 'library/filter/kind/0');  // chosen again: off
  assert.equal(await hits(page), 3);
  // By app: typed, and chosen (the chips are in alphabetical order: Copilot, Monzo, YNAB).
  heard = await search(page, 'app:monzo');
  assert.match(heard, /0 found\./);
  await waitForWidget(page, 'library/nothing');
  await press(page, 'library/clear');
  assert.equal(await hits(page), 3);
  await press(page, 'library/filter/app/1');
  await waitForWidget(page, 'library/nothing');
  await press(page, 'library/filter/app/1');
  await press(page, 'library/filter/app/2');
  assert.equal(await hits(page), 3);
  // A filter that cannot be is said under the field, and filters nothing.
  heard = await search(page, 'kind:nice');
  await waitForWidget(page, 'library/problem/0');
  assert.match(heard, /kind:nice: .*good, bad or ugly/);
  assert.equal(await hits(page), 3);

  // ---- The wall: the screenshot, enlarged with its note; a reload comes back to the wall ----
  await search(page, '');
  await press(page, 'library/filter/app/2');  // YNAB no longer chosen: nothing is searched for
  await press(page, 'library/tab/wall');
  assert.equal(new URL(page.url()).hash, '#/taste/library/wall');
  await waitForWidget(page, 'library/wall/0');
  assert.equal(await rect(page, 'library/wall/1'), null);
  assert.match(await spoken(page), /^Taste library\. Screenshots\. 1 screenshot in the library\. Ugly · YNAB: Three different greens/);
  await click(page, 'library/wall/0');
  await waitForWidget(page, 'library/enlarged');
  await waitForWidget(page, 'library/enlarged/text');
  await click(page, 'library/enlarged/close');
  assert.equal(await rect(page, 'library/enlarged'), null);
  await reloadApp(page);
  assert.equal(new URL(page.url()).hash, '#/taste/library/wall');
  await waitForWidget(page, 'library/wall/0');
  assert.match(await spoken(page), /^Taste library\. Screenshots\./);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('Greek and Japanese notes are found by typing and drawn in their own letters; an action marked done leaves the list', async () => {
  tool('tests/loupe_e2e_taste_workspace', at('workspace.loupe'));
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin, '');
  await click(page, 'menu');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu/restore')]);
  await chooser.setFiles(at('workspace.loupe'));
  await settle(page);
  await click(page, 'restore/confirm');
  await page.goto(`${origin}/#/taste/library`);
  await settle(page);
  await waitForWidget(page, 'library/search');

  assert.match(await search(page, 'κουμπί'), /1 found\. Bad · Notion: Το κουμπί κοινής χρήσης/);
  assert.match(await search(page, '設定'), /1 found\. Ugly · Obsidian: 初回の設定画面が長すぎて/);
  // The Japanese font arrives once Japanese text is on screen; then nothing is drawn as a box.
  await reveal(page, 'library/hit/0/picture/0');
  await page.waitForFunction(() => UTF8ToString(Module._loupe_placeholder_glyphs()) === '', null, {timeout: 20000});

  await press(page, 'library/tab/actions');
  assert.equal(new URL(page.url()).hash, '#/taste/library/actions');
  let heard = await spoken(page);
  assert.match(heard, /^Taste library\. Open actions: Ana\. Doing: Add sample data to our first-run screen \(from note-taking apps\)\. Open: Audit the colours/);
  assert.match(heard, /Bo\. Open: Move Share out of the overflow menu/);
  assert.match(heard, /nobody yet\. Open: Try a template gallery/);
  assert.doesNotMatch(heard, /Make the totals bigger/, 'a done action is not open');
  await press(page, 'library/action/0/status/2');  // Ana's "Add sample data": done
  assert.doesNotMatch(await spoken(page), /Add sample data/);
  await reloadApp(page);
  heard = await spoken(page);
  assert.match(heard, /^Taste library\. Open actions: Ana\. Open: Audit the colours/);
  assert.doesNotMatch(heard, /Add sample data/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
