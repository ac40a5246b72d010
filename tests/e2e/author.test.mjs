// author.test.mjs — the survey author's screens driven as a PM would: real clicks, typing, pastes,
// reloads, downloads and file choosers, in headless Chromium.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {inflateRawSync} from 'node:zlib';
import {launchBrowser, startServer, openApp, settle, rect, waitForWidget, click, tap, reloadApp} from './harness.mjs';
import {reveal, press, clipboard, fieldText, newSurvey} from './steps.mjs';

let browser, server, origin;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  server.close();
});

const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light',
                 permissions: ['clipboard-read', 'clipboard-write']};
const phone = {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
               colorScheme: 'light'};

const ITEMS = ['Faster search', 'Offline mode', 'Dark theme', 'Export to CSV', 'Shared workspaces',
  'Keyboard shortcuts', 'Better notifications', 'Calendar sync', 'Two-factor login', 'Custom fields', 'Mobile app',
  'Bulk editing'];

// The survey inside a link: "#s=" + base64url(version, LEB128 lengths, raw deflate, CRC-32).
function surveyBytes(link) {
  const bytes = Buffer.from(link.slice(link.indexOf('#s=') + 3), 'base64url');
  let at = 1;
  const leb128 = () => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  const rawLength = leb128(), packedLength = leb128();
  const raw = inflateRawSync(bytes.subarray(at, at + packedLength));
  assert.equal(raw.length, rawLength);
  return raw.toString('latin1');
}


test('a PM writes a 12-item survey with a segment question, publishes it, and finds it all after a reload',
     async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin, '#/surveys');
  await waitForWidget(page, 'surveys/empty');
  await newSurvey(page, 'Product priorities');
  assert.match(new URL(page.url()).hash, /^#\/surveys\/[0-9a-f]{16}$/);
  await waitForWidget(page, 'editor/problem');  // no items yet: publishing is not possible
  assert.equal(await rect(page, 'editor/ready'), null);

  // Paste many: a repeated line and a blank one are skipped.
  await press(page, 'editor/paste');
  await page.evaluate((text) => navigator.clipboard.writeText(text), ITEMS.join('\n') + '\n\nOffline mode\n');
  await press(page, 'editor/paste-text');
  await page.keyboard.press('Control+V');
  await settle(page);
  await press(page, 'editor/paste-add');
  await waitForWidget(page, 'toast/info');
  await reveal(page, 'editor/item11/text');
  assert.equal(await rect(page, 'editor/item12/text'), null, 'exactly 12 items');
  assert.equal(await fieldText(page, 'editor/item11/text'), 'Bulk editing');

  // Reordering: the last item moves up one place (checked after the reload below).
  await press(page, 'editor/item11/up');

  // A segment question with three options, one per line.
  await press(page, 'editor/add-segment');
  await press(page, 'editor/segment0/label');
  await page.keyboard.insertText('Which team are you in?');  // one input event, as a phone's keyboard may send
  await press(page, 'editor/segment0/options');
  for (const [i, option] of ['Sales', 'Support', 'Engineering'].entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(option);
  }
  await settle(page);

  // The suggested design and its report in plain words.
  await reveal(page, 'editor/design-title');
  await reveal(page, 'editor/design-summary');
  await reveal(page, 'editor/design-report');

  // Publish: the link, its QR code, and the link on the clipboard holds the whole survey.
  await press(page, 'editor/ready');
  await press(page, 'editor/publish');
  await reveal(page, 'publish/link');
  await reveal(page, 'publish/qr');
  assert.equal(await rect(page, 'editor/publish'), null, 'a current link needs no publishing');
  await press(page, 'publish/copy');
  const link = await clipboard(page);
  assert.ok(link.startsWith(`${origin}/#s=`), `unexpected link ${link.slice(0, 60)}`);
  const survey = surveyBytes(link);
  for (const text of ['Product priorities', 'Which team are you in?', 'Engineering', ...ITEMS])
    assert.ok(survey.includes(text), `the link should carry "${text}"`);

  // Everything was kept: reload and read it back.
  await reloadApp(page);
  await page.waitForFunction(() => Module.calledRun && Module._loupe_frames_drawn() > 0);
  await settle(page);
  await waitForWidget(page, 'editor/title');
  assert.equal(await fieldText(page, 'editor/title-field'), 'Product priorities');
  // Not "edited since published": what the editor holds is what the link holds.
  assert.equal(await rect(page, 'editor/edited-warning'), null);
  await press(page, 'publish/copy');
  assert.equal(await clipboard(page), link);
  assert.ok(survey.indexOf('Bulk editing') < survey.indexOf('Mobile app'), 'the moved item keeps its place');

  // Editing after publishing warns that a new link is needed.
  await press(page, 'editor/item0/text');
  await page.keyboard.press('End');
  await page.keyboard.type(' and filters');
  await settle(page);
  await reveal(page, 'editor/edited-warning');
  await press(page, 'editor/publish');  // no responses yet: nothing to set aside, no question
  assert.equal(await rect(page, 'editor/edited-warning'), null);
  await press(page, 'publish/copy');
  assert.notEqual(await clipboard(page), link, 'publishing again makes a new link');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('surveys are duplicated, deleted only after asking, and opened from files; a damaged file changes nothing',
     async () => {
  const context = await browser.newContext({...desktop, acceptDownloads: true});
  const {page, log} = await openApp(context, origin, '#/surveys');
  await newSurvey(page, 'Pricing page');
  await press(page, 'editor/paste');
  await press(page, 'editor/paste-text');
  await page.keyboard.type('Monthly price\nAnnual discount\nFree trial');
  await press(page, 'editor/paste-add');
  await press(page, 'editor/publish');
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'publish/download-survey')]);
  const surveyFile = join(tmpdir(), 'pricing-page-survey.loupe');
  await download.saveAs(surveyFile);
  await press(page, 'back');
  await waitForWidget(page, 'surveys/0/open');

  // Duplicate, then delete it: the first attempt is cancelled, the second confirmed.
  await press(page, 'surveys/0/duplicate');
  await waitForWidget(page, 'surveys/1/open');
  await press(page, 'surveys/0/delete');
  await waitForWidget(page, 'delete/title');
  await press(page, 'delete/cancel');
  assert.equal(await rect(page, 'delete/title'), null);
  await waitForWidget(page, 'surveys/1/open');
  await press(page, 'surveys/0/delete');
  await press(page, 'delete/confirm');
  await settle(page);
  assert.equal(await rect(page, 'surveys/1/open'), null, 'one survey should be left');

  // A file that is not a Loupe file: an error, and the list is as it was.
  const garbage = join(tmpdir(), 'not-a-survey.loupe');
  writeFileSync(garbage, Buffer.from('LOUPE\r\n\x1a\x03\x00\x01\x00 cut short', 'binary'));
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'surveys/open-file')]);
  await chooser.setFiles(garbage);
  await settle(page);
  await waitForWidget(page, 'toast/error');
  assert.equal(await rect(page, 'surveys/1/open'), null, 'a damaged file must add nothing');
  assert.match(new URL(page.url()).hash, /^#\/surveys$/);

  // The survey file opens as a survey of its own, published with the same link.
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'surveys/open-file')]);
  await chooser.setFiles(surveyFile);
  await settle(page);
  await waitForWidget(page, 'editor/title');
  await reveal(page, 'publish/link');
  await press(page, 'back');
  await waitForWidget(page, 'surveys/1/open');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('on a phone the editor fits the screen, its buttons are big enough for a finger, and the preview opens',
     async () => {
  const context = await browser.newContext(phone);
  const {page, log} = await openApp(context, origin, '#/surveys');
  await tap(page, 'surveys/new');
  await waitForWidget(page, 'editor/title');
  for (const id of ['editor/publish', 'editor/preview-toggle', 'editor/title-field']) {
    const r = await waitForWidget(page, id);
    assert.ok(r.x >= 0 && r.x + r.w <= 390, `${id} should fit the phone's width`);
    assert.ok(r.h >= 44, `${id} should be at least 44 px tall, not ${r.h}`);
  }
  await tap(page, 'editor/preview-toggle');
  const preview = await waitForWidget(page, 'editor/preview');
  assert.ok(preview.x >= 0 && preview.x + preview.w <= 390);
  assert.equal(await rect(page, 'editor/title-field'), null, 'the preview takes the place of the form');
  await tap(page, 'editor/preview-toggle');
  await waitForWidget(page, 'editor/title-field');
  assert.deepEqual(log.errors, []);
  await context.close();
});
