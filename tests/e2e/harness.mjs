// harness.mjs — what the browser tests share: the built app served on a free port, Debian's
// Chromium driven by playwright-core, and helpers to find widgets and read pixels.
// Widgets are located through the app's test-only rectangle query; every click, tap and key
// press is a real browser input event.
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, dirname} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {PNG} from 'pngjs';
import {serve} from '../../web/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const APP_DIR = process.env.LOUPE_APP_DIR || join(ROOT, 'build/web/app');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Flags from TOOLCHAIN.md: software WebGL, and no background traffic on a closed network.
const FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--mute-audio'];

export async function startServer(dir = APP_DIR) {
  const server = await serve(dir, 0);
  return {server, origin: `http://127.0.0.1:${server.address().port}`};
}

// A browser with its own fresh profile (so every launch is a cold start with empty storage).
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'loupe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: {width: 1280, height: 800},
    acceptDownloads: true,
  });
  const close = async () => { await context.close(); rmSync(profile, {recursive: true, force: true}); };
  return {context, close};
}

// Launches a non-persistent browser; new contexts in it are separate users (own storage).
export async function launchBrowser() {
  return chromium.launch({executablePath: CHROMIUM, headless: true, args: FLAGS});
}

// Records console errors, page errors and every request the page makes.
export function watch(page) {
  const log = {errors: [], requests: []};
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  return log;
}

export async function framesDrawn(page) {
  return page.evaluate(() => (window.Module && Module.calledRun ? Module._loupe_frames_drawn() : 0));
}

export async function waitForFirstFrame(page) {
  await page.waitForFunction(() => window.Module && Module.calledRun && Module._loupe_frames_drawn() > 0,
                             null, {timeout: 60000});
}

// Waits until the app has stopped drawing (event-driven rendering settles after input).
export async function settle(page, quietMs = 300) {
  let last = await framesDrawn(page);
  for (let i = 0; i < 100; ++i) {
    await page.waitForTimeout(quietMs);
    const now = await framesDrawn(page);
    if (now === last) return;
    last = now;
  }
  throw new Error('the app never stopped drawing');
}

// The rectangle (CSS pixels) of a widget in the last drawn frame, or null if it is not visible.
export async function rect(page, id) {
  return page.evaluate((id) => {
    const n = lengthBytesUTF8(id) + 1, p = _malloc(n);
    stringToUTF8(id, p, n);
    const r = Module._loupe_widget_rect(p);
    _free(p);
    if (!r) return null;
    const f = HEAPF32.subarray(r >> 2, (r >> 2) + 4);
    return {x: f[0], y: f[1], w: f[2], h: f[3]};
  }, id);
}

// A test that cannot find what it looks for leaves a picture of what the page showed instead.
export async function failWithScreenshot(page, message) {
  const dir = join(tmpdir(), 'loupe-e2e-failures');
  mkdirSync(dir, {recursive: true});
  const file = join(dir, `${Date.now()}.png`);
  await page.screenshot({path: file}).catch(() => {});
  throw new Error(`${message} (the page then: ${file})`);
}

export async function waitForWidget(page, id, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const r = await rect(page, id);
    if (r) return r;
    if (Date.now() > end) await failWithScreenshot(page, `widget "${id}" did not appear`);
    await page.waitForTimeout(50);
  }
}

const centre = (r) => ({x: r.x + r.w / 2, y: r.y + r.h / 2});

export async function click(page, id) {
  const c = centre(await waitForWidget(page, id));
  await page.mouse.click(c.x, c.y);
  await settle(page, 150);
}

export async function tap(page, id) {
  const c = centre(await waitForWidget(page, id));
  await page.touchscreen.tap(c.x, c.y);
  await settle(page, 150);
}

// The page as a user sees it, decoded: {width, height, at(x, y) -> [r, g, b]}.
export async function pixels(page) {
  const png = PNG.sync.read(await page.screenshot());
  return {
    width: png.width, height: png.height,
    at(x, y) { const i = (png.width * y + x) * 4; return [png.data[i], png.data[i + 1], png.data[i + 2]]; },
  };
}

export const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

// A finger dragged from one point to another (real touch events through the DevTools protocol).
export async function swipe(page, from, to, steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  const point = (p) => [{x: p.x, y: p.y, id: 1}];
  await cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: point(from)});
  for (let i = 1; i <= steps; ++i) {
    const t = i / steps;
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove', touchPoints: point({x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t})});
    await page.waitForTimeout(30);
  }
  await cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
  await cdp.detach();
  await settle(page, 150);
}

// Opens the app in a fresh page of `context` and waits until it has drawn and settled.
export async function openApp(context, origin, hash = '') {
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(`${origin}/${hash}`);
  await waitForFirstFrame(page);
  await settle(page);
  return {page, log};
}

// Reloads the page and waits for the app's first frame.
export async function reloadApp(page) {
  await page.reload();
  await waitForFirstFrame(page);
  await settle(page);
}
