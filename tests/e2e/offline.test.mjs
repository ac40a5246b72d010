// offline.test.mjs — the service worker: after one visit the app and a survey link open and work
// with the network off; a new build is offered ("a new version is ready") and taken only when the
// user clicks Reload, never while a respondent is answering; the manifest makes it installable.
// The app is served from a copy of the build, so a test can change it as a new release would.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launchBrowser, openApp, settle, rect, waitForWidget, waitForFirstFrame, click, reloadApp, ROOT, APP_DIR}
  from './harness.mjs';
import {serve} from '../../web/serve.mjs';
import {screenNumber, answerScreen} from './steps.mjs';

const LOUPE = join(ROOT, 'build/native/loupe');
const ITEMS = ['Price', 'Battery life', 'Camera quality', 'Screen size', 'Weight', 'Storage', 'Brand', 'Speed'];
const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light'};

let browser, server, port, origin, dir, work, hash;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'loupe-offline-'));
  dir = join(work, 'app');
  cpSync(APP_DIR, dir, {recursive: true});
  server = await serve(dir, 0);
  port = server.address().port;
  origin = `http://127.0.0.1:${port}`;
  browser = await launchBrowser();
  writeFileSync(join(work, 'items.txt'), ITEMS.join('\n'));
  const survey = join(work, 'phone.loupe');
  execFileSync(LOUPE, ['survey', 'create', '--title', 'What matters in a phone?', '--items-file',
                       join(work, 'items.txt'), '--out', survey]);
  const link = execFileSync(LOUPE, ['survey', 'link', survey, '--base', origin + '/']).toString().trim();
  hash = link.slice(link.indexOf('#'));
});
after(async () => {
  await browser.close();
  server.close();
  rmSync(work, {recursive: true, force: true});
});

// The server goes away entirely (no open connection left), then comes back on the same address.
async function stopServer() {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
async function restartServer() { server = await serve(dir, port); }

// A new release: one file of the app changes and the build writes the service worker again.
function release(marker) {
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', `<meta name="loupe-release" content="${marker}">\n</head>`));
  const before = readFileSync(join(dir, 'sw.js'), 'utf8');
  execFileSync('cmake', [`-DAPP_DIR=${dir}`, `-DTEMPLATE=${join(ROOT, 'web/sw.js')}`, '-P', join(ROOT, 'cmake/sw.cmake')]);
  const after = readFileSync(join(dir, 'sw.js'), 'utf8');
  assert.notEqual(after.match(/VERSION = '(\w+)'/)[1], before.match(/VERSION = '(\w+)'/)[1], 'a changed file changes the version');
}

const releaseOnPage = (page) => page.evaluate(() => {
  const meta = document.querySelector('meta[name="loupe-release"]');
  return meta ? meta.content : '';
});

// The survey starts, and the answer on its first screen is taken: the next screen shows.
async function answerFirstScreen(page) {
  await waitForWidget(page, 'answer/title');
  await click(page, 'answer/start');
  const [, total] = await screenNumber(page);
  await answerScreen(page, click);
  assert.deepEqual(await screenNumber(page), [2, total], 'the answer was taken and the next screen shown');
}

// The worker controls the page and keeps the build the page runs (web/sw.js: the full app keeps both).
async function waitUntilOfflineReady(page, files = ['loupe.js', 'loupe.wasm']) {
  await page.waitForFunction(async (files) => {
    if (!(navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated')) return false;
    const kept = await Promise.all(files.map((f) => caches.match(f)));
    return kept.every(Boolean);
  }, files, {timeout: 60000, polling: 200});
}

test('the same build writes the same service worker, and fonts, icons and builds are not fetched ahead', () => {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  execFileSync('cmake', [`-DAPP_DIR=${dir}`, `-DTEMPLATE=${join(ROOT, 'web/sw.js')}`, '-P', join(ROOT, 'cmake/sw.cmake')]);
  assert.equal(readFileSync(join(dir, 'sw.js'), 'utf8'), sw);
  const files = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1].replaceAll("'", '"'));
  for (const f of ['index.html', 'boot.js', 'loupe.css', 'manifest.webmanifest', 'icon.svg'])
    assert.ok(files.includes(f), `${f} is kept for offline use`);
  assert.ok(!files.some((f) => f.startsWith('fonts/')), 'fonts are fetched only when a page needs them');
  assert.ok(!files.some((f) => f.endsWith('.png')), 'the PNG icons are fetched only to install the app');
  for (const f of ['loupe.js', 'loupe.wasm', 'link.js', 'link.wasm'])
    assert.ok(!files.includes(f), `${f} is kept once a page has used it, not fetched by every visitor`);
});

test("a respondent's first visit downloads the link build only, and the survey then opens offline", async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin, hash);
  await waitForWidget(page, 'answer/title');
  await waitUntilOfflineReady(page, ['link.js', 'link.wasm']);
  assert.ok(log.requests.some((url) => url.endsWith('/link.wasm')), 'the link build was loaded');
  assert.ok(!log.requests.some((url) => /\/loupe\.(js|wasm)$/.test(url)), 'the full app was never downloaded');
  assert.equal(await page.evaluate(() => caches.match('loupe.wasm').then(Boolean)), false, 'nor kept');

  await context.setOffline(true);
  await stopServer();
  try {
    await reloadApp(page);
    await answerFirstScreen(page);
    assert.deepEqual(log.errors, []);
  } finally {
    await restartServer();
    await context.close();
  }
});

test('after the first visit, the app and a survey link open and work with the network off', async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin);
  await waitForWidget(page, 'home/title');
  await waitUntilOfflineReady(page);
  assert.ok(!log.requests.some((url) => /\/link\.(js|wasm)$/.test(url)), 'the full app does not download the link build');

  await context.setOffline(true);
  await stopServer();
  try {
    await reloadApp(page);
    await waitForWidget(page, 'home/title');
    await click(page, 'home/surveys');
    await waitForWidget(page, 'surveys/title');

    // Only the full app is kept: the link opens in it.
    const survey = await openApp(context, origin, hash);
    assert.ok(survey.log.requests.some((url) => url.endsWith('/loupe.wasm')), 'the link opened in the full app');
    await answerFirstScreen(survey.page);
    assert.deepEqual([...log.errors, ...survey.log.errors], []);
  } finally {
    await restartServer();
    await context.close();
  }
});

test('a font is downloaded only by a page that needs it, and kept for offline use from then on', async () => {
  mkdirSync(join(dir, 'fonts'), {recursive: true});
  writeFileSync(join(dir, 'fonts/noto-cjk-test.otf'), 'not really a font');
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin);
  await waitUntilOfflineReady(page);
  const kept = () => page.evaluate(async () => {
    for (const name of await caches.keys())
      if (await (await caches.open(name)).match('fonts/noto-cjk-test.otf')) return true;
    return false;
  });
  assert.equal(await kept(), false, 'nothing is fetched ahead');
  assert.equal(await page.evaluate(() => fetch('fonts/noto-cjk-test.otf').then((r) => r.text())), 'not really a font');
  assert.equal(await kept(), true);
  await context.setOffline(true);
  await stopServer();
  try {
    assert.equal(await page.evaluate(() => fetch('fonts/noto-cjk-test.otf').then((r) => r.text())), 'not really a font');
  } finally {
    await restartServer();
    await context.close();
    rmSync(join(dir, 'fonts'), {recursive: true, force: true});
  }
});

test('the manifest makes the app installable: name, standalone, PNG icons that load', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin);
  const cdp = await context.newCDPSession(page);
  const {url, errors, data} = await cdp.send('Page.getAppManifest');
  assert.equal(url, origin + '/manifest.webmanifest');
  assert.deepEqual(errors, []);
  const manifest = JSON.parse(data);
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.theme_color, '#F6F6F3');
  const icons = await page.evaluate(async (icons) => Promise.all(icons.map((icon) => new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(`${icon.src} ${img.naturalWidth}x${img.naturalHeight} ${icon.purpose || 'any'}`);
    img.onerror = () => resolve(`${icon.src} failed`);
    img.src = icon.src;
  }))), manifest.icons);
  for (const want of ['icon-192.png 192x192 any', 'icon-512.png 512x512 any', 'icon-maskable-512.png 512x512 maskable'])
    assert.ok(icons.includes(want), `${want} in ${icons.join(', ')}`);
  const touch = await page.evaluate(() => document.querySelector('link[rel="apple-touch-icon"]').href);
  assert.equal((await context.request.get(touch)).headers()['content-type'], 'image/png');
  await context.close();
});

test('a new version is offered, waits for the user, and is taken when they click Reload', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin);
  await waitUntilOfflineReady(page);
  release('second');

  // The user comes back: the page they know opens at once, and the new one is offered.
  await reloadApp(page);
  assert.equal(await releaseOnPage(page), '', 'the running version stays until the user chooses');
  await waitForWidget(page, 'toast/update', 30000);
  await page.evaluate(() => { window.notReloaded = true; });
  let navigations = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) ++navigations; });
  await page.waitForTimeout(3000);
  assert.equal(navigations, 0, 'the page must not reload by itself');
  assert.ok(await page.evaluate(() => window.notReloaded));
  assert.ok(await rect(page, 'toast/update'), 'the offer stays until the user acts');

  const button = await rect(page, 'toast/reload');
  await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);  // the page goes away: no settling
  await page.waitForFunction(() => !window.notReloaded, null, {timeout: 30000});
  await waitForFirstFrame(page);
  await settle(page);
  assert.equal(await releaseOnPage(page), 'second', 'Reload opens the new version');
  assert.equal(await rect(page, 'toast/update'), null, 'nothing more to offer');
  await context.close();
});

test('a respondent halfway through a survey is not offered a reload until they leave it', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin, hash);
  await click(page, 'answer/start');
  const [, total] = await screenNumber(page);
  await answerScreen(page, click);
  await waitUntilOfflineReady(page);
  release('third');

  await reloadApp(page);  // as a phone does when it brings a tab back
  await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => !!(r && r.waiting)),
                             null, {timeout: 30000});
  await settle(page);
  assert.deepEqual(await screenNumber(page), [2, total], 'resumes where they were');
  assert.equal(await rect(page, 'toast/update'), null, 'no offer while answering');
  await answerScreen(page, click);
  assert.deepEqual(await screenNumber(page), [3, total]);
  assert.equal(await rect(page, 'toast/update'), null);

  await click(page, 'nav/home');
  await waitForWidget(page, 'home/title');
  await waitForWidget(page, 'toast/update');
  await context.close();
});
