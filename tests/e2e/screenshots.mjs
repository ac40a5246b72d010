// screenshots.mjs — saves what a person sees on each screen, desktop and phone, light and dark,
// for a human to look at (not a test). Usage: node tests/e2e/screenshots.mjs OUT_DIR
// Needs the native tools (build/native/loupe, build/native/tests/loupe_e2e_workspace) to make a
// survey with 30 simulated responses for the survey screens.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {launchBrowser, startServer, waitForFirstFrame, settle, click, tap, rect, ROOT} from './harness.mjs';
import {press, pressWhileBusy, expectWidget, scrollBy, screenNumber} from './steps.mjs';

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

    // A participant's screens, from the taste session's invite.
    await visit(page, invite.slice(invite.indexOf('#')));
    await shot('taste-who');
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
    await context.close();
  }
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
