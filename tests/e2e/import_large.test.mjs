// import_large.test.mjs — a PM imports 100,000 response codes at once (one text file, a 30-item
// survey): the import shows how far it is while the page keeps drawing; Cancel leaves the survey
// exactly as it was, also after a reload. 20,000 of them imported to the end: the report groups
// the inputs by status, each its first lines and "and N more", and the results appear.
//
// Needs the native tools next to the web build: build/native/loupe and
// build/native/tests/loupe_e2e_workspace.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launchBrowser, startServer, openApp, rect, framesDrawn, waitForFirstFrame, waitForWidget,
        ROOT} from './harness.mjs';
import {restoreWorkspace, pasteInto, pressWhileBusy, revealWhileBusy, expectWidget} from './steps.mjs';

// Cancelled: 100,000 codes take seconds to read, so the test presses Cancel while it reads on any
// machine (20,000 are read in well under a second here). Imported to the end: 20,000.
const CANCELLED = 100000, RESPONDENTS = 20000;
let browser, server, origin, dir, project;
const at = (name) => join(dir, name);
const tool = (name, ...args) => execFileSync(join(ROOT, 'build/native', name), args, {cwd: dir, encoding: 'utf8'});

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loupe-import-large-'));
  writeFileSync(at('items.txt'), Array.from({length: 30}, (_, i) => `Feature number ${i + 1}`).join('\n'));
  tool('loupe', 'survey', 'create', '--title', 'Thirty features', '--items-file', 'items.txt',
       '--question', 'Plan: Free | Plus | Family', '--out', 'survey.loupe');
  tool('loupe', 'simulate', '--survey', 'survey.loupe', '--respondents', String(CANCELLED), '--codes', 'all.txt',
       '--seed', '7');
  const all = readFileSync(at('all.txt'), 'utf8').trim().split('\n');
  writeFileSync(at('codes.txt'), all.slice(0, RESPONDENTS).join('\n') + '\n');
  project = tool('tests/loupe_e2e_workspace', 'workspace.loupe', 'survey.loupe').trim();
  ({server, origin} = await startServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, {recursive: true, force: true});
});

const pause = (page, ms) => page.waitForTimeout(ms);

// How far the progress bar is filled, as a share of its width; null when there is no bar.
async function progress(page) {
  const [bar, done] = [await rect(page, 'results/import/progress'), await rect(page, 'results/import/progress/done')];
  return bar && done ? done.w / bar.w : null;
}

async function chooseFile(page, name) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
                                       pressWhileBusy(page, 'results/import/choose')]);
  await chooser.setFiles(at(name));
}

test('100,000 codes: progress while the page draws, Cancel changes nothing; 20,000: the grouped report and the results',
     async () => {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}, colorScheme: 'light',
                                            permissions: ['clipboard-read', 'clipboard-write']});
  const {page, log} = await openApp(context, origin);
  await restoreWorkspace(page, at('workspace.loupe'));
  await page.goto(`${origin}/#/surveys/${project}/results`);
  await waitForFirstFrame(page);

  // Three respondents sent their codes by mail first.
  const codes = readFileSync(at('codes.txt'), 'utf8').trim().split('\n');
  await pasteInto(page, 'results/import/paste', `Hi,\n${codes.slice(0, 3).join('\n')}\n`);
  await pressWhileBusy(page, 'results/import/paste-button');  // HB then starts for the three
  await expectWidget(page, 'results/count/3/3');

  // 100,000 codes: the bar fills while frames keep coming.
  await chooseFile(page, 'all.txt');
  await waitForWidget(page, `results/import/progress/of/${CANCELLED}`, 20000);
  const first = await progress(page), frames = await framesDrawn(page);
  let later = first;
  for (let i = 0; i < 40 && later <= first; ++i) {
    await pause(page, 25);
    later = await progress(page);
  }
  assert.ok(later > first, `the bar should fill (${first} then ${later})`);
  assert.ok(await framesDrawn(page) - frames >= 2, 'frames should keep coming while it imports');

  console.log(`cancelling at ${Math.round(later * 100)}% of the bar`);
  // Cancel on the way: nothing was added, and the page says so; stored as it was, so a reload shows the same.
  await pressWhileBusy(page, 'results/import/cancel');
  await expectWidget(page, 'results/import/cancelled');
  assert.equal(await rect(page, 'results/import/progress'), null);
  assert.equal(await rect(page, 'results/report/title'), null, 'a cancelled import has no report');
  await expectWidget(page, 'results/count/3/3');
  await page.reload();
  await waitForFirstFrame(page);
  await expectWidget(page, 'results/count/3/3');

  // 20,000 codes, to the end. The results come right after the last code is read.
  await chooseFile(page, 'codes.txt');
  await waitForWidget(page, `results/import/progress/of/${RESPONDENTS}`, 20000);
  let lastProgress = Date.now();
  while (await rect(page, 'results/import/progress')) {
    lastProgress = Date.now();
    await pause(page, 50);
  }
  // The report and the results (counts, logit) are made in the same frame; the page scrolls to the report.
  await waitForWidget(page, `results/report/count/accepted/${RESPONDENTS - 3}`, 20000);
  const resultsAfter = Date.now() - lastProgress;
  console.log(`report and results ${resultsAfter} ms after the last frame with the progress bar`);
  assert.ok(resultsAfter < 10000, `the results took ${resultsAfter} ms to appear after the import`);
  await expectWidget(page, `results/count/${RESPONDENTS}/${RESPONDENTS}`);

  // The report: every input accounted for, grouped by status, each group its first five lines.
  await expectWidget(page, 'results/report/count/duplicate/3');
  await expectWidget(page, 'results/report/duplicate/codes.txt, code 1 (line 1)');
  await expectWidget(page, 'results/report/accepted/codes.txt, code 4 (line 4)');
  await expectWidget(page, 'results/report/accepted/codes.txt, code 8 (line 8)');
  assert.equal(await rect(page, 'results/report/accepted/codes.txt, code 9 (line 9)'), null,
               'only the first five accepted inputs are listed at first');
  await pressWhileBusy(page, 'results/report/show/accepted');  // "and 19,992 more"
  await expectWidget(page, 'results/report/accepted/codes.txt, code 9 (line 9)');
  await expectWidget(page, 'results/report/hide/accepted');
  await pressWhileBusy(page, 'results/report/hide/accepted');
  await expectWidget(page, 'results/report/show/accepted');

  // And the results: the ranking by the logit model, while HB works on (taller than the screen: its title).
  await revealWhileBusy(page, 'results/chart/title');
  await expectWidget(page, 'results/hb/progress');
  // HB works through 20,000 respondents in parts of an iteration: frames keep coming.
  const before = await framesDrawn(page);
  await pause(page, 1000);
  const perSecond = await framesDrawn(page) - before;
  console.log(`${perSecond} frames in the second while HB works`);
  assert.ok(perSecond >= 5, `frames should keep coming while HB works (${perSecond} in a second)`);
  assert.ok(await rect(page, 'results/hb/progress'), 'HB is still working');
  assert.deepEqual(log.errors, []);
  await context.close();
});
