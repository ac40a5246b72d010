// journey.test.mjs — the whole survey journey of PRODUCT.md §1 in one run, each person in their
// own browser context: a PM writes a 12-item survey with a segment question and publishes it;
// one respondent answers with the mouse, closing the tab halfway; one on a 390x844 phone by touch; one
// with the keyboard alone. The PM imports two response files, pasted codes and 30 simulated
// response files, reads the import report, and the results equal `loupe analyze` on the same inputs.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launchBrowser, startServer, openApp, settle, waitForWidget, waitForFirstFrame, click, tap, tapInView,
        ROOT} from './harness.mjs';
import {press, clipboard, newSurvey, spoken, screenNumber, answerScreen, keyboardChoose, pressWhileBusy,
        expectWidget} from './steps.mjs';

const LOUPE = join(ROOT, 'build/native/loupe');
const ITEMS = ['Faster search', 'Offline mode', 'Dark theme', 'Export to CSV', 'Shared workspaces',
  'Keyboard shortcuts', 'Better notifications', 'Calendar sync', 'Two-factor login', 'Custom fields', 'Mobile app',
  'Bulk editing'];

let browser, server, origin, dir;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'loupe-journey-'));
});
after(async () => {
  await browser.close();
  server.close();
  rmSync(dir, {recursive: true, force: true});
});

const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light', acceptDownloads: true,
                 permissions: ['clipboard-read', 'clipboard-write']};
const phone = {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
               colorScheme: 'dark', acceptDownloads: true};

async function save(page, id, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), press(page, id)]);
  const path = join(dir, name);
  await file.saveAs(path);
  return path;
}

// Several people share one browser here, each in their own window; the one being used is brought
// to the front, as a person's own window would be (windows behind get no animation frames).
async function use(context, hash) {
  const opened = await openApp(context, origin, hash);
  await opened.page.bringToFront();
  return opened;
}

async function answerAll(page, choose) {
  const [current, total] = await screenNumber(page);
  for (let s = current; s <= total; ++s) await answerScreen(page, choose);
  await choose(page, 'answer/next');  // the open question is optional
  await waitForWidget(page, 'answer/code');
  return (await spoken(page)).match(/code is (LOUPE-[0-9A-Z]+)/)[1];
}

test('a PM publishes, three people answer, and the imported results equal loupe analyze', async () => {
  // ---- The PM writes and publishes the survey.
  const pm = await browser.newContext(desktop);
  const {page: author, log: authorLog} = await openApp(pm, origin, '#/surveys');
  await newSurvey(author, 'Product priorities');
  await press(author, 'editor/paste');
  await author.evaluate((text) => navigator.clipboard.writeText(text), ITEMS.join('\n'));
  await press(author, 'editor/paste-text');
  await author.keyboard.press('Control+V');
  await settle(author);
  await press(author, 'editor/paste-add');
  await press(author, 'editor/add-segment');
  await press(author, 'editor/segment0/label');
  await author.keyboard.type('Which team are you in?');
  await press(author, 'editor/segment0/options');
  await author.keyboard.type('Sales\nSupport\nEngineering');
  await press(author, 'editor/open-question');
  await author.keyboard.type('Anything missing?');
  await settle(author);
  await press(author, 'editor/publish');
  await press(author, 'publish/copy');
  const link = await clipboard(author);
  assert.ok(link.startsWith(`${origin}/#s=`), link.slice(0, 80));
  const surveyFile = await save(author, 'publish/download-survey', 'survey.loupe');
  const hash = link.slice(link.indexOf('#'));

  // ---- Respondent 1: a desktop and a mouse, the tab closed halfway; copies the code, downloads the file.
  const one = await browser.newContext(desktop);
  let {page: p1, log: log1} = await use(one, hash);
  await click(p1, 'answer/start');
  await click(p1, 'answer/segment/0/0');
  await click(p1, 'answer/next');
  await answerScreen(p1, click);
  await answerScreen(p1, click);
  await p1.close();  // the tab is closed at once; the link is opened again later
  ({page: p1} = await use(one, hash));
  await waitForWidget(p1, 'answer/question');
  assert.equal((await screenNumber(p1))[0], 3, 'the new tab resumes on screen 3');
  const code1 = await answerAll(p1, press);
  await press(p1, 'answer/copy');
  assert.equal(await clipboard(p1), code1);
  const file1 = await save(p1, 'answer/download', 'respondent-1.loupe');

  // ---- Respondent 2: a 390x844 phone, by touch; downloads the file.
  const two = await browser.newContext(phone);
  const {page: p2, log: log2} = await use(two, hash);
  await tapInView(p2, 'answer/start');
  await tapInView(p2, 'answer/segment/0/1');
  await tapInView(p2, 'answer/next');
  await answerAll(p2, tapInView);
  const [download2] = await Promise.all([p2.waitForEvent('download'), tapInView(p2, 'answer/download')]);
  const file2 = join(dir, 'respondent-2.loupe');
  await download2.saveAs(file2);

  // ---- Respondent 3: the keyboard alone; sends the code.
  const three = await browser.newContext({...desktop, colorScheme: 'dark'});
  const {page: p3, log: log3} = await use(three, hash);
  await p3.focus('#canvas');
  await keyboardChoose(p3, 'answer/start');
  await keyboardChoose(p3, 'answer/segment/0/2');
  await keyboardChoose(p3, 'answer/next');
  const code3 = await answerAll(p3, keyboardChoose);

  // ---- 30 more respondents, simulated from the survey file the PM downloaded.
  execFileSync(LOUPE, ['simulate', '--survey', surveyFile, '--respondents', '30', '--out', join(dir, 'sim'),
                       '--seed', '7']);
  const simulated = readdirSync(join(dir, 'sim')).map((f) => join(dir, 'sim', f));
  assert.equal(simulated.length, 30);

  // ---- The PM imports: two files chosen, a mail with two codes pasted (one repeats respondent 1),
  // thirty files dropped at once.
  await author.bringToFront();
  await author.goto(`${origin}/#/surveys`);
  await waitForFirstFrame(author);
  await settle(author);
  await pressWhileBusy(author, 'surveys/0/results');
  await waitForWidget(author, 'results/title');
  const [chooser] = await Promise.all([author.waitForEvent('filechooser'), pressWhileBusy(author, 'results/import/choose')]);
  await chooser.setFiles([file1, file2]);
  await author.waitForTimeout(300);
  await expectWidget(author, 'results/report/count/accepted/2');

  const mail = `Hi!\nMine: ${code3}\n\n> On Monday someone wrote:\n> ${code1}\n`;
  await author.evaluate((text) => navigator.clipboard.writeText(text), mail);
  await pressWhileBusy(author, 'results/import/paste');
  await author.keyboard.press('Control+V');
  await author.waitForTimeout(300);
  await pressWhileBusy(author, 'results/import/paste-button');
  await expectWidget(author, 'results/report/count/accepted/1');
  await expectWidget(author, 'results/report/count/duplicate/1');

  const payload = simulated.map((f) => ({name: f.split('/').pop(), bytes: [...readFileSync(f)]}));
  const transfer = await author.evaluateHandle((payload) => {
    const dt = new DataTransfer();
    for (const f of payload) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, payload);
  await author.dispatchEvent('#canvas', 'dragenter', {dataTransfer: transfer});
  await author.dispatchEvent('#canvas', 'drop', {dataTransfer: transfer});
  await expectWidget(author, 'results/report/count/accepted/30');
  await expectWidget(author, 'results/count/33/33');

  // ---- The app's scores equal loupe analyze on the same inputs.
  const [scoresDownload] = await Promise.all([author.waitForEvent('download'), pressWhileBusy(author, 'results/export/scores')]);
  const rows = readFileSync(await scoresDownload.path(), 'utf8').trim().split('\r\n').map((l) => l.split(','));
  const mailFile = join(dir, 'mail.txt');
  (await import('node:fs')).writeFileSync(mailFile, mail);
  const cli = JSON.parse(execFileSync(LOUPE, ['analyze', surveyFile, file1, file2, mailFile, ...simulated, '--json'],
                                      {encoding: 'utf8'}));
  assert.equal(cli.respondents, 33);
  const header = rows[0];
  for (const row of rows.slice(1)) {
    const cell = Object.fromEntries(header.map((name, i) => [name, row[i]]));
    const item = cli.items.find((i) => i.name === cell.item);
    assert.ok(item, `${cell.item} is not in loupe analyze's output`);
    assert.deepEqual([Number(cell.shown), Number(cell.best), Number(cell.worst)], [item.shown, item.best, item.worst]);
    assert.ok(Math.abs(Number(cell.logit_utility) - item.mnl.utility) <= 5.1e-7, cell.item);
  }
  assert.equal(rows.length - 1, ITEMS.length);
  for (const log of [authorLog, log1, log2, log3]) assert.deepEqual(log.errors, []);
  for (const context of [pm, one, two, three]) await context.close();
});
