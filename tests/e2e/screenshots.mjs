// screenshots.mjs — saves what a person sees on each screen, desktop and phone, light and dark,
// for a human to look at (not a test). Usage: node tests/e2e/screenshots.mjs OUT_DIR
import {mkdirSync} from 'node:fs';
import {launchBrowser, startServer, waitForFirstFrame, settle} from './harness.mjs';

const out = process.argv[2] || 'build/screenshots';
mkdirSync(out, {recursive: true});
const {server, origin} = await startServer();
const browser = await launchBrowser();
const screens = {home: '', take: '#/take', surveys: '#/surveys', taste: '#/taste'};
const devices = {
  desktop: {viewport: {width: 1280, height: 800}, deviceScaleFactor: 1},
  phone: {viewport: {width: 390, height: 844}, deviceScaleFactor: 3, isMobile: true, hasTouch: true},
};
for (const scheme of ['light', 'dark'])
  for (const [device, options] of Object.entries(devices)) {
    const context = await browser.newContext({...options, colorScheme: scheme});
    const page = await context.newPage();
    for (const [name, hash] of Object.entries(screens)) {
      await page.goto(`${origin}/${hash}`);
      await waitForFirstFrame(page);
      await settle(page);
      await page.screenshot({path: `${out}/${name}-${device}-${scheme}.png`});
    }
    await context.close();
  }
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
