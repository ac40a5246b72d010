// taste_session.test.mjs — one taste session from plan to notes brought in, in three browsers, by
// real input only: the facilitator makes a team of five (one junior) and plans the session in the
// app, and copies the invite; Bo, on a 390x844 phone by touch, attaches a screenshot from a file,
// reloads halfway and sends a code; Ana, on a desktop by the keyboard alone, pastes a screenshot,
// reloads halfway and sends a file; the facilitator brings in both (Bo's code in his e-mail, pasted
// with Ctrl+V), a damaged file and Ana's file once more, and hears the report and who is missing.
// No junior mark is in anything meant for the team: the invite, the code, the file (each decoded).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {inflateRawSync} from 'node:zlib';
import {PNG} from 'pngjs';
import {launchBrowser, startServer, openApp, settle, waitForWidget, tap, tapInView, reloadApp, ROOT} from './harness.mjs';
import {reveal, press, clipboard, spoken, keyboardChoose, pasteInto, typeInto} from './steps.mjs';

const work = mkdtempSync(join(tmpdir(), 'loupe-taste-session-'));
const at = (name) => join(work, name);
const READ = join(ROOT, 'build/native/tests/loupe_e2e_read_contribution');
const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light', acceptDownloads: true,
                 permissions: ['clipboard-read', 'clipboard-write']};
const phone = {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
               permissions: ['clipboard-read', 'clipboard-write']};
const TEAM = [['Fran', 0], ['Ana', 1], ['Bo', 2], ['Cy', 2], ['Dee', 3]];  // name, role; Cy is the junior

let browser, server, origin;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function download(page, choose) {
  const [file] = await Promise.all([page.waitForEvent('download'), choose()]);
  const path = at(file.suggestedFilename());
  await file.saveAs(path);
  return {path, bytes: readFileSync(path)};
}

function screenPng(width, height) {
  const png = new PNG({width, height});
  for (let i = 0; i < width * height; ++i) png.data.set(i < width * 60 ? [30, 90, 200, 255] : [245, 245, 245, 255], i * 4);
  return PNG.sync.write(png);
}

// The invite's payload, inflated (formats.h: format u8, lengths as LEB128, raw deflate, CRC-32).
function inviteBytes(link) {
  const bytes = Buffer.from(link.slice(link.indexOf('#t=') + 3), 'base64url');
  let i = 1;
  const leb128 = () => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  leb128();  // the payload's length
  const packed = leb128();
  return inflateRawSync(bytes.subarray(i, i + packed));
}

// The name `name` among the invited, as the participant's screen reader lists them.
async function personIndex(page, name) {
  const heard = await spoken(page);
  return heard.match(/Choose your name: ([^.]*), or type/)[1].split(', ').indexOf(name);
}

test('a session from plan to notes brought in: three browsers, touch, keyboard, reloads, code and file', async () => {
  // ---- The facilitator plans ----
  const fContext = await browser.newContext(desktop);
  const {page: fran, log: franLog} = await openApp(fContext, origin, '#/taste');
  await waitForWidget(fran, 'taste/new/title');
  await typeInto(fran, 'taste/new/name', 'Checkout squad');
  await typeInto(fran, 'taste/new/member/0/name', TEAM[0][0]);
  for (let i = 1; i < TEAM.length; ++i) {
    await press(fran, 'taste/new/add');
    await fran.keyboard.type(TEAM[i][0]);
    await settle(fran);
    await press(fran, `taste/new/member/${i}/role/${TEAM[i][1]}`);
  }
  await press(fran, 'taste/new/member/3/junior');
  await press(fran, 'taste/new/make');
  await waitForWidget(fran, 'taste/sessions/title');
  await press(fran, 'taste/plan-next');
  await waitForWidget(fran, 'taste/plan/title');
  await typeInto(fran, 'taste/plan/category', 'budgeting apps');
  for (const name of ['YNAB', 'Monzo', 'Copilot']) {
    await press(fran, 'taste/plan/add-app');
    await fran.keyboard.type(name);
    await settle(fran);
  }
  await press(fran, 'taste/invite/copy');
  const link = await clipboard(fran);
  assert.ok(link.startsWith(`${origin}/#t=`));
  const invite = inviteBytes(link).toString('latin1');
  for (const name of TEAM.map((m) => m[0])) assert.ok(invite.includes(name), `the invite names ${name}`);
  // No junior mark: the same invite, to the byte, once Cy is no longer marked.
  await press(fran, 'back');
  await press(fran, 'taste/member/3/junior');
  await press(fran, 'taste/session/0');
  await press(fran, 'taste/invite/copy');
  assert.equal(await clipboard(fran), link, 'a junior mark must change no byte of the invite');
  await press(fran, 'back');
  await press(fran, 'taste/member/3/junior');  // Cy is the junior again
  await press(fran, 'taste/session/0');
  const hash = link.slice(link.indexOf('#'));

  // ---- Bo, on a phone, by touch: a note, a screenshot from a file, a reload, the code ----
  const bContext = await browser.newContext(phone);
  let {page: bo, log: boLog} = await openApp(bContext, origin, hash);
  await waitForWidget(bo, 'contribute/category');
  await tapInView(bo, `contribute/person/${await personIndex(bo, 'Bo')}`);
  await tapInView(bo, 'contribute/add/good');
  await waitForWidget(bo, 'contribute/editor/text');
  await tapInView(bo, 'contribute/editor/text');
  await bo.keyboard.type('Sample data before linking a bank.');
  await tapInView(bo, 'contribute/editor/done');
  await tapInView(bo, 'contribute/app/1');
  await tapInView(bo, 'contribute/add/ugly');
  await waitForWidget(bo, 'contribute/editor/text');
  await tapInView(bo, 'contribute/editor/text');
  await bo.keyboard.type('Two greens that mean opposite things.');
  const [chooser] = await Promise.all([bo.waitForEvent('filechooser'), tapInView(bo, 'contribute/editor/attach')]);
  await chooser.setFiles({name: 'monzo.png', mimeType: 'image/png', buffer: screenPng(390, 640)});
  await settle(bo);
  await waitForWidget(bo, 'contribute/editor/picture/0', 10000);
  await reloadApp(bo);  // halfway
  await waitForWidget(bo, 'contribute/category');
  assert.match(await spoken(bo), /Writing as Bo\./);
  await tapInView(bo, 'contribute/app/1');
  await waitForWidget(bo, 'contribute/note/ugly/0/picture/0', 10000);
  await tapInView(bo, 'contribute/add/bad');
  await waitForWidget(bo, 'contribute/editor/text');
  await tapInView(bo, 'contribute/editor/text');
  await bo.keyboard.type('The pots screen needs three taps.');
  await tapInView(bo, 'contribute/editor/done');
  await tapInView(bo, 'contribute/show-code');
  await tapInView(bo, 'contribute/copy');
  const code = await clipboard(bo);
  assert.match(code, /^TASTE-[0-9A-Z]+$/);
  assert.deepEqual(boLog.errors, []);
  await bContext.close();

  // ---- Ana, on a desktop, by the keyboard alone: a pasted screenshot, a reload, the file ----
  const aContext = await browser.newContext(desktop);
  const {page: ana, log: anaLog} = await openApp(aContext, origin, hash);
  await waitForWidget(ana, 'contribute/category');
  await ana.focus('#canvas');
  await keyboardChoose(ana, `contribute/person/${await personIndex(ana, 'Ana')}`);
  await keyboardChoose(ana, 'contribute/add/good');
  await ana.keyboard.type('Zażółć gęślą jaźń: search understands Polish letters.');
  await ana.evaluate(async (bytes) => {
    await navigator.clipboard.write([new ClipboardItem({'image/png': new Blob([new Uint8Array(bytes)], {type: 'image/png'})})]);
  }, [...screenPng(800, 1200)]);
  await ana.keyboard.press('Control+V');
  await settle(ana);
  await waitForWidget(ana, 'contribute/editor/picture/0', 10000);
  await keyboardChoose(ana, 'contribute/editor/done');
  await reloadApp(ana);  // halfway
  await waitForWidget(ana, 'contribute/category');
  await ana.focus('#canvas');
  assert.match(await spoken(ana), /Writing as Ana\./);
  await keyboardChoose(ana, 'contribute/app/2');
  await keyboardChoose(ana, 'contribute/add/bad');
  await ana.keyboard.type('Το κουμπί είναι πολύ μικρό.');
  await settle(ana);
  await keyboardChoose(ana, 'contribute/editor/done');
  await keyboardChoose(ana, 'contribute/show-code');
  const file = await download(ana, () => keyboardChoose(ana, 'contribute/download'));
  assert.deepEqual(anaLog.errors, []);
  await aContext.close();

  // What was sent, decoded against the session as the facilitator has it: whole, and with no
  // junior mark (a contribution carries its author's name and role, never a mark).
  const session = await download(fran, () => press(fran, 'taste/invite/download-session'));
  writeFileSync(at('mail.txt'), `Hi Fran,\n\n> ${code}\n`);
  for (const input of [at('mail.txt'), file.path]) {
    const [sent] = JSON.parse(execFileSync(READ, [session.path, input]).toString());
    assert.equal(sent.problem, '');
    assert.ok(!JSON.stringify(sent).includes('junior'));
  }
  assert.ok(!file.bytes.includes(Buffer.from('junior')));

  // ---- The facilitator brings the notes in, back in her window ----
  await fran.bringToFront();
  writeFileSync(at('broken.loupe'), Buffer.from('LOUPE\r\n\x1a this was cut short'));
  await pasteInto(fran, 'taste/import/paste', `Hi Fran,\n\nhere are my notes:\n\n> ${code}\n\nBo`);
  await press(fran, 'taste/import/paste-button');
  await reveal(fran, 'taste/import/added/0');
  assert.match(await spoken(fran), /What came in: Added 1\./);
  const [choose] = await Promise.all([fran.waitForEvent('filechooser'), press(fran, 'taste/import/choose')]);
  await choose.setFiles([file.path, at('broken.loupe')]);
  await settle(fran);
  await reveal(fran, 'taste/import/damaged/0');
  await reveal(fran, 'taste/import/added/0');
  let heard = await spoken(fran);  // once the report is drawn: the files are read after the chooser closes
  assert.match(heard, /What came in: Added 1, Damaged \(nothing taken from them\) 1\./);
  assert.match(heard, /Notes from Ana and Bo\. Not yet: Cy, Dee and Fran\./);
  // Ana's file once more, dropped on the page this time, as from a file manager.
  const transfer = await fran.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'ana-again.loupe'));
    return dt;
  }, [...file.bytes]);
  await fran.dispatchEvent('#canvas', 'dragenter', {dataTransfer: transfer});
  await fran.dispatchEvent('#canvas', 'drop', {dataTransfer: transfer});
  await settle(fran);
  await reveal(fran, 'taste/import/unchanged/0');
  assert.match(await spoken(fran), /What came in: Already here \(nothing changed\) 1\./);
  await reveal(fran, 'taste/notes/app/0/good/1');  // Ana's and Bo's good notes on YNAB
  await reloadApp(fran);
  await waitForWidget(fran, 'taste/session/title');
  assert.match(await spoken(fran), /Notes from Ana and Bo\. Not yet: Cy, Dee and Fran\./);
  assert.deepEqual(franLog.errors, []);
  await fContext.close();
});
