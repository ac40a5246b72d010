// wall.mjs — the library's screenshot wall with 1,000 screenshots against the same workspace with
// none (issue 10). Usage: node bench/taste/wall.mjs [APP_DIR]   (bench/run.sh runs it)
//
// The two workspaces come from build/native/bench_wall_workspace (24 sessions, 960 notes; 1,000
// pictures or none). Each is restored through the menu into a fresh browser profile, then the page
// is opened again at the wall ("#/taste/library/wall") so memory starts clean, and measured: once
// at the top of the wall, once after scrolling through all of it with the mouse wheel and back.
// Printed: wasm memory and JS heap after GC, and the ratio of the two workspaces (target: at most
// 1.5x). Thumbnails are read from storage only when in view and let go a while after, so the
// wall's memory does not grow with the number of screenshots kept. Textures live in WebGL, outside
// these two; they too are only those of pictures drawn lately (pictures.h).
import {execFileSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startServer, launchBrowser, waitForFirstFrame, settle, rect, ROOT, APP_DIR} from '../../tests/e2e/harness.mjs';
import {restoreWorkspace} from '../../tests/e2e/steps.mjs';

const PICTURES = 1000;
const appDir = process.argv[2] || APP_DIR;
const work = mkdtempSync(join(tmpdir(), 'loupe-wall-'));
const workspace = (n) => {
  const file = join(work, `wall-${n}.loupe`);
  execFileSync(join(ROOT, 'build/native/bench_wall_workspace'), [file, String(n)]);
  return file;
};

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return {wasm: await page.evaluate(() => Module.HEAP8.length), heap: (await cdp.send('Runtime.getHeapUsage')).usedSize};
}

// Waits until the browser's database holds the restored files: the 24 sessions and both files of
// every picture. (A restore is written in the background; the page opened again before it is
// done would find only part of it.)
async function savedInDatabase(page, pictures) {
  const counts = () => page.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open('/loupe');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('FILE_DATA').objectStore('FILE_DATA');
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        open.result.close();
        ok({pictures: keys.result.filter((k) => String(k).startsWith('/loupe/picture-')).length,
            sessions: keys.result.filter((k) => String(k).startsWith('/loupe/taste-session-')).length});
      };
    };
  }));
  for (let i = 0; i < 600; ++i) {
    const c = await counts();
    if (c.sessions === 24 && c.pictures === 2 * pictures) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the restore was not saved: ${JSON.stringify(await counts())}`);
}

async function measure(browser, origin, file, pictures) {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${origin}/`);
  await waitForFirstFrame(page);
  await restoreWorkspace(page, file);
  await savedInDatabase(page, pictures);
  await page.goto(`${origin}/#/taste/library/wall`);
  await page.reload();
  await waitForFirstFrame(page);
  await settle(page, 1000);  // the thumbnails in view are read and drawn
  const shown = Boolean(await rect(page, 'library/wall/0'));
  const top = await memory(page, cdp);
  await page.mouse.move(640, 400);
  for (let i = 0; i < 200; ++i) {
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(30);
  }
  await settle(page, 500);
  const scrolled = await memory(page, cdp);
  await context.close();
  return {top, scrolled, shown};
}

const {server, origin} = await startServer(appDir);
const browser = await launchBrowser();
const none = await measure(browser, origin, workspace(0), 0);
const full = await measure(browser, origin, workspace(PICTURES), PICTURES);
if (!full.shown || none.shown) throw new Error('the wall did not show the pictures it should (or showed some of none)');
await browser.close();
server.close();

const mb = (n) => (n / 1048576).toFixed(1) + ' MB';
const all = (m) => m.wasm + m.heap;
console.log(`the screenshot wall with ${PICTURES} screenshots against the same workspace with none (24 sessions, 960 notes):`);
console.log(`${''.padEnd(48)}${'none'.padStart(10)}${`${PICTURES} pictures`.padStart(16)}${'ratio'.padStart(8)}`);
for (const [name, key] of [['at the top of the wall', 'top'], ['after scrolling through it', 'scrolled']])
  for (const [what, of] of [['wasm memory', (m) => m.wasm], ['JS heap (after GC)', (m) => m.heap], ['in all', all]])
    console.log(`${(what + ', ' + name).padEnd(48)}${mb(of(none[key])).padStart(10)}${mb(of(full[key])).padStart(16)}` +
                `${(of(full[key]) / of(none[key])).toFixed(2).padStart(8)}`);
const worst = Math.max(all(full.top) / all(none.top), all(full.scrolled) / all(none.scrolled));
console.log(`target: memory in all <= 1.5x: ${worst <= 1.5 ? 'met' : 'NOT met'} (${worst.toFixed(2)}x at worst)`);
