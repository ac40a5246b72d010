// screenshots.mjs — saves what a person sees on each screen, desktop and phone, light and dark,
// for a human to look at (not a test). Usage: node tests/e2e/screenshots.mjs OUT_DIR [PART...]
// PART picks what to shoot (all when none): shell, answer, contribute, author (with a large
// import), taste, meeting.
// Needs the native tools (build/native/loupe, build/native/tests/loupe_e2e_workspace) to make a
// survey with 30 simulated responses for the survey screens.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {launchBrowser, startServer, waitForFirstFrame, settle, click, tap, rect, waitForWidget, ROOT} from './harness.mjs';
import {press, pressWhileBusy, expectWidget, scrollBy, screenNumber, restoreWorkspace} from './steps.mjs';

const out = process.argv[2] || 'build/screenshots';
const parts = process.argv.slice(3);
const want = (part) => parts.length === 0 || parts.includes(part);
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
// A large import: the codes of those 30 again (duplicates), 20,000 new ones and one with a typo.
tool('loupe', 'simulate', '--survey', 'survey.loupe', '--respondents', '30', '--codes', 'again.txt', '--seed', '5');
tool('loupe', 'simulate', '--survey', 'survey.loupe', '--respondents', '20000', '--codes', 'new.txt', '--seed', '6');
{
  const typo = (code) => code.slice(0, 20) + (code[20] === 'A' ? 'B' : 'A') + code.slice(21);
  const again = readFileSync(join(work, 'again.txt'), 'utf8'), fresh = readFileSync(join(work, 'new.txt'), 'utf8');
  writeFileSync(join(work, 'many codes.txt'), `Forwarded answers:\n${again}${fresh}${typo(fresh.split('\n')[0])}\n`);
}
const tasteSession = tool('tests/loupe_e2e_taste_workspace', 'taste.loupe').trim();
const meetingSession = tool('tests/loupe_e2e_taste_workspace', 'meeting.loupe', '--meeting').trim();

tool('loupe', 'taste', 'team', 'create', '--name', 'Checkout squad', '--member', 'Fran:PM', '--member', 'Ana:designer',
     '--member', 'Bo:engineer', '--member', 'Cy:engineer:junior', '--member', 'Dee:other', '--out', 'team.loupe');
tool('loupe', 'taste', 'plan', 'team.loupe', '--date', '2027-01-14', '--category', 'budgeting apps', '--focus', 'onboarding',
     '--picker', 'Ana', '--reply-to', 'fran@example.com', '--app', 'YNAB | iOS | https://www.ynab.com',
     '--app', 'Monzo | Android | https://monzo.com', '--app', 'Copilot | web | https://copilot.money', '--out', 'session.loupe');

// A made-up app's setup screen, for a note's screenshot: a header, a form, a button.
function appScreen(width = 780, height = 1400) {
  const png = new PNG({width, height});
  for (let y = 0; y < height; ++y)
    for (let x = 0; x < width; ++x) {
      const i = (y * width + x) * 4;
      const header = y < 160, field = y % 180 > 60 && y % 180 < 130 && y > 220 && y < 1100 && x > 60 && x < width - 60;
      const button = y > 1200 && y < 1300 && x > 60 && x < width - 60;
      const [r, g, b] = header ? [32, 96, 210] : button ? [24, 150, 96] : field ? [228, 232, 238] : [250, 250, 250];
      png.data[i] = r, png.data[i + 1] = g, png.data[i + 2] = b, png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

const {server, origin} = await startServer();
const link = tool('loupe', 'survey', 'link', 'survey.loupe', '--base', origin + '/').trim();
const invite = tool('loupe', 'taste', 'invite', 'session.loupe', '--base', origin + '/').trim();
const browser = await launchBrowser();
const devices = {
  desktop: {viewport: {width: 1280, height: 800}, deviceScaleFactor: 1},
  phone: {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true},
};

async function restoreTaste(page, file = 'taste.loupe') {
  await visit(page, '');
  await restoreWorkspace(page, join(work, file));
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
    if (want('shell'))
      for (const [name, hash] of Object.entries({home: '', take: '#/take', taste: '#/taste', 'surveys-empty': '#/surveys'})) {
        await visit(page, hash);
        await shot(name);
      }
    const choose = device === 'phone' ? tap : click;
    // Scrolls down (a finger on the phone) until the widget is in full view, then chooses it.
    const bring = async (id, press = true) => {
      const h = options.viewport.height;
      for (let i = 0; i < 20; ++i) {
        const r = await rect(page, id);
        if (r && r.y >= 64 && r.y + r.h <= h - 8) break;
        await scrollBy(page, r ? r.y + r.h / 2 - h / 2 : h / 3);
        await settle(page, 100);
      }
      if (press) await choose(page, id);
    };

    // A respondent's screens, from the link: they fit without scrolling.
    if (want('answer')) {
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
    }

    // A participant's screens, from the taste session's invite.
    if (want('contribute')) {
    await visit(page, invite.slice(invite.indexOf('#')));
    await shot('taste-who');
    await bring('contribute/person/1');
    const note = async (kind, text) => {
      await bring(`contribute/add/${kind}`);
      await bring('contribute/editor/text');
      await page.keyboard.type(text);
      await settle(page);
    };
    await note('good', 'Sample data first: I could try the whole app before linking my bank.');
    await bring('contribute/editor/tags');
    await page.keyboard.type('onboarding, trust');
    await bring('contribute/editor/done');
    await note('bad', 'Zażółć gęślą jaźń — the budget total hides behind a swipe.');
    await bring('contribute/editor/done');
    await note('ugly', '初回の設定画面が長すぎて、途中でやめたくなった。');
    const [pictures] = await Promise.all([page.waitForEvent('filechooser'), bring('contribute/editor/attach')]);
    await pictures.setFiles({name: 'setup.png', mimeType: 'image/png', buffer: appScreen()});
    await settle(page, 800);  // the CJK font arrives, the picture is re-encoded
    await bring('contribute/editor/done', false);
    await shot('taste-editor');
    await choose(page, 'contribute/editor/done');
    for (let i = 0; i < 8; ++i) await scrollBy(page, -options.viewport.height);  // back to the top
    await settle(page, 800);
    await shot('taste-notes');
    await bring('contribute/show-code');
    await scrollBy(page, 100000);
    await settle(page);
    await shot('taste-send');
    for (let i = 0; i < 8; ++i) await scrollBy(page, -options.viewport.height);
    await bring('contribute/note/ugly/0/picture/0');
    await settle(page, 500);
    await shot('taste-picture');
    await choose(page, 'contribute/picture-close');
    await visit(page, invite.slice(invite.indexOf('#'), -10));
    await shot('taste-broken');
    }

    // The author's screens: a published survey with 30 responses.
    if (want('author')) {
    await visit(page, '');
    await restoreWorkspace(page, join(work, 'workspace.loupe'));
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

    // A large import into those 30: its progress, then the report grouped by status, one group opened.
    await visit(page, `#/surveys/${project}/results`);
    const [many] = await Promise.all([page.waitForEvent('filechooser'), pressWhileBusy(page, 'results/import/choose')]);
    await many.setFiles(join(work, 'many codes.txt'));
    await waitForWidget(page, 'results/import/progress', 20000);
    await shot('import-progress');
    await waitForWidget(page, 'results/report/title', 240000);
    await shot('import-report');
    await pressWhileBusy(page, 'results/report/show/accepted');
    await scrollBy(page, options.viewport.height * 0.5);
    await shot('import-report-open');
    }

    // The facilitator's taste sessions: a team of five, a planned session with fifteen notes.
    if (want('taste')) {
    await restoreTaste(page);
    for (const [name, hash, screens] of [['taste-team', '#/taste', 4], ['taste-session', `#/taste/${tasteSession}`, 6]]) {
      const shots = device === 'phone' ? screens * 2 : screens;  // a phone's column is long
      await visit(page, hash);
      for (let i = 0; i < shots; ++i) {
        await shot(`${name}-${i + 1}`);
        await scrollBy(page, options.viewport.height * 0.8);
      }
    }
    await bring('taste/report/title', false);
    await shot('taste-reports');
    for (let i = 0; i < 40 && !(await rect(page, 'taste/delete')); ++i) await scrollBy(page, 100000);  // the page's end
    await press(page, 'taste/delete');  // the question before a session is deleted
    await shot('taste-delete');
    await choose(page, 'taste/delete/cancel');

    // The library: every note, the wall, the open actions; Japanese and Greek found by typing.
    await visit(page, '#/taste/library');
    for (let i = 0; i < (device === 'phone' ? 3 : 2); ++i) {
      await shot(`library-notes-${i + 1}`);
      await scrollBy(page, options.viewport.height * 0.8);
    }
    const find = async (text) => {
      await bring('library/search');
      await page.keyboard.press('Control+A');
      if (text) await page.keyboard.type(text);
      else await page.keyboard.press('Backspace');
      await settle(page, 800);  // the CJK font arrives
    };
    for (let i = 0; i < 8; ++i) await scrollBy(page, -options.viewport.height);  // back to the top
    for (const [name, text] of [['library-japanese', '設定'], ['library-greek', 'κουμπί'], ['library-nothing', 'xyzzy']]) {
      await find(text);
      await shot(name);
    }
    await find('');
    await visit(page, '#/taste/library/wall');
    await shot('library-wall');
    await choose(page, 'library/wall/0');
    await settle(page, 500);
    await shot('library-enlarged');
    await choose(page, 'library/enlarged/close');
    await visit(page, '#/taste/library/actions');
    for (let i = 0; i < (device === 'phone' ? 3 : 2); ++i) {
      await shot(`library-actions-${i + 1}`);
      await scrollBy(page, options.viewport.height * 0.8);
    }
    }

    // The meeting, phase by phase: a team of eleven, ten of them here.
    if (want('meeting')) {
    await restoreTaste(page, 'meeting.loupe');
    await visit(page, `#/taste/${meetingSession}/meeting`);
    await shot('meeting-actions');
    await bring('meeting/next');
    await bring('meeting/here/3');
    await shot('meeting-here');
    await bring('meeting/next');
    await shot('meeting-groups');
    await bring('meeting/next');
    for (let i = 0; i < 3; ++i) await bring('meeting/queue/0/spoke');
    for (let i = 0; i < 8; ++i) await scrollBy(page, -options.viewport.height);
    await bring('meeting/note/good/0/praise-button');
    await bring('meeting/praise/save');
    for (let i = 0; i < 8; ++i) await scrollBy(page, -options.viewport.height);
    await settle(page);
    const screens = device === 'phone' ? 6 : 3;
    for (let i = 0; i < screens; ++i) {
      await shot(`meeting-app-${i + 1}`);
      await scrollBy(page, options.viewport.height * 0.8);
    }
    for (let i = 0; i < 8; ++i) await scrollBy(page, -options.viewport.height);
    await bring('meeting/note/good/1/why');
    await bring('meeting/insight/text');
    await page.keyboard.type('The empty state teaches the method before it asks for anything');
    await shot('meeting-insight');
    await bring('meeting/insight/save');
    await bring('meeting/insight/0/action');
    await bring('meeting/action/owner/1');
    await shot('meeting-action');
    await bring('meeting/action/cancel');
    await bring('meeting/present');
    await settle(page, 800);  // the large type is rasterised
    await shot('meeting-present');
    await bring('meeting/present/stop');
    await bring('meeting/phase/4');
    await shot('meeting-wrap');
    }
    await context.close();
  }

// The presenting view as it is shared on a video call: 1920x1080.
if (want('meeting'))
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({viewport: {width: 1920, height: 1080}, colorScheme: scheme});
    const page = await context.newPage();
    await restoreTaste(page, 'meeting.loupe');
    await visit(page, `#/taste/${meetingSession}/meeting`);
    await click(page, 'meeting/phase/3');
    await click(page, 'meeting/timer/run');
    await click(page, 'meeting/present');
    await page.waitForTimeout(1200);  // the large type is rasterised; the timer ticks
    await page.screenshot({path: `${out}/meeting-present-1920-${scheme}.png`});
    await context.close();
  }
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
