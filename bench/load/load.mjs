// load.mjs — measures cold loads of two builds of a page. Usage: node load.mjs APP_DIR BASELINE_DIR
import {gzipSync} from 'node:zlib';
import {launchBrowser, startServer} from '../../tests/e2e/harness.mjs';

const LOADS = 5;
const [appDir, baselineDir] = process.argv.slice(2);

async function measure(dir) {
  const {server, origin} = await startServer(dir);
  const browser = await launchBrowser();
  const times = [];
  let files = [];
  for (let i = 0; i < LOADS; ++i) {
    const context = await browser.newContext({viewport: {width: 1280, height: 800}});  // empty cache
    const page = await context.newPage();
    const bodies = [];
    page.on('response', (r) => bodies.push(r.body().then((b) => ({url: r.url(), bytes: b.length, gzip: gzipSync(b, {level: 9}).length}), () => null)));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => performance.getEntriesByName('first-frame').length > 0, null, {timeout: 60000});
    times.push(await page.evaluate(() => performance.getEntriesByName('first-frame')[0].startTime));
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
const app = await measure(appDir);
const base = await measure(baselineDir);
console.log('Loupe files:');
for (const f of app.files) console.log(`  ${new URL(f.url).pathname.padEnd(14)} ${kb(f.bytes).padStart(8)} raw ${kb(f.gzip).padStart(8)} gzipped`);
console.log(`\n${''.padEnd(22)}${'Loupe'.padStart(12)}${'ImGui demo'.padStart(14)}${'ratio'.padStart(9)}`);
console.log(`${'download (gzipped)'.padEnd(22)}${kb(app.gzip).padStart(12)}${kb(base.gzip).padStart(14)}${(app.gzip / base.gzip).toFixed(2).padStart(9)}`);
console.log(`${'download (raw)'.padEnd(22)}${kb(app.raw).padStart(12)}${kb(base.raw).padStart(14)}${(app.raw / base.raw).toFixed(2).padStart(9)}`);
console.log(`${'first frame (median)'.padEnd(22)}${(app.median.toFixed(0) + ' ms').padStart(12)}${(base.median.toFixed(0) + ' ms').padStart(14)}${(app.median / base.median).toFixed(2).padStart(9)}`);
console.log(`\nfirst-frame times, ms: Loupe ${app.times.map((t) => t.toFixed(0)).join(' ')}; demo ${base.times.map((t) => t.toFixed(0)).join(' ')}`);
const ok = app.gzip < 450 * 1024 && app.median <= 1.2 * base.median;
console.log(`targets: download < 450 KB gzipped, first frame <= 1.2 x baseline: ${ok ? 'met' : 'NOT met'}`);
