// respond.test.mjs — answering a survey from its link: the rules of a screen, a closed tab halfway,
// the code and the file at the end, two tabs at once, and a link damaged on the way. (Answering
// by touch on a phone and with the keyboard alone is part of journey.test.mjs.)
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launchBrowser, startServer, openApp, settle, waitForWidget, waitForFirstFrame, click, ROOT, reloadApp} from './harness.mjs';
import {spoken, screenNumber, answerScreen} from './steps.mjs';

const LOUPE = join(ROOT, 'build/native/loupe');
const ITEMS = ['Price', 'Battery life', 'Camera quality', 'Screen size', 'Weight', 'Storage', 'Brand',
               'Durability', 'Speed', 'Design', 'Support', 'Ecosystem apps'];

let browser, server, origin, link, surveyFile;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'loupe-respond-'));
  writeFileSync(join(dir, 'items.txt'), ITEMS.join('\n'));
  surveyFile = join(dir, 'phone.loupe');
  execFileSync(LOUPE, ['survey', 'create', '--title', 'What matters in a phone?', '--items-file', join(dir, 'items.txt'),
                       '--intro', 'Pick the most and the least important on each screen.',
                       '--question', 'Which phone do you use now?: iPhone | Android | Other',
                       '--open-question', 'Anything else?', '--reply-to', 'pm@example.com', '--out', surveyFile]);
  link = execFileSync(LOUPE, ['survey', 'link', surveyFile, '--base', origin + '/']).toString().trim();
});
after(async () => {
  await browser.close();
  server.close();
});

const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light'};

const hash = () => link.slice(link.indexOf('#'));

test('a respondent answers with the mouse, closes the tab halfway, resumes, and gets a code and a file', async () => {
  const context = await browser.newContext({...desktop, acceptDownloads: true,
                                            permissions: ['clipboard-read', 'clipboard-write']});
  let {page, log} = await openApp(context, origin, hash());
  await waitForWidget(page, 'answer/title');
  assert.match(await spoken(page), /^What matters in a phone\?\. Pick the most and the least important/);
  await click(page, 'answer/start');
  await click(page, 'answer/segment/0/1');
  assert.match(await spoken(page), /Chosen: Android/);
  await click(page, 'answer/next');

  // The first set: picking an item for the other side moves the choice.
  const [, total] = await screenNumber(page);
  assert.ok(total >= 6, `screens: ${total}`);
  await click(page, 'answer/most/0');
  const first = (await spoken(page)).match(/Most important: ([^.]+)\./)[1];
  assert.ok(ITEMS.includes(first));
  await click(page, 'answer/least/0');
  assert.match(await spoken(page), new RegExp(`Most important: not chosen yet\\. Least important: ${first}\\.`));
  await click(page, 'answer/most/1');
  await click(page, 'answer/next');
  assert.deepEqual(await screenNumber(page), [2, total]);

  for (let s = 2; s <= 4; ++s) await answerScreen(page, click);
  await click(page, 'answer/most/2');  // answered, not yet confirmed with Next
  // The tab is closed at once and the link opened again in a new one.
  await page.close();
  ({page} = await openApp(context, origin, hash()));
  await waitForWidget(page, 'answer/question');
  assert.deepEqual(await screenNumber(page), [5, total], 'resumes on the same screen');
  assert.doesNotMatch(await spoken(page), /Most important: not chosen yet/, 'the answer given before the tab was closed is kept');

  await click(page, 'answer/back');
  assert.deepEqual(await screenNumber(page), [4, total]);
  await click(page, 'answer/next');
  for (let s = 5; s <= total; ++s) await answerScreen(page, click);
  await waitForWidget(page, 'answer/open-answer');
  await click(page, 'answer/open-answer');
  await page.keyboard.type('Longer warranty');
  await click(page, 'answer/next');

  await waitForWidget(page, 'answer/code');
  const code = (await spoken(page)).match(/code is (LOUPE-[0-9A-Z-]+)/)[1];
  await click(page, 'answer/copy');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'answer/download')]);
  const file = readFileSync(await download.path());
  assert.equal(file.subarray(0, 8).toString('latin1'), 'LOUPE\r\n\x1a');

  // The file and the code both read as this survey's answers, with the same respondent.
  const dir = mkdtempSync(join(tmpdir(), 'loupe-answers-'));
  writeFileSync(join(dir, 'r.loupe'), file);
  writeFileSync(join(dir, 'codes.txt'), `Here you go:\n${code}\n`);
  const report = JSON.parse(execFileSync(LOUPE, ['analyze', surveyFile, join(dir, 'r.loupe'), join(dir, 'codes.txt'),
                                                 '--json']).toString());
  const statuses = report.inputs.map((i) => i.status).sort();
  assert.deepEqual(statuses, ['accepted', 'duplicate', 'survey']);

  // Coming back to the link later shows the code again.
  await reloadApp(page);
  await waitForFirstFrame(page);
  await waitForWidget(page, 'answer/code');
  await settle(page);
  assert.match(await spoken(page), new RegExp(code));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the same link in two tabs: both follow the answers, nothing is corrupted', async () => {
  // Two tabs of one browser, used in turn as a person would: the tab in front is the one answered.
  const context = await browser.newContext(desktop);
  const {page: a} = await openApp(context, origin, hash());
  const {page: b, log} = await openApp(context, origin, hash());
  await a.bringToFront();
  await click(a, 'answer/start');
  await click(a, 'answer/next');  // no segment answer: skipped
  await click(a, 'answer/most/0');
  const chosen = (await spoken(a)).match(/Most important: ([^.]+)/)[1];
  assert.notEqual(chosen, 'not chosen yet');

  await b.bringToFront();
  await settle(b);
  assert.deepEqual(await screenNumber(b), await screenNumber(a), 'the second tab follows the first');
  assert.equal((await spoken(b)).match(/Most important: ([^.]+)/)[1], chosen);
  await click(b, 'answer/least/3');
  await click(b, 'answer/next');
  assert.equal((await screenNumber(b))[0], 2);

  // Back in the first tab, and after reloading it: one consistent record.
  await a.bringToFront();
  await settle(a);
  assert.equal((await screenNumber(a))[0], 2);
  await reloadApp(a);
  await waitForFirstFrame(a);
  await waitForWidget(a, 'answer/question');
  await settle(a);
  assert.equal((await screenNumber(a))[0], 2);
  await click(a, 'answer/back');
  assert.match(await spoken(a), new RegExp(`Most important: ${chosen}\. Least important: (?!not chosen yet)`));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a damaged or cut-off link says what is wrong and what to ask for', async () => {
  const context = await browser.newContext(desktop);
  const h = hash();
  const edited = h.slice(0, 40) + (h[40] === 'A' ? 'B' : 'A') + h.slice(41);
  for (const broken of [edited, h.slice(0, h.length - 25)]) {
    const {page, log} = await openApp(context, origin, broken);
    await waitForWidget(page, 'answer/broken');
    assert.match(await spoken(page), /^This survey link does not work\. \S/);
    await click(page, 'answer/paste-instead');
    await waitForWidget(page, 'take/link');
    assert.deepEqual(log.errors, []);
    await page.close();
  }
  await context.close();
});
