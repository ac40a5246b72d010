// screenshots.mjs — saves what a person sees on each screen, desktop and phone, light and dark,
// for a human to look at (not a test). Usage: node tests/e2e/screenshots.mjs OUT_DIR
// Needs the native tools (build/native/loupe, build/native/tests/loupe_e2e_workspace) to make a
// survey with 30 simulated responses for the survey screens.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launchBrowser, startServer, waitForFirstFrame, settle, click, tap, ROOT} from './harness.mjs';
import {pressWhileBusy, expectWidget, scrollBy, screenNumber} from './steps.mjs';

const out = process.argv[2] || 'build/screenshots';
mkdirSync(out, {recursive: true});
const work = mkdtempSync(join(tmpdir(), 'loupe-screens-'));
const tool = (name, ...args) => execFileSync(join(ROOT, 'build/native', name), args, {cwd: work, encoding: 'utf8'});
writeFileSync(join(work, 'items.txt'), ['Automatic bank sync', 'Shared budgets with a partner',
  'Monthly spending report', 'Bill reminders', 'Savings goals', 'Receipt scanning', 'Dark mode',
  'Export to spreadsheet', 'Subscription tracker', 'Offline mode', 'Spending alerts', 'Net worth chart'].join('\n'));
tool('loupe', 'survey', 'create', '--title', 'Budgeting app priorities', '--items-file', 'items.txt',
     '--intro', 'On each screen, pick the feature that matters most to you and the one that matters least.',
     '--question', 'Which plan are you on?: Free | Plus | Family', '--open-question', 'Anything we should build?',
     '--reply-to', 'research@example.com', '--out', 'survey.loupe');
tool('loupe', 'simulate', '--survey', 'survey.loupe', '--respondents', '30', '--out', 'sim', '--seed', '5');
const project = tool('tests/loupe_e2e_workspace', 'workspace.loupe', 'survey.loupe').trim();
const responses = readdirSync(join(work, 'sim')).map((f) => join(work, 'sim', f));
const tasteSession = tool('tests/loupe_e2e_taste_workspace', 'taste.loupe').trim();

const {server, origin} = await startServer();
const link = tool('loupe', 'survey', 'link', 'survey.loupe', '--base', origin + '/').trim();
const browser = await launchBrowser();
const devices = {
  desktop: {viewport: {width: 1280, height: 800}, deviceScaleFactor: 1},
  phone: {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true},
};

async function restoreTaste(page) {
  await visit(page, '');
  await click(page, 'menu');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu/restore')]);
  await chooser.setFiles(join(work, 'taste.loupe'));
  await settle(page);
  await click(page, 'restore/confirm');
  await click(page, 'toast/dismiss');  // "Workspace restored": out of the way of the screens
}

async function visit(page, hash) {
  await page.goto(`${origin}/${hash}`);
  await waitForFirstFrame(page);
  await settle(page);
}

for (const scheme of ['light', 'dark'])
  for (const [device, options] of Object.entries(devices)) {
    const context = await browser.newContext({...options, colorScheme: scheme});
    const page = await context.newPage();
    const shot = async (name) => {
      await page.waitForTimeout(200);
      await page.screenshot({path: `${out}/${name}-${device}-${scheme}.png`});
    };
    for (const [name, hash] of Object.entries({home: '', take: '#/take', taste: '#/taste', 'surveys-empty': '#/surveys'})) {
      await visit(page, hash);
      await shot(name);
    }

    // A respondent's screens, from the link: they fit without scrolling.
    const choose = device === 'phone' ? tap : click;
    await visit(page, link.slice(link.indexOf('#')));
    await shot('answer-intro');
    await choose(page, 'answer/start');
    await choose(page, 'answer/segment/0/1');
    await shot('answer-segments');
    await choose(page, 'answer/next');
    await choose(page, 'answer/most/1');
    await shot('answer-set');
    await choose(page, 'answer/least/0');
    while (await screenNumber(page)) {
      await choose(page, 'answer/most/0');
      await choose(page, 'answer/least/1');
      await choose(page, 'answer/next');
    }
    await shot('answer-open');
    await choose(page, 'answer/next');
    await shot('answer-done');

    // The author's screens: a published survey with 30 responses.
    await visit(page, '');
    await click(page, 'menu');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu/restore')]);
    await chooser.setFiles(join(work, 'workspace.loupe'));
    await settle(page);
    await click(page, 'restore/confirm');
    await visit(page, `#/surveys/${project}/results`);
    const [files] = await Promise.all([page.waitForEvent('filechooser'),
                                       pressWhileBusy(page, 'results/import/choose')]);
    await files.setFiles(responses);
    await expectWidget(page, 'results/hb/done', 240000);
    await visit(page, `#/surveys/${project}/results`);
    for (let i = 0; i < 4; ++i) {
      await shot(`results-${i + 1}`);
      await scrollBy(page, options.viewport.height * 0.8);
    }
    await visit(page, '#/surveys');
    await shot('surveys');
    await visit(page, `#/surveys/${project}`);
    for (let i = 0; i < 3; ++i) {
      await shot(`editor-${i + 1}`);
      await scrollBy(page, options.viewport.height * 0.8);
    }

    // The facilitator's taste sessions: a team of five, a planned session with fifteen notes.
    await restoreTaste(page);
    for (const [name, hash, screens] of [['taste-team', '#/taste', 4], ['taste-session', `#/taste/${tasteSession}`, 6]]) {
      const shots = device === 'phone' ? screens * 2 : screens;  // a phone's column is long
      await visit(page, hash);
      for (let i = 0; i < shots; ++i) {
        await shot(`${name}-${i + 1}`);
        await scrollBy(page, options.viewport.height * 0.8);
      }
    }
    await context.close();
  }
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
