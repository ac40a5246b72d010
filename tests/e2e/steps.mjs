// steps.mjs — what a person does often, shared by the browser tests: scroll a widget into view
// and click it, restore a workspace, type into a field, download a file, read a field or the
// clipboard, start a survey, answer a survey screen.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {settle, rect, waitForWidget, click, failWithScreenshot} from './harness.mjs';

// Scrolls the page with the mouse wheel until the widget is entirely on screen, between the top bar
// and the messages at the bottom: from the top down, a screen at a time, then exactly. (A wheel
// step of 100 CSS pixels scrolls the page by 5 lines of 16 px.)
export async function reveal(page, id) {
  const height = page.viewportSize().height, top = 64, bottom = height - 120;
  const wheel = async (pixels) => {
    await page.mouse.move(4, height / 2);
    await page.mouse.wheel(0, pixels * 100 / 80);
    await settle(page, 80);
  };
  const inView = (r) => r && r.y >= top && r.y + r.h <= bottom;
  let r = await rect(page, id);
  if (inView(r)) return r;
  if (!r) await wheel(-100000);
  for (let i = 0; i < 20; ++i) {
    r = await rect(page, id);
    if (inView(r)) return r;
    await wheel(r ? r.y + r.h / 2 - (top + bottom) / 2 : bottom - top - 100);
  }
  await failWithScreenshot(page, `widget "${id}" could not be scrolled into view (last seen at ${JSON.stringify(r)})`);
}

export async function press(page, id) {
  await reveal(page, id);
  await click(page, id);
}

// Restores a workspace backup through the menu, as a person would, and dismisses the message.
export async function restoreWorkspace(page, file) {
  await click(page, 'menu');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu/restore')]);
  await chooser.setFiles(file);
  await settle(page);
  await click(page, 'restore/confirm');
  await click(page, 'toast/dismiss');
}

export async function clipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

// Puts `text` on the clipboard and pastes it into the field with Ctrl+V the moment the field is
// clicked, before the app has drawn the frame that activates it (a fast hand, a busy machine).
export async function pasteInto(page, id, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const r = await reveal(page, id);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.keyboard.press('Control+V');
  await settle(page, 150);
}

// The text of a field, copied out of it with the keyboard.
export async function fieldText(page, id) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await press(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await settle(page, 150);
  await page.keyboard.press('Escape');
  await settle(page, 150);
  return clipboard(page);
}

// Types `text` over what the field holds, then leaves it with Tab.
export async function typeInto(page, id, text) {
  await press(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
  await settle(page);
}

// Presses the button and saves what it downloads in the folder `dir`: {name, path, bytes}. A press
// that downloads nothing fails with a picture of the page.
export async function download(page, id, dir) {
  const [file] = await Promise.all([
    page.waitForEvent('download', {timeout: 15000}).catch(() => failWithScreenshot(page, `${id} downloaded nothing`)),
    press(page, id)]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return {name: file.suggestedFilename(), path, bytes: readFileSync(path)};
}

export async function newSurvey(page, title) {
  await press(page, 'surveys/new');
  await waitForWidget(page, 'editor/title');
  await press(page, 'editor/title-field');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await settle(page);
}

// What a screen reader hears of the survey on screen (the aria-live region).
export const spoken = (page) => page.evaluate(() => document.getElementById('live').textContent);

// "Screen 3 of 9" from what a screen reader hears.
export async function screenNumber(page) {
  const m = (await spoken(page)).match(/^Screen (\d+) of (\d+)/);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

// Answers the screen on display: most = the first item, least = the last, with `press`.
export async function answerScreen(page, press) {
  await press(page, 'answer/most/0');
  await press(page, 'answer/least/3');
  await press(page, 'answer/next');
}

// Presses Tab until the keyboard focus is on `id`, then Space.
export async function keyboardChoose(page, id) {
  for (let i = 0; i < 40; ++i) {
    if (await page.evaluate(() => UTF8ToString(Module._loupe_focused_widget())) === id) {
      await page.keyboard.press('Space');
      await settle(page, 120);
      return;
    }
    await page.keyboard.press('Tab');
    await settle(page, 60);
  }
  throw new Error(`Tab never reached ${id}`);
}


// ---- pages that keep drawing (hierarchical Bayes running): wait by time, not for the app to settle
const pause = (page, ms = 250) => page.waitForTimeout(ms);

// Scrolls the page by `dy` CSS pixels: the mouse wheel, or a finger on a touch screen.
export async function scrollBy(page, dy) {
  const {width, height} = page.viewportSize();
  if (!(await page.evaluate(() => navigator.maxTouchPoints > 0))) {
    await page.mouse.move(width / 2, height / 2);
    await page.mouse.wheel(0, dy);
    await pause(page, 200);
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const x = width / 2, from = height * 0.55;
  const step = Math.max(-height * 0.4, Math.min(height * 0.4, dy));
  const point = (y) => [{x, y, id: 1}];
  await cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: point(from)});
  for (let i = 1; i <= 6; ++i) {
    await cdp.send('Input.dispatchTouchEvent', {type: 'touchMove', touchPoints: point(from - step * i / 6)});
    await pause(page, 30);
  }
  await cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
  await cdp.detach();
  await pause(page, 200);
}

// Scrolls until the widget is entirely in view (below the top bar), from the top of the page down.
export async function revealWhileBusy(page, id, steps = 40) {
  const {height} = page.viewportSize();
  const inView = (r) => r && r.y >= 64 && r.y + r.h <= height - 8;
  let r = await rect(page, id);
  if (inView(r)) return r;
  for (let i = 0; i < 12 && !(await rect(page, 'back')); ++i) await scrollBy(page, -100000);
  for (let i = 0; i < steps; ++i) {
    r = await rect(page, id);
    if (inView(r)) return r;
    await scrollBy(page, r ? r.y + r.h / 2 - height / 2 : height / 3);
  }
  throw new Error(`widget "${id}" is not on the page`);
}

export async function pressWhileBusy(page, id) {
  const r = await revealWhileBusy(page, id);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await pause(page, 300);
}

// Waits, scrolling as needed, until the widget shows up.
export async function expectWidget(page, id, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await revealWhileBusy(page, id, 25);
    } catch (e) {
      if (Date.now() > end) throw e;
    }
  }
}
