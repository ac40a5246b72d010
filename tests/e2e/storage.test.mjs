// storage.test.mjs — the page always starts, and what was written is there after a reload:
// a wasm that compiles after the stored records were read, 50 reloads right after a choice on a
// busy machine, two tabs of one link writing in turn, storage that never answers or throws, a
// first visit that starts before its database is made, and writes the browser refuses.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir, cpus} from 'node:os';
import {join} from 'node:path';
import {launchBrowser, startServer, openApp, settle, waitForWidget, click, rect, framesDrawn, ROOT,
        reloadApp, watch} from './harness.mjs';
import {spoken, screenNumber} from './steps.mjs';

const LOUPE = join(ROOT, 'build/native/loupe');
const ITEMS = Array.from({length: 30}, (_, i) => `Feature ${i + 1}`);
const desktop = {viewport: {width: 1280, height: 800}, colorScheme: 'light'};

let browser, server, origin, hash;
before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'loupe-storage-'));
  writeFileSync(join(dir, 'items.txt'), ITEMS.join('\n'));
  const file = join(dir, 'features.loupe');
  execFileSync(LOUPE, ['survey', 'create', '--title', 'Which features matter?', '--items-file', join(dir, 'items.txt'),
                       '--out', file]);
  const link = execFileSync(LOUPE, ['survey', 'link', file, '--base', origin + '/']).toString().trim();
  hash = link.slice(link.indexOf('#'));
});
after(async () => {
  await browser.close();
  server.close();
});

// Waits until the app has started and drawn, at most `ms`: a page that never starts fails here.
async function started(page, ms) {
  await page.waitForFunction(() => window.Module && Module.calledRun && Module._loupe_frames_drawn() > 0, null,
                             {timeout: ms});
}

// The next thing a respondent does on the screen in front of them, as a widget id: pick the most
// important item, then the least important one, then go on. Deterministic, from what is heard.
async function nextAction(page) {
  if (await rect(page, 'answer/start')) return 'answer/start';
  const heard = await spoken(page);
  const screen = (await screenNumber(page))[0];
  if (/Most important: not chosen yet/.test(heard)) return `answer/most/${screen % 4}`;
  if (/Least important: not chosen yet/.test(heard)) return `answer/least/${(screen + 2) % 4}`;
  return 'answer/next';
}

// Clicks `id` and waits until the app shows the result (it has then written it), without letting
// the page settle: the reload that follows comes at once.
async function actAndHear(page, id) {
  const before = await spoken(page);
  const r = await waitForWidget(page, id);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction((b) => document.getElementById('live').textContent !== b, before, {timeout: 5000});
  return page.evaluate(() => document.getElementById('live').textContent);
}

test('a stored workspace and a wasm that compiles late: the page starts', async () => {
  // The hang of session 2: the records were copied into Emscripten's file system straight from the
  // IndexedDB cursor, which threw when the database answered before the wasm had compiled.
  // (No service worker: it would serve loupe.wasm before the test can hold it back.)
  const context = await browser.newContext({...desktop, serviceWorkers: 'block'});
  const {page, log} = await openApp(context, origin, hash);
  await click(page, 'answer/start');
  await page.route('**/loupe.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.reload();
  await started(page, 10000);
  await waitForWidget(page, 'answer/question');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('50 reloads right after a choice on a busy machine: every page starts at once, on the same screen', async () => {
  // Every core busy with a CPU hog, as when another browser test runs beside this one.
  const hogs = cpus().map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], {stdio: 'ignore'}));
  const context = await browser.newContext(desktop);
  try {
    const {page, log} = await openApp(context, origin, hash);
    const startTimes = [];
    for (let cycle = 0; cycle < 50; ++cycle) {
      const heard = await actAndHear(page, await nextAction(page));
      const t0 = Date.now();
      await page.reload();
      await started(page, 10000);
      startTimes.push(Date.now() - t0);
      await page.waitForFunction(() => /^Screen \d+ of/.test(document.getElementById('live').textContent), null,
                                 {timeout: 5000});
      assert.equal(await spoken(page), heard, `cycle ${cycle + 1}: the page came back as it was left`);
    }
    startTimes.sort((a, b) => a - b);
    console.log(`50 reloads under load: start median ${startTimes[25]} ms, slowest ${startTimes[49]} ms`);
    assert.deepEqual(log.errors, []);
  } finally {
    for (const hog of hogs) hog.kill();
    await context.close();
  }
});

test('two tabs of one link answering in turn for a minute, then both reloaded: nothing lost, nothing mixed', async () => {
  const context = await browser.newContext(desktop);
  const {page: a, log: logA} = await openApp(context, origin, hash);
  const {page: b, log: logB} = await openApp(context, origin, hash);
  const tabs = [a, b];
  let last = '', turns = 0;
  const end = Date.now() + 60000;
  for (let turn = 0; Date.now() < end; ++turn, ++turns) {
    const page = tabs[turn % 2];
    await page.bringToFront();
    // The tab in front shows what the other tab did before anyone acts in it.
    if (last) await page.waitForFunction((l) => document.getElementById('live').textContent === l, last, {timeout: 5000});
    let id = await nextAction(page);
    if (id === 'answer/next' && (await screenNumber(page))[0] >= 6) id = 'answer/back';  // stay on screens 1-6
    if (id === 'answer/back' && (await screenNumber(page))[0] === 1) id = 'answer/next';
    last = await actAndHear(page, id);
  }
  assert.ok(turns >= 20, `turns in a minute: ${turns}`);
  for (const page of tabs) {
    await reloadApp(page);
    await page.waitForFunction(() => /^Screen \d+ of/.test(document.getElementById('live').textContent));
    assert.equal(await spoken(page), last, 'each tab comes back to the last answer given in either');
  }
  assert.deepEqual([...logA.errors, ...logB.errors], []);
  await context.close();
});

// Stores a first choice in `context`, as a respondent's first visit does, and returns what the app
// then says (the screen as stored). With `withoutNote`, localStorage is cleared after it (no
// "loupe-kept" note, no journal: as a workspace kept before the note). The page is closed.
async function storeAChoice(context, id, {withoutNote = false} = {}) {
  const {page} = await openApp(context, origin, hash);
  await click(page, 'answer/start');
  await actAndHear(page, id);
  await settle(page);
  const kept = await spoken(page);
  if (withoutNote) await page.evaluate(() => localStorage.clear());
  await page.close();
  return kept;
}

// Waits, across the reload an early start may make, until the app runs on the stored database and
// shows the question.
async function startedFromStorage(page) {
  await page.waitForFunction(() => window.Module && Module.loupeStorage && Module.loupeStorage.db, null,
                             {timeout: 10000});
  await waitForWidget(page, 'answer/question');
}

// Counts the loads of `page`'s document, reloads included.
function countLoads(page) {
  const count = {loads: 0};
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) ++count.loads; });
  return count;
}

// Makes IndexedDB misbehave in `page` before any of its scripts run.
const storageThat = {
  neverAnswers: () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function () { open.apply(this, arguments); return {}; };  // no callback ever fires
  },
  throwsWhileRead: () => {
    IDBObjectStore.prototype.getAll = function () { throw new DOMException('The disk is unreadable', 'UnknownError'); };
  },
};

for (const [how, script] of Object.entries(storageThat)) {
  test(`storage that ${how === 'neverAnswers' ? 'never answers' : 'throws while read'}: the app starts, says so, and changes nothing stored`, async () => {
    const context = await browser.newContext(desktop);
    const kept = await storeAChoice(context, 'answer/most/1');

    const page = await context.newPage();
    await page.addInitScript(script);
    const t0 = Date.now();
    await page.goto(`${origin}/${hash}`);
    await started(page, 10000);
    const startMs = Date.now() - t0;
    await waitForWidget(page, 'storage/banner');
    assert.ok(startMs < 9000, `started after ${startMs} ms`);
    // It is answered from the beginning, in memory; the stored answers are not touched.
    await click(page, 'answer/start');
    await actAndHear(page, 'answer/most/3');
    await actAndHear(page, 'answer/least/0');
    await actAndHear(page, 'answer/next');
    await settle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'storage/backup')]);
    assert.match(download.suggestedFilename(), /\.loupe$/);
    await page.close();

    const {page: again, log} = await openApp(context, origin, hash);
    await waitForWidget(again, 'answer/question');
    assert.equal(await spoken(again), kept, 'what was stored before is still there');
    assert.equal(await rect(again, 'storage/banner'), null);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

// IndexedDB opens `ms` late in `page` (as when the browser makes a new database on a busy phone),
// or, with `fails`, answers with an error then.
function slowStorage({ms, fails}) {
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const late = {};
    setTimeout(() => {
      if (fails) {
        late.error = new DOMException('The disk is unreadable', 'UnknownError');
        late.onerror();
        return;
      }
      const request = open.apply(this, args);
      for (const event of ['onupgradeneeded', 'onsuccess', 'onerror'])
        request[event] = () => { late.result = request.result; late.error = request.error; if (late[event]) late[event](); };
    }, ms);
    return late;
  };
}

test('a first visit starts before the new database is made, and what is done meanwhile is kept', async () => {
  const context = await browser.newContext(desktop);
  const page = await context.newPage();
  const log = watch(page);
  await page.addInitScript(slowStorage, {ms: 3000});
  const t0 = Date.now();
  await page.goto(`${origin}/${hash}`);
  await started(page, 10000);
  const startMs = Date.now() - t0;
  assert.ok(startMs < 3000, `started after ${startMs} ms, not after the database`);
  await click(page, 'answer/start');
  await actAndHear(page, 'answer/most/2');
  const kept = await actAndHear(page, 'answer/least/1');
  assert.ok(await page.evaluate(() => !Module.loupeStorage.db), 'the answers came before the database');
  await page.waitForFunction(() => Module.loupeStorage.db !== null, null, {timeout: 10000});
  await settle(page);
  assert.equal(await rect(page, 'storage/banner'), null);

  await page.reload();  // the database now exists: this start waits for it, as every later one does
  await started(page, 10000);
  await waitForWidget(page, 'answer/question');
  assert.equal(await spoken(page), kept, 'the answers given before the database was made are kept');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a first visit whose new database then fails: the app, already started, says nothing is kept', async () => {
  const context = await browser.newContext(desktop);
  const page = await context.newPage();
  const log = watch(page);
  await page.addInitScript(slowStorage, {ms: 1500, fails: true});
  await page.goto(`${origin}/${hash}`);
  await started(page, 10000);
  await click(page, 'answer/start');
  await waitForWidget(page, 'storage/banner', 10000);
  await actAndHear(page, 'answer/most/0');  // it goes on in memory
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a workspace kept without the note that says so (by an earlier version): the page starts again from it', async () => {
  const context = await browser.newContext(desktop);
  const kept = await storeAChoice(context, 'answer/most/1', {withoutNote: true});

  const page = await context.newPage();
  const log = watch(page);
  const count = countLoads(page);
  await page.goto(`${origin}/${hash}`);
  await page.waitForFunction(() => localStorage.getItem('loupe-kept') !== null, null, {timeout: 10000});
  await startedFromStorage(page);
  assert.equal(await spoken(page), kept, 'what was stored is shown, and was not overwritten');
  assert.equal(count.loads, 2, 'the page started once early, then again from what is stored');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a workspace kept without the note, in a browser that refuses to note it: no reload loop, nothing changed', async () => {
  const context = await browser.newContext(desktop);
  const kept = await storeAChoice(context, 'answer/most/3', {withoutNote: true});

  const page = await context.newPage();
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const count = countLoads(page);
  await page.goto(`${origin}/${hash}`);
  await started(page, 10000);
  await waitForWidget(page, 'storage/banner', 10000);
  await settle(page);
  assert.equal(count.loads, 1, 'the page started once and stayed');
  await page.close();

  // Notes can be made again: this visit starts early, finds the workspace, and starts again from it.
  const again = await context.newPage();
  const log = watch(again);
  await again.goto(`${origin}/${hash}`);
  await startedFromStorage(again);
  assert.equal(await spoken(again), kept, 'what was stored is still there');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('writes the browser refuses: the user is told what is not saved, the code still comes, nothing stored is damaged', async () => {
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin, hash);
  await click(page, 'answer/start');
  await actAndHear(page, 'answer/most/0');
  await settle(page);

  // From now on every write is refused, as by a full disk.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await actAndHear(page, 'answer/least/2');
  await waitForWidget(page, 'storage/banner');
  const frames = await framesDrawn(page);
  assert.ok(frames > 0);
  // The answers go on in memory to the end, and the code comes.
  for (let i = 0; i < 200 && !(await rect(page, 'answer/code')); ++i) {
    const id = await nextAction(page);
    if (!(await rect(page, id))) break;
    await actAndHear(page, id);
  }
  if (!(await rect(page, 'answer/code'))) await click(page, 'answer/next');  // the open question, if any
  await waitForWidget(page, 'answer/code');
  const code = (await spoken(page)).match(/code is (LOUPE-[0-9A-Z-]+)/)[1];
  await page.close();

  // Storage works again. Nothing stored was damaged, and the answers the database refused were
  // kept by the write-ahead note in localStorage: the link opens on the same code.
  const {page: again, log} = await openApp(context, origin, hash);
  await waitForWidget(again, 'answer/code');
  assert.match(await spoken(again), new RegExp(code));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the menu says how much is kept in this browser', async () => {
  const context = await browser.newContext(desktop);
  const {page, log} = await openApp(context, origin, hash);
  await click(page, 'answer/start');
  await click(page, 'menu');
  await waitForWidget(page, 'menu/storage');
  await settle(page);
  assert.ok(await page.evaluate(() => Module.loupeStorage.usage) > 0, 'the browser was asked how much is kept');
  assert.deepEqual(log.errors, []);
  await context.close();
});

// Stored straight into the database, the way pictures.cpp stores them: a picture and its thumbnail.
async function storeRecords(page, records) {
  await page.evaluate(async (records) => {
    const db = await new Promise((ok) => { const o = indexedDB.open('/loupe', 21); o.onsuccess = () => ok(o.result); });
    await new Promise((ok) => {
      const tx = db.transaction('FILE_DATA', 'readwrite');
      for (const [name, bytes] of Object.entries(records))
        tx.objectStore('FILE_DATA').put({timestamp: new Date(), mode: 33206, contents: new Uint8Array(bytes)}, '/loupe/' + name);
      tx.oncomplete = ok;
    });
    db.close();
  }, records);
}
async function storedRecords(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok) => { const o = indexedDB.open('/loupe', 21); o.onsuccess = () => ok(o.result); });
    const out = {};
    await new Promise((ok) => {
      const cursor = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').openCursor();
      cursor.onsuccess = () => {
        if (!cursor.result) { ok(); return; }
        out[String(cursor.result.key).slice(7)] = Array.from(cursor.result.value.contents);
        cursor.result.continue();
      };
    });
    db.close();
    return out;
  });
}

test('screenshots are not read at start, and a backup still holds them: restored elsewhere, they are all there', async () => {
  const pictures = {
    'picture-00000000000000a1.jpg': Array.from({length: 3000}, (_, i) => (i * 7) & 255),
    'picture-00000000000000a1-thumb.jpg': Array.from({length: 300}, (_, i) => (i * 11) & 255),
  };
  const context = await browser.newContext(desktop);
  const {page} = await openApp(context, origin);
  await click(page, 'theme-toggle');  // a setting, stored as an ordinary file
  await storeRecords(page, pictures);
  await reloadApp(page);
  assert.deepEqual(await page.evaluate(() => [...Module.loupeStorage.lazy].sort()), Object.keys(pictures).sort(),
                   'the pictures should be listed, not read');

  await click(page, 'menu');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'menu/backup')]);
  const file = join(mkdtempSync(join(tmpdir(), 'loupe-backup-')), download.suggestedFilename());
  await download.saveAs(file);
  await waitForWidget(page, 'toast/info');
  await context.close();

  const elsewhere = await browser.newContext(desktop);
  const {page: other} = await openApp(elsewhere, origin);
  await click(other, 'menu');
  const [chooser] = await Promise.all([other.waitForEvent('filechooser'), click(other, 'menu/restore')]);
  await chooser.setFiles(file);
  await settle(other);
  await click(other, 'restore/confirm');
  await waitForWidget(other, 'toast/info');
  await settle(other);
  const stored = await storedRecords(other);
  for (const [name, bytes] of Object.entries(pictures)) assert.deepEqual(stored[name], bytes, name);
  assert.ok(stored['settings.bin'], 'the settings should be restored too');
  await elsewhere.close();
});
