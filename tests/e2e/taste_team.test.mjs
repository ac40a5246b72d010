// taste_team.test.mjs — the facilitator's side of taste sessions, with real input in headless
// Chromium: make a team of five with one junior, set the cadence and download the calendar, plan a
// session (add, reorder and remove apps; the message outside 3 to 6), copy the invite and check it
// against `loupe taste invite` and for junior flags, change the plan and see the "new invite"
// notice, bring in a damaged file, a session file, pasted text with no code, a contribution file
// and a contribution code, and find everything again after a reload; another tab reads the changes;
// the keyboard alone does it too.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {inflateRawSync} from 'node:zlib';
import {launchBrowser, startServer, openApp, settle, rect, waitForWidget, reloadApp, ROOT} from './harness.mjs';
import {reveal, press, clipboard, spoken, pasteInto, typeInto, download as downloadTo} from './steps.mjs';

let browser, server, origin;
const work = mkdtempSync(join(tmpdir(), 'loupe-taste-team-'));
const at = (name) => join(work, name);
const tool = (name, ...args) => execFileSync(join(ROOT, 'build/native', name), args, {cwd: work, encoding: 'utf8'});

before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light',
                 permissions: ['clipboard-read', 'clipboard-write']};

// The "#t=" payload as the app packs it: format u8 · payload length · deflated length (LEB128) ·
// raw deflate · CRC-32, in base64url.
function inviteBytes(link) {
  const bytes = Buffer.from(link.slice(link.indexOf('#t=') + 3), 'base64url');
  let i = 1;
  const leb128 = () => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  const rawLength = leb128(), packedLength = leb128();
  const raw = inflateRawSync(bytes.subarray(i, i + packedLength));
  assert.equal(raw.length, rawLength);
  return raw;
}

const download = (page, id) => downloadTo(page, id, work);

async function chooseFiles(page, files) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'taste/import/choose')]);
  await chooser.setFiles(files);
  await settle(page);
  await reveal(page, 'taste/import/report');
}

// Brings in a text (an e-mail with codes, or none) as a .txt file dropped on the page, as from a
// mail program.
async function dropText(page, name, text) {
  const transfer = await page.evaluateHandle(({name, text}) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, {type: 'text/plain'}));
    return dt;
  }, {name, text});
  await page.dispatchEvent('#canvas', 'dragenter', {dataTransfer: transfer});
  await page.dispatchEvent('#canvas', 'drop', {dataTransfer: transfer});
  await settle(page);
  await reveal(page, 'taste/import/report');
}

const TEAM = [['Fran', 0], ['Ana', 1], ['Bo', 2], ['Cy', 2], ['Dee', 3]];  // name, role (PM, designer, engineer, other)

test('a facilitator makes a team of five, plans a session, sends the invite and brings the notes in', async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin, '#/taste');

  // The team, made on first use: you first, then four more; Cy is the junior.
  await waitForWidget(page, 'taste/new/title');
  assert.match(await spoken(page), /Make your team/);
  await typeInto(page, 'taste/new/name', 'Checkout squad');
  await typeInto(page, 'taste/new/member/0/name', TEAM[0][0]);
  for (let i = 1; i < TEAM.length; ++i) {
    await press(page, 'taste/new/add');
    await page.keyboard.type(TEAM[i][0]);  // the new row's name field has the keyboard
    await settle(page);
    await press(page, `taste/new/member/${i}/role/${TEAM[i][1]}`);
  }
  await press(page, 'taste/new/member/3/junior');
  await press(page, 'taste/new/make');
  await waitForWidget(page, 'taste/sessions/title');
  assert.match(await spoken(page), /Checkout squad\. 5 members\. Fran picks the next category/);
  for (let i = 0; i < TEAM.length; ++i) await reveal(page, `taste/member/${i}/name`);
  assert.equal(await rect(page, 'taste/member/5/name'), null, 'exactly five members');
  await reveal(page, 'taste/rota/next');

  // The cadence: the last Wednesday at 16:30 for 90 minutes, and the calendar file for it.
  await press(page, 'taste/cadence/week/4');
  await press(page, 'taste/cadence/day/2');
  await typeInto(page, 'taste/cadence/time', '16:30');
  await typeInto(page, 'taste/cadence/minutes/value', '90');
  const ics = (await download(page, 'taste/calendar')).bytes.toString('utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /\r\nRRULE:FREQ=MONTHLY;BYDAY=-1WE\r\n/);
  assert.match(ics, /\r\nDTSTART:\d{8}T163000\r\n/);
  assert.match(ics, /\r\nDTEND:\d{8}T180000\r\n/, 'the session lasts 90 minutes');
  assert.match(ics, /END:VCALENDAR\r\n$/);

  // Plan the next session: Fran's turn by default; four apps, one moved up, one removed.
  await press(page, 'taste/plan-next');
  await waitForWidget(page, 'taste/plan/title');
  await typeInto(page, 'taste/plan/category', 'budgeting apps');
  for (const name of ['YNAB', 'Monzo', 'Copilot', 'Emma']) {
    await press(page, 'taste/plan/add-app');
    await page.keyboard.type(name);
    await settle(page);
  }
  await press(page, 'taste/plan/app/1/platform/1');  // Monzo on Android
  await typeInto(page, 'taste/plan/app/0/link', 'https://ynab.com');
  await press(page, 'taste/plan/app/3/up');  // Emma before Copilot
  await press(page, 'taste/plan/app/0/remove');  // no YNAB after all
  assert.equal(await rect(page, 'taste/plan/apps-problem'), null, 'three apps are fine');
  await press(page, 'taste/plan/app/2/remove');  // Copilot
  await reveal(page, 'taste/plan/apps-problem');
  await reveal(page, 'taste/invite/problem');
  await press(page, 'taste/plan/add-app');
  await page.keyboard.type('Copilot');
  await settle(page);
  assert.equal(await rect(page, 'taste/plan/apps-problem'), null);

  // The invite: its link is what `loupe taste invite` makes of the session file, and no junior
  // mark is in it (marking another junior changes no byte of it).
  await press(page, 'taste/invite/copy');
  const link = await clipboard(page);
  assert.ok(link.startsWith(`${origin}/#t=`), link.slice(0, 60));
  await reveal(page, 'taste/invite/qr');
  const session = await download(page, 'taste/invite/download-session');
  assert.equal(tool('loupe', 'taste', 'invite', session.path, '--base', `${origin}/`).trim(), link);
  const raw = inviteBytes(link).toString('latin1');
  for (const text of ['Checkout squad', 'budgeting apps', 'Monzo', 'Emma', 'Copilot', 'Fran', 'Cy'])
    assert.ok(raw.includes(text), `the invite should carry "${text}"`);
  await press(page, 'taste/invite/copy-message');
  const message = await clipboard(page);
  assert.match(message, /^This month: budgeting apps, picked by Fran\. Try Monzo, Emma and Copilot before \w+day \d+ \w+ and note what is good, bad and ugly\.\n\nhttp/);
  assert.ok(message.endsWith(link));
  assert.equal(await rect(page, 'taste/invite/changed'), null);

  // Changing the plan after inviting says to send the new invite.
  await typeInto(page, 'taste/plan/focus', 'onboarding');
  await reveal(page, 'taste/invite/changed');
  await press(page, 'taste/invite/copy');
  const newLink = await clipboard(page);
  assert.notEqual(newLink, link);
  assert.equal(await rect(page, 'taste/invite/changed'), null, 'the new invite was given out');

  // A junior mark is in no invite: mark Dee too, and the link stays the same to the byte.
  await press(page, 'back');
  await press(page, 'taste/member/4/junior');
  await press(page, 'taste/session/0');
  await press(page, 'taste/invite/copy');
  assert.equal(await clipboard(page), newLink);

  // Bring the notes in: Ana's contribution file, Bo's code in a pasted e-mail, a damaged file,
  // the session file (a repeat of what is here), and a dropped text file without a code.
  const current = await download(page, 'taste/invite/download-session');
  tool('tests/loupe_e2e_make_contribution', current.path, 'Ana', at('ana.loupe'));
  const code = tool('tests/loupe_e2e_make_contribution', current.path, 'Bo', at('bo.loupe')).trim();
  writeFileSync(at('broken.loupe'), Buffer.from('LOUPE\0this is not a contribution at all'));
  await chooseFiles(page, [at('ana.loupe'), at('broken.loupe'), current.path]);
  await reveal(page, 'taste/import/added/0');
  await reveal(page, 'taste/import/damaged/0');
  await reveal(page, 'taste/import/unchanged/0');
  await reveal(page, 'taste/import/missing');

  await pasteInto(page, 'taste/import/paste', `Hi Fran,\n\nhere are my notes:\n\n> ${code}\n\nBo`);
  await press(page, 'taste/import/paste-button');
  await reveal(page, 'taste/import/added/0');
  assert.equal(await rect(page, 'taste/import/damaged/0'), null, 'the code came in whole');
  await dropText(page, 'sorry.txt', 'Sorry, I forgot to write anything down.');
  await reveal(page, 'taste/import/damaged/0');
  assert.equal(await rect(page, 'taste/import/added/0'), null, 'a text without a code adds nothing');
  await reveal(page, 'taste/notes/app/0/good/1');  // Ana's and Bo's good notes on Monzo
  await reveal(page, 'taste/import/sent');

  // A reload keeps everything: the team, the plan, the invite given out, the notes.
  await reloadApp(page);
  await waitForWidget(page, 'taste/plan/title');
  assert.match(await spoken(page), /Taste session: budgeting apps\. .*focus: onboarding\. 3 apps, Monzo, Emma, Copilot\./);
  await reveal(page, 'taste/notes/app/0/ugly/1');
  await press(page, 'taste/invite/copy');
  assert.equal(await clipboard(page), newLink);
  await press(page, 'back');
  await reveal(page, 'taste/session/0');
  assert.equal(await rect(page, 'taste/member/5/name'), null);

  // A session planned by mistake is deleted, after the question: its picker has the turn back.
  const [, picker] = /(\w+) picks the next category\. 1 session\./.exec(await spoken(page));
  await press(page, 'taste/plan-next');
  await waitForWidget(page, 'taste/plan/title');
  assert.match(await spoken(page), new RegExp(`picked by ${picker}`));
  await press(page, 'taste/delete');
  await press(page, 'taste/delete/confirm');
  await waitForWidget(page, 'taste/sessions/title');
  assert.match(await spoken(page), new RegExp(`${picker} picks the next category\\. 1 session\\.`));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a team made in one tab shows in another, and a plan changed there is read again here', async () => {
  const context = await browser.newContext(desktop);
  const {page: first, log} = await openApp(context, origin, '#/taste');
  const {page: second} = await openApp(context, origin, '#/taste');
  await waitForWidget(second, 'taste/new/title');
  await first.bringToFront();
  await typeInto(first, 'taste/new/name', 'Search team');
  await typeInto(first, 'taste/new/member/0/name', 'Fran');
  await press(first, 'taste/new/make');
  await waitForWidget(first, 'taste/sessions/title');
  await second.bringToFront();
  await waitForWidget(second, 'taste/sessions/title');
  assert.match(await spoken(second), /Search team\. 1 members?\./);
  await first.bringToFront();
  await press(first, 'taste/plan-next');
  await typeInto(first, 'taste/plan/category', 'search');
  await second.bringToFront();
  await waitForWidget(second, 'taste/session/0');
  await press(second, 'taste/session/0');
  await waitForWidget(second, 'taste/plan/title');
  assert.match(await spoken(second), /Taste session: search\./);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// Presses Tab until the keyboard focus is on `id` (the focused widget's test id).
async function tabTo(page, id) {
  for (let i = 0; i < 60; ++i) {
    if (await page.evaluate(() => UTF8ToString(Module._loupe_focused_widget())) === id) return;
    await page.keyboard.press('Tab');
    await settle(page, 60);
  }
  throw new Error(`Tab never reached ${id}`);
}

test('the keyboard alone makes the team, plans a session and copies the invite', async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin, '#/taste');
  await tabTo(page, 'taste/new/name');
  await page.keyboard.type('Keys team');
  await tabTo(page, 'taste/new/member/0/name');
  await page.keyboard.type('Fran');
  await tabTo(page, 'taste/new/make');
  await page.keyboard.press('Enter');
  await settle(page);
  await waitForWidget(page, 'taste/sessions/title');
  await tabTo(page, 'taste/plan-next');
  await page.keyboard.press('Enter');
  await settle(page);
  await waitForWidget(page, 'taste/plan/title');
  await tabTo(page, 'taste/plan/category');
  await page.keyboard.type('maps');
  for (const name of ['Maps', 'Citymapper', 'Waze']) {
    await tabTo(page, 'taste/plan/add-app');
    await page.keyboard.press('Enter');
    await settle(page);
    await page.keyboard.type(name);  // the new app's name field has the keyboard
    await settle(page);
  }
  await tabTo(page, 'taste/invite/copy');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.match(await clipboard(page), /#t=/);
  assert.match(await spoken(page), /Taste session: maps\. .*3 apps, Maps, Citymapper, Waze\./);
  assert.deepEqual(log.errors, []);
  await context.close();
});
