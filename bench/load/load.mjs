// load.mjs — measures cold loads of the app's page, opened plainly (the full app) and from a survey
// link (the link build), against the baseline. Usage: node load.mjs APP_DIR BASELINE_DIR LOUPE_CLI
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {launchBrowser, startServer} from '../../tests/e2e/harness.mjs';

const LOADS = 9;  // cold loads of each page, taken in turn
const [appDir, baselineDir, cli] = process.argv.slice(2);

// A survey link of 12 items, as a respondent gets it.
function surveyHash() {
  const work = mkdtempSync(join(tmpdir(), 'loupe-load-'));
  writeFileSync(join(work, 'items.txt'), Array.from({length: 12}, (_, i) => `Feature number ${i + 1}`).join('\n'));
  execFileSync(cli, ['survey', 'create', '--title', 'What matters most?', '--items-file', join(work, 'items.txt'),
                     '--out', join(work, 's.loupe')]);
  const link = execFileSync(cli, ['survey', 'link', join(work, 's.loupe'), '--base', 'http://x/']).toString().trim();
  return link.slice(link.indexOf('#'));
}

// Everything a first visit downloads, not only what the first frame needs: after it, Loupe's
// service worker keeps the shell and the build the page ran (`kept`) for offline use.
async function untilKept(page, kept) {
  await page.waitForFunction(async (files) => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!(registration && registration.active && registration.active.state === 'activated')) return false;
    return (await Promise.all(files.map((f) => caches.match(f)))).every(Boolean);
  }, kept, {timeout: 60000, polling: 200});
}

// One cold load (a new context: empty cache, no service worker yet): the first frame's time and
// the files it downloaded.
async function loadOnce(browser, origin, dir, hash, kept) {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  const page = await context.newPage();
  const bodies = [];
  // The context's responses: the page's and its service worker's.
  // A file counts as downloaded when its body came over the network: a 304 (the browser had it)
  // costs nothing. Playwright gives no bodies of the worker's responses: they are read from disk.
  context.on('response', (r) => {
    const worker = Boolean(r.request().serviceWorker());
    const body = worker ? Promise.resolve(readFileSync(join(dir, new URL(r.url()).pathname))) : r.body();
    bodies.push(Promise.all([body, r.request().sizes()]).then(([b, sizes]) => {
      const sent = sizes.responseBodySize > 0;
      return {url: r.url(), worker, bytes: sent ? b.length : 0, gzip: sent ? gzipSync(b, {level: 9}).length : 0};
    }, () => null));
  });
  await page.goto(`${origin}/${hash}`);
  await page.waitForFunction(() => performance.getEntriesByName('first-frame').length > 0, null, {timeout: 60000});
  const time = await page.evaluate(() => performance.getEntriesByName('first-frame')[0].startTime);
  if (kept.length) await untilKept(page, kept);
  const files = (await Promise.all(bodies)).filter(Boolean);
  await context.close();
  return {time, files};
}

// The three pages loaded in turn, LOADS rounds of one load each, so that whatever else the machine
// does in a while weighs on all three alike, and each page's median is compared with the demo's.
async function measureAll(targets) {
  const browser = await launchBrowser();
  const servers = await Promise.all(targets.map((t) => startServer(t.dir)));
  const results = targets.map(() => ({times: [], files: []}));
  for (let i = 0; i < LOADS; ++i)
    for (const [k, t] of targets.entries()) {
      const {time, files} = await loadOnce(browser, servers[k].origin, t.dir, t.hash, t.kept);
      results[k].times.push(time);
      results[k].files = files;
    }
  await browser.close();
  for (const {server} of servers) server.close();
  return results.map(({times, files}) => {
    times.sort((a, b) => a - b);
    return {files, gzip: files.reduce((s, f) => s + f.gzip, 0), raw: files.reduce((s, f) => s + f.bytes, 0),
            median: times[Math.floor(LOADS / 2)], times};
  });
}

const kb = (n) => (n / 1024).toFixed(0) + ' KB';
const [link, app, base] = await measureAll([
  {dir: appDir, hash: surveyHash(), kept: ['index.html', 'link.wasm']},
  {dir: appDir, hash: '', kept: ['index.html', 'loupe.wasm', 'link.wasm']},
  {dir: baselineDir, hash: '', kept: []}]);
const row = (name, a) => `${name.padEnd(26)}${kb(a.gzip).padStart(9)}${(a.gzip / base.gzip).toFixed(2).padStart(7)}` +
  `${(a.median.toFixed(0) + ' ms').padStart(12)}${(a.median / base.median).toFixed(2).padStart(7)}`;
for (const [name, m] of [['the survey link', link], ['the full app', app]]) {
  console.log(`${name}, files:`);
  for (const f of m.files)
    console.log(`  ${new URL(f.url).pathname.padEnd(22)} ${kb(f.bytes).padStart(8)} raw ${kb(f.gzip).padStart(8)} gzipped` +
                (f.worker ? '  (by the service worker, after the first frame)' : ''));
}
console.log(`\n${''.padEnd(26)}${'gzipped'.padStart(9)}${'ratio'.padStart(7)}${'1st frame'.padStart(12)}${'ratio'.padStart(7)}`);
console.log(row('survey link (link build)', link));
console.log(row('full app', app));
console.log(row('Dear ImGui demo (baseline)', base));
for (const [name, m] of [['link', link], ['full app', app], ['demo', base]])
  console.log(`first-frame times, ms, ${name}: ${m.times.map((t) => t.toFixed(0)).join(' ')}`);
const met = (ok) => ok ? 'met' : 'NOT met';
console.log(`targets: link <= 300 KB gzipped: ${met(link.gzip <= 300 * 1024)}; full app <= 550 KB: ${met(app.gzip <= 550 * 1024)}; ` +
            `first frame <= 1.0x the demo: link ${met(link.median <= base.median)}, full app ${met(app.median <= base.median)}`);
