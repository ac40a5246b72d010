// results.test.mjs — a survey's results screen in headless Chromium, used the way a PM would:
// response files through the real file chooser, pasted codes through the clipboard, thirty files
// dropped at once, the import report, hierarchical Bayes running while the page keeps drawing,
// downloads, exclusions and segments, a phone. The numbers are checked against `loupe analyze`
// on the same inputs, and damaged inputs must change nothing that is stored.
//
// Needs the native tools next to the web build: build/native/loupe and
// build/native/tests/loupe_e2e_workspace (cmake --preset native; cmake --build build/native).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PNG} from 'pngjs';
import {launchBrowser, startServer, openApp, settle, rect, waitForWidget, framesDrawn,
        waitForFirstFrame, reloadApp} from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LOUPE = process.env.LOUPE_CLI || join(ROOT, 'build/native/loupe');
const MAKE_WORKSPACE = process.env.LOUPE_E2E_WORKSPACE || join(ROOT, 'build/native/tests/loupe_e2e_workspace');
const PROJECT = '0e2e0000c0ffee01';  // the local id loupe_e2e_workspace gives its project
const HB_TIMEOUT = 240000;           // software WebGL on a busy machine draws slowly

let browser, server, origin, dir;
const at = (name) => join(dir, name);
const sim = (n) => at(`sim/response-${String(n).padStart(4, '0')}.loupe`);
const loupe = (...args) => execFileSync(LOUPE, args, {cwd: dir, encoding: 'utf8'});

before(async () => {
  for (const tool of [LOUPE, MAKE_WORKSPACE])
    assert.ok(existsSync(tool), `${tool} is missing: build the native tools first`);
  dir = mkdtempSync(join(tmpdir(), 'loupe-results-'));
  writeFileSync(at('items.txt'), ['Automatic bank sync', 'Shared budgets with a partner', 'Monthly spending report',
    'Bill reminders', 'Savings goals', 'Receipt scanning', 'Dark mode', 'Export to spreadsheet',
    'Subscription tracker', 'Offline mode'].join('\n'));
  loupe('survey', 'create', '--title', 'Budgeting app priorities', '--items-file', 'items.txt',
        '--question', 'Plan: Free | Plus | Family', '--question', 'Role: Product | Engineering | Design',
        '--out', 'survey.loupe');
  loupe('simulate', '--survey', 'survey.loupe', '--respondents', '36', '--out', 'sim', '--codes', 'codes.txt',
        '--seed', '11');
  loupe('simulate', '--items', '6', '--write-survey', 'other-survey.loupe', '--respondents', '1', '--out', 'other',
        '--seed', '3');

  // Respondents 3-5 send codes in a mail thread (one quoted), respondent 36's code gets a typo;
  // respondent 36's file arrives cut in half.
  const codes = readFileSync(at('codes.txt'), 'utf8').trim().split('\n');
  const typo = codes[35].slice(0, 20) + (codes[35][20] === 'A' ? 'B' : 'A') + codes[35].slice(21);
  writeFileSync(at('pasted.txt'), `Hi Sam,\n\nhere are mine: ${codes[2]}\n\n> Forwarded:\n> ${codes[3]}\n\n` +
                                  `and two more:\n${codes[4]}\n${typo}\n`);
  const whole = readFileSync(sim(36));
  writeFileSync(at('truncated.loupe'), whole.subarray(0, whole.length >> 1));
  writeFileSync(at('typo.txt'), `Sorry, resending: ${typo}\n`);

  execFileSync(MAKE_WORKSPACE, [at('workspace.loupe'), at('survey.loupe')]);
  execFileSync(MAKE_WORKSPACE, [at('draft.loupe'), at('survey.loupe'), '--draft']);
  ({server, origin} = await startServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light',
                 permissions: ['clipboard-read', 'clipboard-write']};
const phone = {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
               colorScheme: 'light'};

// ---- helpers: hierarchical Bayes keeps frames coming, so nothing here waits for the app to settle

const pause = (page, ms = 250) => page.waitForTimeout(ms);
const centre = (r) => ({x: r.x + r.w / 2, y: r.y + r.h / 2});

const touchScreens = new WeakSet();  // browser contexts of phones

// Scrolls the page by `dy` CSS pixels: the mouse wheel, or a finger on a touch screen.
async function scrollBy(page, dy) {
  const {width, height} = page.viewportSize();
  if (!touchScreens.has(page.context())) {
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, dy);
    await pause(page, 200);
    return;
  }
  // The finger goes down in the page's left margin: on a text field it would focus the field.
  const cdp = await page.context().newCDPSession(page);
  const x = 6, from = height * 0.55;
  const step = Math.max(-height * 0.4, Math.min(height * 0.4, dy));
  const point = (y) => [{x, y, id: 1}];
  await cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: point(from)});
  for (let i = 1; i <= 6; ++i) {
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchMove', touchPoints: point(from - step * i / 6)});
    await pause(page, 30);
  }
  await cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
  await cdp.detach();
  await pause(page, 200);
}

// Scrolls until the widget is entirely in view (below the top bar), as a person would: onwards
// from here first, then from the top of the page.
async function reveal(page, id, steps = 40) {
  const {height} = page.viewportSize();
  const inView = (r) => r && r.y >= 64 && r.y + r.h <= height - 8;
  for (const fromTop of [false, true]) {
    for (let i = 0; fromTop && i < 20 && !(await rect(page, 'back')); ++i) await scrollBy(page, -100000);
    for (let i = 0; i < (fromTop ? steps : steps / 2); ++i) {
      const r = await rect(page, id);
      // In view, and still there a moment later: not a frame from before the last scroll.
      if (inView(r) && JSON.stringify(r) === JSON.stringify(await pause(page, 150).then(() => rect(page, id))))
        return r;
      await scrollBy(page, r ? r.y + r.h / 2 - height / 2 : height / 3);
    }
  }
  throw new Error(`widget "${id}" is not on the page`);
}

async function press(page, id) {
  const r = await reveal(page, id);
  await page.mouse.click(centre(r).x, centre(r).y);
  await pause(page, 300);
}

async function expectWidget(page, id, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await reveal(page, id, 25);
    } catch (e) {
      if (Date.now() > end) throw e;
    }
  }
}

// Waits until the page stops drawing (hierarchical Bayes done), however long that takes.
async function idle(page, timeout = HB_TIMEOUT) {
  const end = Date.now() + timeout;
  for (let last = await framesDrawn(page); Date.now() < end;) {
    await pause(page, 500);
    const now = await framesDrawn(page);
    if (now === last) return;
    last = now;
  }
  throw new Error('the page never stopped drawing');
}

// Clicks a widget that needs no scrolling to: the top bar, a menu, a dialog, a message.
async function clickNow(page, id) {
  const r = await waitForWidget(page, id);
  await page.mouse.click(centre(r).x, centre(r).y);
  await pause(page, 300);
}

async function restore(page, file) {
  await clickNow(page, 'menu');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickNow(page, 'menu/restore')]);
  await chooser.setFiles(file);
  await settle(page);
  await clickNow(page, 'restore/confirm');
  await settle(page);
}

async function openResults(options, workspace = at('workspace.loupe')) {
  const context = await browser.newContext(options);
  if (options.hasTouch) touchScreens.add(context);
  const {page, log} = await openApp(context, origin);
  await restore(page, workspace);
  await clickNow(page, 'toast/dismiss');  // "Workspace restored": out of the way of what lies under it
  await page.goto(`${origin}/#/surveys/${PROJECT}/results`);
  await waitForFirstFrame(page);
  await settle(page);
  return {context, page, log};
}

async function chooseFiles(page, files) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'results/import/choose')]);
  await chooser.setFiles(files);
}

// A real drop of many files at once, as from a file manager.
async function drop(page, files) {
  const payload = files.map((f) => ({name: f.split('/').pop(), bytes: [...readFileSync(f)]}));
  const transfer = await page.evaluateHandle((payload) => {
    const dt = new DataTransfer();
    for (const f of payload) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, payload);
  await page.dispatchEvent('#canvas', 'dragenter', {dataTransfer: transfer});
  await page.dispatchEvent('#canvas', 'drop', {dataTransfer: transfer});
}

async function pasteAndImport(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await press(page, 'results/import/paste');
  await page.keyboard.press('Control+V');
  await pause(page);
  await press(page, 'results/import/paste-button');
}

async function waitForHb(page) {
  await reveal(page, 'results/chart/title');
  await waitForWidget(page, 'results/hb/done', HB_TIMEOUT);
}

async function download(page, id) {
  const [file] = await Promise.all([page.waitForEvent('download'), press(page, id)]);
  const path = at(file.suggestedFilename());
  await file.saveAs(path);
  await pause(page, 300);
  if (await rect(page, 'toast/dismiss')) await clickNow(page, 'toast/dismiss');  // "Saved …" covers the page's foot
  return {name: file.suggestedFilename(), bytes: readFileSync(path)};
}

const csvRows = (text) => text.trim().split('\r\n').map((line) => line.split(','));

// ---- tests ---------------------------------------------------------------------------------------

test('files, pasted codes and thirty dropped files are all accounted for, and the results equal loupe analyze', async () => {
  const {context, page, log} = await openResults(desktop);
  await expectWidget(page, 'results/empty');

  // Two response files through the file chooser.
  await chooseFiles(page, [sim(1), sim(2)]);
  await expectWidget(page, 'results/report/count/accepted/2');
  await expectWidget(page, 'results/report/accepted/response-0001.loupe');

  // A mail thread with four codes, pasted: three are good, one has a typo.
  await pasteAndImport(page, readFileSync(at('pasted.txt'), 'utf8'));
  await expectWidget(page, 'results/report/count/accepted/3');
  await expectWidget(page, 'results/report/count/damaged/1');
  await expectWidget(page, 'results/report/damaged/Pasted text, code 4 (line 10)');

  // Thirty response files dropped at once, with a cut file and another survey's response.
  const dropped = [];
  for (let n = 6; n <= 35; ++n) dropped.push(sim(n));
  dropped.push(at('truncated.loupe'), at('other/response-0001.loupe'));
  await drop(page, dropped);
  await expectWidget(page, 'results/report/count/accepted/30');
  await expectWidget(page, 'results/report/count/damaged/1');
  await expectWidget(page, 'results/report/count/other-survey/1');
  await expectWidget(page, 'results/report/damaged/truncated.loupe');
  await expectWidget(page, 'results/report/other-survey/response-0001.loupe');
  await expectWidget(page, 'results/count/35/35').catch(async (e) => {
    await scrollBy(page, -100000);
    console.log('DEBUG back', await rect(page, 'back'));
    for (let a = 30; a <= 36; ++a) for (let b = 0; b <= 36; ++b) { const r = await rect(page, `results/count/${a}/${b}`); if (r) console.log('DEBUG', a, b, r); }
    await page.screenshot({path: '/tmp/x/fail.png'});
    throw e; });

  // Hierarchical Bayes runs by itself; the page keeps drawing while it does.
  await reveal(page, 'results/chart/title');
  if (await rect(page, 'results/hb/progress')) {
    const before = await framesDrawn(page);
    await pause(page, 1000);
    assert.ok(await framesDrawn(page) - before >= 3, 'frames should keep coming while HB runs');
  }
  await waitForHb(page);

  const scores = csvRows((await download(page, 'results/export/scores')).bytes.toString('utf8'));
  const inputs = [at('survey.loupe'), sim(1), sim(2), at('pasted.txt'), ...dropped];
  const cli = JSON.parse(loupe('analyze', ...inputs, '--hb', '--json'));
  assert.equal(cli.respondents, 35);
  const header = scores[0];
  assert.deepEqual(header, ['rank', 'item', 'shown', 'best', 'worst', 'best_minus_worst', 'standardised',
                            'logit_utility', 'logit_se', 'hb_score', 'hb_low', 'hb_high']);
  assert.equal(scores.length - 1, cli.items.length);
  const near = (csv, exact, what) =>
    assert.ok(Math.abs(Number(csv) - exact) <= 5.1e-7, `${what}: the app says ${csv}, loupe analyze ${exact}`);
  for (const row of scores.slice(1)) {
    const cell = Object.fromEntries(header.map((name, i) => [name, row[i]]));
    const item = cli.items.find((i) => i.name === cell.item);
    assert.ok(item, `${cell.item} is not in loupe analyze's output`);
    assert.equal(Number(cell.shown), item.shown);
    assert.equal(Number(cell.best), item.best);
    assert.equal(Number(cell.worst), item.worst);
    assert.equal(Number(cell.best_minus_worst), item.bw);
    near(cell.standardised, item.standardised, `${cell.item} standardised`);
    near(cell.logit_utility, item.mnl.utility, `${cell.item} utility`);
    near(cell.logit_se, item.mnl.se, `${cell.item} standard error`);
    near(cell.hb_score, item.hb.probability_score, `${cell.item} HB score`);
    near(cell.hb_low, item.hb.ci_low, `${cell.item} HB low`);
    near(cell.hb_high, item.hb.ci_high, `${cell.item} HB high`);
  }
  assert.deepEqual(scores.slice(1).map((r) => r[1]),
                   [...cli.items].sort((a, b) => b.hb.probability_score - a.hb.probability_score).map((i) => i.name),
                   'ranked by HB score, as loupe analyze ranks them');

  // Importing what is already kept finds duplicates and adds nothing.
  await chooseFiles(page, [sim(1)]);
  await expectWidget(page, 'results/report/count/duplicate/1');
  await expectWidget(page, 'results/count/35/35');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('damaged inputs are reported and nothing stored changes', async () => {
  const {context, page} = await openResults(desktop);
  await chooseFiles(page, [sim(1), sim(2), sim(3)]);
  await expectWidget(page, 'results/count/3/3');

  await drop(page, [at('truncated.loupe'), at('typo.txt'), at('other/response-0001.loupe'), at('survey.loupe')]);
  await expectWidget(page, 'results/report/count/damaged/2');
  await expectWidget(page, 'results/report/count/other-survey/1');
  await expectWidget(page, 'results/report/count/not-imported/1');
  await expectWidget(page, 'results/report/damaged/typo.txt, code 1 (line 1)');
  await expectWidget(page, 'results/report/not-imported/survey.loupe');
  await expectWidget(page, 'results/count/3/3');

  // Stored as it was: a reload shows the same three responses.
  await reloadApp(page);
  await waitForFirstFrame(page);
  await expectWidget(page, 'results/count/3/3');
  await context.close();
});

test('exclusions, segments and comparisons update the counts at once; hand exclusions persist', async () => {
  const {context, page} = await openResults(desktop);
  const files = [];
  for (let n = 1; n <= 24; ++n) files.push(sim(n));
  await chooseFiles(page, files);
  await expectWidget(page, 'results/count/24/24');
  await waitForHb(page);

  // Individual scores name every respondent and their segment answers.
  const people = csvRows((await download(page, 'results/export/utilities')).bytes.toString('utf8'));
  assert.equal(people.length - 1, 24);
  assert.deepEqual(people[0].slice(0, 3), ['respondent', 'Plan', 'Role']);
  const free = people.slice(1).filter((r) => r[1] === 'Free').length;
  const poor = people.slice(1).filter((r) => r[people[0].indexOf('below_random_cutoff')] === 'yes').length;

  await press(page, 'results/exclude/poor-fits');
  await expectWidget(page, `results/count/24/${24 - poor}`);
  await press(page, 'results/exclude/poor-fits');
  await expectWidget(page, 'results/count/24/24');

  await press(page, 'results/view/segment');
  await expectWidget(page, `results/count/24/${free}`);
  await press(page, 'results/view/compare');
  await expectWidget(page, 'results/compare/title');
  await expectWidget(page, 'results/count/24/24');
  await press(page, 'results/view/everyone');

  // Set one respondent aside by hand; it is remembered with the survey.
  const first = people[1][0];
  await press(page, `results/respondent/${first}`);
  await expectWidget(page, 'results/count/24/23');
  await reloadApp(page);
  await waitForFirstFrame(page);
  await expectWidget(page, 'results/count/24/23');
  await press(page, `results/respondent/${first}`);
  await expectWidget(page, 'results/count/24/24');
  await context.close();
});

test('downloads: the chart as a PNG, the choices in long format, and a project file', async () => {
  const {context, page} = await openResults(desktop);
  await chooseFiles(page, [sim(1), sim(2), sim(3), sim(4), sim(5), sim(6)]);
  await expectWidget(page, 'results/count/6/6');

  const choices = (await download(page, 'results/export/choices')).bytes.toString('utf8').trim().split(/\r?\n/);
  assert.equal(choices[0], 'respondent,task,item,value');
  assert.equal(choices.length - 1, 6 * 8 * 4, 'six respondents, eight screens of four items');

  const project = await download(page, 'results/export/project');
  assert.equal(project.name, 'Budgeting app priorities.loupe');
  assert.equal(project.bytes.subarray(0, 5).toString(), 'LOUPE');
  assert.equal(project.bytes[8], 3, 'a project file');

  const chart = await download(page, 'results/export/chart');
  assert.match(chart.name, /chart\.png$/);
  const png = PNG.sync.read(chart.bytes);
  assert.equal(png.width, 960);
  let accent = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (png.data[i] === 0x4f && png.data[i + 1] === 0x46 && png.data[i + 2] === 0xe5) ++accent;
  assert.ok(accent > 2000, `the picture should show the bars (${accent} accent pixels)`);
  await context.close();
});

test('HB can be cancelled, and the page then stops drawing', async () => {
  const {context, page} = await openResults(desktop);
  const files = [];
  for (let n = 1; n <= 30; ++n) files.push(sim(n));
  await chooseFiles(page, files);
  await waitForHb(page);
  // Leaving out poor fits changes who counts, so HB starts again; the toggle and the chart's
  // progress bar share the screen.
  await reveal(page, 'results/exclude/poor-fits');
  await scrollBy(page, 250);
  await press(page, 'results/exclude/poor-fits');
  await clickNow(page, 'results/hb/cancel');
  await expectWidget(page, 'results/hb/run');
  await idle(page);
  const quiet = await framesDrawn(page);
  await pause(page, 1000);
  assert.equal(await framesDrawn(page), quiet, 'nothing should be drawn once HB is cancelled');
  await context.close();
});

test('a survey that is not published explains itself and imports nothing', async () => {
  const {context, page} = await openResults(desktop, at('draft.loupe'));
  await expectWidget(page, 'results/unpublished');
  await drop(page, [sim(1)]);
  await expectWidget(page, 'toast/error');
  await press(page, 'results/open-editor');
  assert.equal(new URL(page.url()).hash, `#/surveys/${PROJECT}`);
  await context.close();
});

test('on a phone the import, chart, tables and downloads fit the screen', async () => {
  const {context, page, log} = await openResults(phone);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
                                       (async () => {
                                         const r = await waitForWidget(page, 'results/import/choose');
                                         await page.touchscreen.tap(centre(r).x, centre(r).y);
                                       })()]);
  await chooser.setFiles([sim(1), sim(2), sim(3), sim(4)]);
  await waitForWidget(page, 'results/report/count/accepted/4', 20000);
  await idle(page);  // HB done; then each part is looked at, scrolled to with a finger
  for (const id of ['results/import/choose', 'results/import/paste', 'results/view/compare', 'results/chart',
                    'results/export/scores', 'results/export/project']) {
    const r = await reveal(page, id);
    assert.ok(r.x >= 0 && r.x + r.w <= 390, `${id} does not fit the phone's width`);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});
