// startup.mjs — start-up with 500 stored screenshots against an empty workspace (issue 9).
// Usage: node bench/taste/startup.mjs [APP_DIR]
//
// Each workspace is one browser profile: the app is opened once so that its database exists,
// the pictures are stored straight into IndexedDB the way the app stores them (a picture and its
// thumbnail, "picture-<16 hex>.jpg" and "-thumb.jpg", at the sizes of re-encoded screenshots),
// and then the page is reloaded 7 times. Printed: the median time to the first frame, the wasm
// memory and the JS heap after start, and the ratios (targets: time <= 1.1x, memory <= 1.2x).
import {startServer, launchBrowser, waitForFirstFrame, APP_DIR} from '../../tests/e2e/harness.mjs';

const PICTURES = 500, RELOADS = 7;
const IMAGE_BYTES = 220 * 1024, THUMB_BYTES = 22 * 1024;  // a 1600 px screenshot and its 320 px thumbnail
const appDir = process.argv[2] || APP_DIR;

// Stores `count` pictures in the page's database, in batches.
async function storePictures(page, count) {
  await page.evaluate(async ({count, imageBytes, thumbBytes}) => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('/loupe', 21);
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const bytes = (n, seed) => {
      const b = new Uint8Array(n);
      let x = seed * 2654435761 >>> 0;
      for (let i = 0; i < n; ++i) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; b[i] = x & 255; }
      b[0] = 0xFF, b[1] = 0xD8, b[2] = 0xFF;
      return b;
    };
    for (let i = 0; i < count; i += 50) {
      await new Promise((ok, fail) => {
        const tx = db.transaction('FILE_DATA', 'readwrite'), store = tx.objectStore('FILE_DATA');
        for (let j = i; j < Math.min(count, i + 50); ++j) {
          const hex = (0x1000000000000000n + BigInt(j) * 7919n).toString(16).padStart(16, '0');
          store.put({timestamp: new Date(), mode: 33206, contents: bytes(imageBytes, j + 1)}, `/loupe/picture-${hex}.jpg`);
          store.put({timestamp: new Date(), mode: 33206, contents: bytes(thumbBytes, j + 7)}, `/loupe/picture-${hex}-thumb.jpg`);
        }
        tx.oncomplete = ok;
        tx.onabort = () => fail(tx.error);
      });
    }
    db.close();
  }, {count, imageBytes: IMAGE_BYTES, thumbBytes: THUMB_BYTES});
}

async function measure(browser, origin, pictures) {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${origin}/`);
  await waitForFirstFrame(page);
  // Both profiles as after the app's first write: the note that makes every later start wait for
  // the stored records (web/pre.js), which a workspace that has never kept anything does not.
  await page.evaluate(() => localStorage.setItem('loupe-kept', '1'));
  if (pictures) await storePictures(page, pictures);
  const times = [], wasm = [], heap = [], listed = [];
  for (let i = 0; i < RELOADS; ++i) {
    await page.reload();
    await waitForFirstFrame(page);
    times.push(await page.evaluate(() => performance.getEntriesByName('first-frame')[0].startTime));
    await cdp.send('HeapProfiler.collectGarbage');
    heap.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
    wasm.push(await page.evaluate(() => Module.HEAP8.length));
    listed.push(await page.evaluate(() => Module.loupeStorage.lazy.size));
  }
  await context.close();
  const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return {time: median(times), wasm: median(wasm), heap: median(heap), listed: median(listed), times};
}

const {server, origin} = await startServer(appDir);
const browser = await launchBrowser();
const empty = await measure(browser, origin, 0);
const full = await measure(browser, origin, PICTURES);
await browser.close();
server.close();

const mb = (n) => (n / 1048576).toFixed(1) + ' MB';
const row = (name, a, b, unit) => console.log(`${name.padEnd(24)}${unit(a).padStart(12)}${unit(b).padStart(16)}${(b / a).toFixed(2).padStart(9)}`);
console.log(`start-up with ${PICTURES} stored screenshots (${mb(PICTURES * (IMAGE_BYTES + THUMB_BYTES))} in storage) ` +
            `against an empty workspace, median of ${RELOADS} reloads:`);
console.log(`${''.padEnd(24)}${'empty'.padStart(12)}${`${PICTURES} pictures`.padStart(16)}${'ratio'.padStart(9)}`);
row('first frame', empty.time, full.time, (t) => t.toFixed(0) + ' ms');
row('wasm memory', empty.wasm, full.wasm, mb);
row('JS heap (after GC)', empty.heap, full.heap, mb);
row('memory in all', empty.wasm + empty.heap, full.wasm + full.heap, mb);
console.log(`pictures listed, not read: ${full.listed}; first-frame times, ms: empty ${empty.times.map((t) => t.toFixed(0)).join(' ')}; ` +
            `full ${full.times.map((t) => t.toFixed(0)).join(' ')}`);
const ok = full.time <= 1.1 * empty.time && full.wasm + full.heap <= 1.2 * (empty.wasm + empty.heap) && full.listed === 2 * PICTURES;
console.log(`targets: first frame <= 1.1x, memory <= 1.2x: ${ok ? 'met' : 'NOT met'}`);
