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
export async function rect(page, id) { return widgetRect(page, id, false); }

// Where the widget was laid out in the last frame, on screen or scrolled out of view (null if it
// was not there at all): the way to it for a finger that has to scroll.
export async function placement(page, id) { return widgetRect(page, id, true); }

async function widgetRect(page, id, offScreenToo) {
  return page.evaluate(([id, offScreenToo]) => {
    const n = lengthBytesUTF8(id) + 1, p = _malloc(n);
    stringToUTF8(id, p, n);
    const r = Module._loupe_widget_rect(p, offScreenToo ? 1 : 0);
    _free(p);
    if (!r) return null;
    const f = HEAPF32.subarray(r >> 2, (r >> 2) + 4);
    return {x: f[0], y: f[1], w: f[2], h: f[3]};
  }, [id, offScreenToo]);
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
// Each move costs the page a frame, slow in software WebGL at a phone's pixel ratio: a few do.
export async function swipe(page, from, to, steps = 4) {
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

// Swipes the page up or down, as a finger would, until the widget is in full view (below the
// 64-pixel header): each swipe goes as far as the widget is from the middle, at most 60% of the
// screen. The thumb runs down the left edge, in the margin: a drag that starts on the text field
// being typed in selects its text instead of scrolling, as in any phone's browser.
export async function swipeIntoView(page, id) {
  const {height} = page.viewportSize();
  const x = 6;
  for (let i = 0; i < 12; ++i) {
    const r = await placement(page, id);
    if (!r) await failWithScreenshot(page, `${id} is not on the page, on screen or off`);
    if (r.y >= 64 && r.y + r.h <= height - 8) return;
    const dy = Math.max(-0.6 * height, Math.min(0.6 * height, r.y + r.h / 2 - height / 2));
    await swipe(page, {x, y: height / 2 + dy / 2}, {x, y: height / 2 - dy / 2});
  }
  await failWithScreenshot(page, `${id} could not be swiped into view`);
}

// A finger scrolls until the widget is in full view, then taps it.
export async function tapInView(page, id) {
  await swipeIntoView(page, id);
  await tap(page, id);
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
