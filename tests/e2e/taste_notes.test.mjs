// taste_notes.test.mjs — a participant's side of a taste session, from the invite link made by
// the CLI: on a 390x844 phone by touch (pick a name, notes of each kind on two apps, a screenshot
// from a file, a reload halfway, the code copied and read back, a later send as a newer
// revision); on a desktop by the keyboard alone as a guest (notes, the contribution file
// downloaded and read back); and an invite damaged on the way. What a screen reader hears is
// checked along the way.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {launchBrowser, startServer, openApp, settle, waitForWidget, rect, tap, swipeIntoView, tapInView, reloadApp, ROOT} from './harness.mjs';
import {spoken, keyboardChoose, clipboard, press} from './steps.mjs';

const LOUPE = join(ROOT, 'build/native/loupe');
const READ = join(ROOT, 'build/native/tests/loupe_e2e_read_contribution');

let browser, server, origin, link, dir, sessionFile;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'loupe-taste-notes-'));
  const team = join(dir, 'team.loupe');
  sessionFile = join(dir, 'session.loupe');
  execFileSync(LOUPE, ['taste', 'team', 'create', '--name', 'Checkout squad', '--member', 'Fran:PM',
                       '--member', 'Ana:designer', '--member', 'Bo:engineer', '--member', 'Cy:engineer:junior',
                       '--member', 'Dee:other', '--out', team]);
  execFileSync(LOUPE, ['taste', 'plan', team, '--date', '2027-01-14', '--category', 'budgeting apps',
                       '--focus', 'onboarding', '--picker', 'Ana', '--reply-to', 'fran@example.com',
                       '--app', 'YNAB | iOS | https://ynab.com', '--app', 'Monzo | Android | https://monzo.com',
                       '--app', 'Copilot | web | https://copilot.money', '--out', sessionFile]);
  link = execFileSync(LOUPE, ['taste', 'invite', sessionFile, '--base', origin + '/']).toString().trim();
});
after(async () => {
  await browser.close();
  server.close();
});

const hash = () => link.slice(link.indexOf('#'));
const phone = {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
               permissions: ['clipboard-read', 'clipboard-write']};
const desktop = {viewport: {width: 1280, height: 800}, acceptDownloads: true,
                 permissions: ['clipboard-read', 'clipboard-write']};

// What the participant sent, as the core reads it back (a code in a text, or a file).
function readBack(name, content) {
  const file = join(dir, name);
  writeFileSync(file, content);
  return JSON.parse(execFileSync(READ, [sessionFile, file]).toString());
}

// Taps "Attach screenshot" and picks `file` in the chooser. The chooser is awaited from the tap on,
// not from before the swipes: on a busy machine they took longer than any timeout set for the
// chooser (an earlier version waited 5 s from before them and then tapped a second time).
async function attachByTap(page, file) {
  await swipeIntoView(page, 'contribute/editor/attach');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'contribute/editor/attach')]);
  await chooser.setFiles(file);
}

// A PNG of a made-up app screen: a header bar and a button.
function screenPng(width = 390, height = 640) {
  const png = new PNG({width, height});
  for (let y = 0; y < height; ++y)
    for (let x = 0; x < width; ++x) {
      const i = (y * width + x) * 4;
      const header = y < 80, button = y > 500 && y < 560 && x > 40 && x < width - 40;
      png.data[i] = header ? 30 : button ? 20 : 245;
      png.data[i + 1] = header ? 90 : button ? 140 : 245;
      png.data[i + 2] = header ? 200 : button ? 90 : 245;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
}

// A 200 x 100 JPEG (made by the page's canvas) with the EXIF orientation a phone writes when it was
// held sideways (6: turn right to view), so it shows upright as 100 x 200.
async function sidewaysPhoto(page) {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(200, 100), g = canvas.getContext('2d');
    g.fillStyle = '#c03030';
    g.fillRect(0, 0, 200, 100);
    const jpeg = new Uint8Array(await (await canvas.convertToBlob({type: 'image/jpeg'})).arrayBuffer());
    const exif = [0xFF, 0xE1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0, 0,  // APP1 "Exif"
                  0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8,                   // big-endian TIFF, IFD at 8
                  0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,        // one entry: Orientation = 6
                  0, 0, 0, 0];
    return [...jpeg.subarray(0, 2), ...exif, ...jpeg.subarray(2)];
  });
  return Buffer.from(bytes);
}

async function typeNote(page, press, kind, text, tags = '') {
  await press(page, `contribute/add/${kind}`);
  await waitForWidget(page, 'contribute/editor/text');
  if (press === tapInView) await tapInView(page, 'contribute/editor/text');
  await page.keyboard.type(text);
  if (tags) {
    await press(page, 'contribute/editor/tags');
    await page.keyboard.type(tags);
  }
  await settle(page);
}

test('on a phone by touch: a name, notes on two apps, a screenshot, a reload, the code, a later send', async () => {
  const context = await browser.newContext(phone);
  let {page, log} = await openApp(context, origin, hash());
  await waitForWidget(page, 'contribute/category');
  const heard = await spoken(page);
  assert.match(heard, /^budgeting apps, picked by Ana\. Focus: onboarding\. Thursday 14 January\. The apps: YNAB \(iOS\), Monzo \(Android\), Copilot \(web\)\./);
  assert.match(heard, /Who are you\? Choose your name: /);
  const names = heard.match(/Choose your name: ([^.]*), or type/)[1].split(', ');
  assert.deepEqual([...names].sort(), ['Ana', 'Bo', 'Cy', 'Dee', 'Fran']);
  await tapInView(page, `contribute/person/${names.indexOf('Bo')}`);
  assert.match(await spoken(page), /Writing as Bo\. Now: YNAB, iOS\. Good: nothing yet\./);

  await typeNote(page, tapInView, 'good', 'Sample data before linking a bank: I could try it first.', 'onboarding, trust');
  await tapInView(page, 'contribute/editor/done');
  await typeNote(page, tapInView, 'bad', 'The budget screen hides the total behind a swipe.');
  await tapInView(page, 'contribute/editor/done');
  assert.match(await spoken(page), /Good: Sample data before linking a bank: I could try it first\. Tags: onboarding, trust\. Bad: The budget screen hides/);

  // The second app: an ugly note with a screenshot from the phone's files.
  await tapInView(page, 'contribute/app/1');
  assert.match(await spoken(page), /Now: Monzo, Android\./);
  await typeNote(page, tapInView, 'ugly', 'Two greens that mean opposite things.');
  // First a file that only says it is a picture: its message shows by the note, nothing is attached.
  await attachByTap(page, {name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all')});
  await settle(page);
  await waitForWidget(page, 'contribute/editor/picture-problem');
  assert.match(await spoken(page), /broken\.png: /);
  assert.equal(await rect(page, 'contribute/editor/picture/0'), null);
  await attachByTap(page, {name: 'monzo.png', mimeType: 'image/png', buffer: screenPng()});
  await settle(page);
  await waitForWidget(page, 'contribute/editor/picture/0', 10000);
  assert.match(await spoken(page), /1 screenshot attached/);
  // A photo the phone took sideways is attached upright (the browser reads its EXIF orientation);
  // Remove takes it off the note again.
  await attachByTap(page, {name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await sidewaysPhoto(page)});
  await settle(page);
  const upright = await waitForWidget(page, 'contribute/editor/picture/1', 10000);
  assert.ok(upright.h > upright.w * 1.5, `the photo should stand upright (${upright.w} x ${upright.h})`);
  await tapInView(page, 'contribute/editor/picture/1/remove');
  assert.equal(await rect(page, 'contribute/editor/picture/1'), null);
  assert.match(await spoken(page), /1 screenshot attached/);

  // A reload halfway: everything is still there, the note still open.
  await reloadApp(page);
  await waitForWidget(page, 'contribute/category');
  let now = await spoken(page);
  assert.match(now, /Writing as Bo\./);
  await tapInView(page, 'contribute/app/0');
  now = await spoken(page);
  assert.match(now, /Good: Sample data before linking a bank/);
  assert.match(now, /Bad: The budget screen hides the total behind a swipe\./);
  await tapInView(page, 'contribute/app/1');
  await waitForWidget(page, 'contribute/note/ugly/0/picture/0', 10000);
  await typeNote(page, tapInView, 'good', 'Pay day countdown on the home screen.');
  await tapInView(page, 'contribute/editor/done');

  // Send: the code, copied and read back by the core.
  await tapInView(page, 'contribute/show-code');
  await tapInView(page, 'contribute/copy');
  const code = await clipboard(page);
  assert.match(code, /^TASTE-[0-9A-Z]+$/);
  assert.match(await spoken(page), new RegExp(`Your contribution code is ${code}\\.`));
  let [back] = readBack('code1.txt', `Hi Fran,\n\n> ${code}\n`);
  assert.equal(back.problem, '');
  assert.equal(back.author, 'Bo');
  assert.deepEqual(back.notes.map((n) => [n.app, n.kind, n.text.slice(0, 20)]).sort(), [
    ['Monzo', 'good', 'Pay day countdown on'], ['Monzo', 'ugly', 'Two greens that mean'],
    ['YNAB', 'bad', 'The budget screen hi'], ['YNAB', 'good', 'Sample data before l']]);
  assert.deepEqual(back.notes.find((n) => n.kind === 'good' && n.app === 'YNAB').tags, ['onboarding', 'trust']);
  assert.equal(back.notes.find((n) => n.kind === 'ugly').screenshots, 1);
  assert.ok(back.notes.every((n) => n.counter === 1));
  assert.match(await spoken(page), /4 notes, all sent\./);

  // Later: one note changed, one deleted; the new code carries them at a newer revision, the rest as before.
  await tapInView(page, 'contribute/note/good/0/edit');
  await tapInView(page, 'contribute/editor/text');
  await page.keyboard.type(' Shown from the first day.');
  await tapInView(page, 'contribute/editor/done');
  await tapInView(page, 'contribute/app/0');
  await tapInView(page, 'contribute/note/bad/0/edit');
  await tapInView(page, 'contribute/editor/delete');
  assert.match(await spoken(page), /2 changes since you last sent/);
  await tapInView(page, 'contribute/copy');
  [back] = readBack('code2.txt', await clipboard(page));
  assert.equal(back.problem, '');
  const by = (pred) => back.notes.filter(pred);
  assert.equal(by((n) => n.deleted).length, 1);
  assert.equal(by((n) => n.deleted)[0].counter, 2);
  assert.equal(by((n) => n.text.startsWith('Pay day'))[0].counter, 2);
  assert.match(by((n) => n.text.startsWith('Pay day'))[0].text, /Shown from the first day\.$/);
  assert.equal(by((n) => n.text.startsWith('Sample'))[0].counter, 1);
  assert.equal(by((n) => n.kind === 'ugly')[0].counter, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('on a desktop by the keyboard alone: a guest writes notes, pastes a screenshot and downloads the file', async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin, hash());
  await waitForWidget(page, 'contribute/category');
  await page.focus('#canvas');
  await keyboardChoose(page, 'contribute/guest-name');
  await page.keyboard.type('Zoë');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.match(await spoken(page), /Writing as Zoë \(guest\)\. Now: YNAB, iOS\./);

  await keyboardChoose(page, 'contribute/add/good');  // the caret lands in the new note
  await page.keyboard.type('Zażółć gęślą jaźń: the search understands Polish letters.');
  await settle(page);
  // A screenshot pasted with Ctrl+V while the note is open.
  await page.evaluate(async (bytes) => {
    const blob = new Blob([new Uint8Array(bytes)], {type: 'image/png'});
    await navigator.clipboard.write([new ClipboardItem({'image/png': blob})]);
  }, [...screenPng(800, 1200)]);
  await page.keyboard.press('Control+V');
  await settle(page);
  await waitForWidget(page, 'contribute/editor/picture/0', 10000);
  assert.match(await spoken(page), /Writing a good note about YNAB: .* 1 screenshot attached\./);
  await keyboardChoose(page, 'contribute/editor/done');
  await keyboardChoose(page, 'contribute/app/2');
  assert.match(await spoken(page), /Now: Copilot, web\./);
  await keyboardChoose(page, 'contribute/add/bad');
  await page.keyboard.type('Το κουμπί είναι πολύ μικρό.');
  await settle(page);
  await keyboardChoose(page, 'contribute/editor/done');
  assert.match(await spoken(page), /Bad: Το κουμπί είναι πολύ μικρό\./);

  await keyboardChoose(page, 'contribute/show-code');
  const [download] = await Promise.all([page.waitForEvent('download'), keyboardChoose(page, 'contribute/download')]);
  assert.match(download.suggestedFilename(), /^taste-notes-2027-01-14-[0-9a-f]{8}\.loupe$/);
  const bytes = readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 8).toString('latin1'), 'LOUPE\r\n\x1a');
  const [back] = readBack('zoe.loupe', bytes);
  assert.equal(back.problem, '');
  assert.equal(back.author, 'Zoë');
  assert.deepEqual(back.notes.map((n) => [n.app, n.kind, n.text]).sort(), [
    ['Copilot', 'bad', 'Το κουμπί είναι πολύ μικρό.'],
    ['YNAB', 'good', 'Zażółć gęślą jaźń: the search understands Polish letters.']]);
  assert.equal(back.images.length, 1);
  assert.ok(back.images[0].jpeg, 'pictures travel re-encoded as JPEG');
  assert.deepEqual([back.images[0].width, back.images[0].height], [800, 1200]);
  assert.equal(back.notes.find((n) => n.app === 'YNAB').screenshots, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the invite in two tabs: a note written in one shows up in the other', async () => {
  const context = await browser.newContext(desktop);
  const {page: a} = await openApp(context, origin, hash());
  const {page: b, log} = await openApp(context, origin, hash());
  await a.bringToFront();
  await press(a, 'contribute/person/0');
  await press(a, 'contribute/add/good');
  await a.keyboard.type('Written in the first tab.');
  await press(a, 'contribute/editor/done');
  await b.bringToFront();
  await settle(b);
  await waitForWidget(b, 'contribute/note/good/0');
  assert.match(await spoken(b), /Good: Written in the first tab\./);
  await press(b, 'contribute/add/bad');
  await b.keyboard.type('Written in the second.');
  await press(b, 'contribute/editor/done');
  await a.bringToFront();
  await settle(a);
  const heard = await spoken(a);
  assert.match(heard, /Good: Written in the first tab\. Bad: Written in the second\./);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a damaged or cut-short invite says what is wrong and opens nothing', async () => {
  const context = await browser.newContext(desktop);
  const h = hash();
  const middle = Math.floor(h.length / 2);
  const edited = h.slice(0, middle) + (h[middle] === 'A' ? 'B' : 'A') + h.slice(middle + 1);
  for (const broken of [edited, h.slice(0, h.length - 12)]) {
    const {page} = await openApp(context, origin, broken);
    await waitForWidget(page, 'contribute/broken');
    assert.equal(await rect(page, 'contribute/category'), null);
    const heard = await spoken(page);
    assert.match(heard, /^This invite does not work\. .+/);
    assert.match(heard, /facilitator/);
    await page.close();
  }
  await context.close();
});
