// shell.test.mjs — the app shell in headless Chromium, checked the way a user would check it.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launchBrowser, startServer, openApp, settle, framesDrawn, rect, waitForWidget, click, tap, swipeIntoView,
        pixels, luminance, reloadApp} from './harness.mjs';

let browser, server, origin;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  server.close();
});

const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light'};
const phone = {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
               colorScheme: 'light'};

// The page background as drawn on the canvas (a spot the layout leaves empty).
async function background(page) {
  const shot = await pixels(page);
  return luminance(shot.at(shot.width - 5, shot.height - 5));
}

test('loads with no console error, draws a real first frame, and fetches only its own files', async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin);
  await waitForWidget(page, 'home/title');
  assert.deepEqual(log.errors, []);
  for (const url of log.requests) assert.ok(url.startsWith(origin + '/'), `request outside the origin: ${url}`);
  assert.deepEqual(await context.cookies(), []);

  // Not blank: the text and cards make a good share of pixels differ from the background.
  const shot = await pixels(page);
  const bg = shot.at(shot.width - 5, shot.height - 5).join();
  let differing = 0;
  for (let y = 0; y < shot.height; y += 4)
    for (let x = 0; x < shot.width; x += 4) if (shot.at(x, y).join() !== bg) ++differing;
  assert.ok(differing / ((shot.width / 4) * (shot.height / 4)) > 0.03, `only ${differing} pixels drawn`);
  assert.ok(await page.evaluate(() => document.getElementById('loader').classList.contains('done')));
  await context.close();
});

test('draws no frames while idle, and wakes up for input', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin);
  const before = await framesDrawn(page);
  await page.waitForTimeout(2000);
  assert.equal(await framesDrawn(page), before, 'frames were drawn during 2 s of idle');
  await page.mouse.move(300, 300);
  await page.waitForTimeout(300);
  assert.ok(await framesDrawn(page) > before, 'moving the mouse drew nothing');
  await context.close();
});

test('the theme choice follows the system, can be changed, and survives a reload', async () => {
  const context = await browser.newContext({...desktop, colorScheme: 'dark'});
  const {page} = await openApp(context, origin);
  assert.ok(await background(page) < 60, 'a dark system should get the dark theme');
  await click(page, 'theme-toggle');  // system -> light
  assert.ok(await background(page) > 200, 'the toggle should switch to the light theme');
  await page.waitForTimeout(700);  // persisted within half a second
  await reloadApp(page);
  await page.waitForFunction(() => Module.calledRun && Module._loupe_frames_drawn() > 0);
  await settle(page);
  assert.ok(await background(page) > 200, 'the light theme should survive a reload');
  await click(page, 'theme-toggle');  // light -> dark
  assert.ok(await background(page) < 60);
  await context.close();
});

test('each front door opens its screen, the URL follows, and Back returns home', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin);
  for (const [door, title, hash] of [['home/take', 'take/title', '#/take'], ['home/surveys', 'surveys/title', '#/surveys'],
                                     ['home/taste', 'taste/title', '#/taste']]) {
    await click(page, door);
    await waitForWidget(page, title);
    assert.equal(new URL(page.url()).hash, hash);
    await page.goBack();
    await settle(page);
    await waitForWidget(page, 'home/title');
  }
  // A link straight to a screen opens it; a link to nowhere explains itself and shows home.
  await page.goto(`${origin}/#/surveys`);
  await settle(page);
  await waitForWidget(page, 'surveys/title');
  const second = await openApp(context, origin, '#/no-such-place');
  await waitForWidget(second.page, 'home/title');
  await waitForWidget(second.page, 'toast/error');
  await context.close();
});

test('on a phone every entry is reachable by touch', async () => {
  const context = await browser.newContext(phone);
  const {page, log} = await openApp(context, origin);
  await waitForWidget(page, 'home/title');
  for (const [door, title] of [['home/take', 'take/title'], ['home/surveys', 'surveys/title'],
                               ['home/taste', 'taste/title']]) {
    // Scroll with a finger until the card is entirely on screen, as a person would.
    await swipeIntoView(page, door);
    const r = await rect(page, door);
    assert.ok(r && r.x >= 0 && r.x + r.w <= 390, `${door} does not fit the phone's width`);
    await tap(page, door);
    await waitForWidget(page, title);
    await tap(page, 'back');
    await waitForWidget(page, 'home/title');
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('typing works with a keyboard on the canvas and with the phone keyboard', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin, '#/take');
  await click(page, 'take/link');
  await page.keyboard.type('https://example.org/no-survey');
  await page.keyboard.press('Enter');
  await settle(page);
  await waitForWidget(page, 'take/message');
  await context.close();

  const touch = await browser.newContext(phone);
  const {page: mobile} = await openApp(touch, origin, '#/take');
  await tap(mobile, 'take/link');
  assert.equal(await mobile.evaluate(() => document.activeElement.id), 'keyboard-proxy',
               'tapping a text field should raise the on-screen keyboard');
  await mobile.keyboard.type('loupe#x');
  await tap(mobile, 'take/open');
  await waitForWidget(mobile, 'take/message');
  await touch.close();
});

test('paste from the system clipboard reaches a text field', async () => {
  const context = await browser.newContext({...desktop, permissions: ['clipboard-read', 'clipboard-write']});
  const {page} = await openApp(context, origin, '#/take');
  await page.evaluate(() => navigator.clipboard.writeText('no link here'));
  await click(page, 'take/link');
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Enter');
  await settle(page);
  await waitForWidget(page, 'take/message');
  // Back in the field, Ctrl+A, Ctrl+C copies it out through the browser clipboard.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await click(page, 'take/link');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await settle(page);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'no link here');
  await context.close();
});

test('a workspace backup downloads, and restoring it brings the workspace back', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin);
  await click(page, 'theme-toggle');  // system -> light
  await click(page, 'theme-toggle');  // light -> dark
  assert.ok(await background(page) < 60);

  await click(page, 'menu');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'menu/backup')]);
  assert.match(download.suggestedFilename(), /^loupe-backup-\d{4}-\d\d-\d\d\.loupe$/);
  const file = join(tmpdir(), download.suggestedFilename());
  await download.saveAs(file);
  assert.equal(readFileSync(file).subarray(0, 5).toString(), 'LOUPE');

  await click(page, 'theme-toggle');  // dark -> system (light)
  assert.ok(await background(page) > 200);
  await click(page, 'menu');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu/restore')]);
  await chooser.setFiles(file);
  await settle(page);
  await click(page, 'restore/confirm');
  assert.ok(await background(page) < 60, 'the restored workspace should have the dark theme again');
  await waitForWidget(page, 'toast/info');
  await context.close();
});

test('a foreign or damaged file dropped on the page is explained and changes nothing', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin);
  await click(page, 'theme-toggle');  // system -> light, stored
  const before = await background(page);

  const garbage = join(tmpdir(), 'holiday.jpg');
  writeFileSync(garbage, Buffer.from('\xff\xd8\xff\xe0 not a loupe file', 'binary'));
  await click(page, 'menu');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu/restore')]);
  await chooser.setFiles(garbage);
  await settle(page);
  await waitForWidget(page, 'toast/error');
  assert.equal(await rect(page, 'restore/title'), null, 'no restore should be offered');

  // Drag and drop: the overlay shows while dragging; the dropped file is checked the same way.
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array([76, 79, 85, 80, 69, 13, 10, 26, 5, 0, 1])], 'cut.loupe'));
    return dt;
  });
  await page.dispatchEvent('#canvas', 'dragenter', {dataTransfer: transfer});
  await settle(page);
  await page.dispatchEvent('#canvas', 'drop', {dataTransfer: transfer});
  await settle(page);
  assert.equal(await rect(page, 'restore/title'), null);
  assert.equal(await background(page), before, 'nothing stored may change');
  await reloadApp(page);
  await page.waitForFunction(() => Module.calledRun && Module._loupe_frames_drawn() > 0);
  await settle(page);
  assert.equal(await background(page), before, 'the stored theme must survive a bad import');
  await context.close();
});

test('the keyboard alone reaches every screen', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin);
  // Arrow keys move the focus ring through the page; Enter presses the focused item.
  const opened = new Set();
  for (let i = 0; i < 12 && opened.size < 3; ++i) {
    await page.keyboard.press(i === 0 ? 'ArrowDown' : 'ArrowRight');
    await settle(page, 100);
    await page.keyboard.press('Enter');
    await settle(page, 150);
    const hash = new URL(page.url()).hash;
    if (hash) {
      opened.add(hash);
      await page.goBack();
      await settle(page, 150);
    }
  }
  assert.deepEqual([...opened].sort(), ['#/surveys', '#/take', '#/taste']);
  await context.close();
});

test('a browser without WebGL2, or a failed download, gets a readable message instead of a blank page', async () => {
  const context = await browser.newContext(desktop);
  await context.addInitScript(() => { delete window.WebGL2RenderingContext; });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.getElementById('loader').classList.contains('failed'));
  assert.match(await page.textContent('#loader-text'), /needs WebGL2/);
  await context.close();

  const offline = await browser.newContext(desktop);
  const cut = await offline.newPage();
  await cut.route('**/loupe.wasm', (route) => route.fulfill({status: 404, body: 'gone'}));
  await cut.goto(`${origin}/`);
  await cut.waitForFunction(() => document.getElementById('loader').classList.contains('failed'));
  assert.match(await cut.textContent('#loader-text'), /could not load .*reload/);
  await offline.close();
});
