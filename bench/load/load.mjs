// load.mjs — measures cold loads of the app's page, opened plainly (the full app) and from a survey
// link (the link build), against the baseline. Usage: node load.mjs APP_DIR BASELINE_DIR LOUPE_CLI
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {launchBrowser, startServer} from '../../tests/e2e/harness.mjs';

const LOADS = 5;
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

async function measure(dir, hash = '', kept = []) {
  const {server, origin} = await startServer(dir);
  const browser = await launchBrowser();
  const times = [];
  let files = [];
  for (let i = 0; i < LOADS; ++i) {
    const context = await browser.newContext({viewport: {width: 1280, height: 800}});  // empty cache
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
    times.push(await page.evaluate(() => performance.getEntriesByName('first-frame')[0].startTime));
    if (kept.length) await untilKept(page, kept);
    files = (await Promise.all(bodies)).filter(Boolean);
    await context.close();
  }
  await browser.close();
  server.close();
  times.sort((a, b) => a - b);
  return {files, gzip: files.reduce((s, f) => s + f.gzip, 0), raw: files.reduce((s, f) => s + f.bytes, 0),
          median: times[Math.floor(LOADS / 2)], times};
}

const kb = (n) => (n / 1024).toFixed(0) + ' KB';
const link = await measure(appDir, surveyHash(), ['index.html', 'link.wasm']);
const app = await measure(appDir, '', ['index.html', 'loupe.wasm', 'link.wasm']);
const base = await measure(baselineDir);
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
