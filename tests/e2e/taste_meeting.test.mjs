// taste_meeting.test.mjs — the facilitator runs a taste session, with real clicks and typing in
// headless Chromium: last time's open action closed; 10 of 11 here with 3 juniors, the groups
// proposed by the rule and one person moved; app by app with the timer running, the call-on queue
// checked against its rule after several turns (and on the next app, who has been quiet), a note
// praised, an insight, an action with an owner; the presenting view; a reload in the middle comes
// back to the same app with the timer still running; the wrap-up names the next picker and the
// session is marked done.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launchBrowser, startServer, openApp, settle, rect, click, waitForWidget, reloadApp, ROOT} from './harness.mjs';
import {press, reveal, spoken, restoreWorkspace} from './steps.mjs';

let browser, server, origin;
const work = mkdtempSync(join(tmpdir(), 'loupe-taste-meeting-'));
const tool = (name, ...args) => execFileSync(join(ROOT, 'build/native', name), args, {cwd: work, encoding: 'utf8'});

before(async () => {
  ({server, origin} = await startServer());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.close();
});

// The workspace's team (tests/e2e/taste_workspace.cpp --meeting), in the plan's invited order.
const invited = ['Ana', 'Bo', 'Cy', 'Dee', 'Fran', 'Eli', 'Gus', 'Hana', 'Ivo', 'Jo', 'Kai'];
const juniors = new Set(['Cy', 'Eli', 'Ivo']);
const facilitator = 'Fran';

// The call-on rule (core/taste/meeting.h), written out again: who has not spoken on this app
// first, juniors first within that, then the least heard this session, ties in the invited order,
// the facilitator last.
function expectedQueue(present, turnsOnApp, turnsAll) {
  const key = (name) => [name === facilitator ? 1 : 0, (turnsOnApp[name] || 0) > 0 ? 1 : 0,
                         juniors.has(name) ? 0 : 1, turnsAll[name] || 0];
  return [...present].sort((a, b) => {
    const ka = key(a), kb = key(b);
    for (let i = 0; i < ka.length; ++i) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return present.indexOf(a) - present.indexOf(b);
  });
}
const joined = (names) => names.length < 2 ? names.join('') : names.slice(0, -1).join(', ') + ' and ' + names.at(-1);
const queueIn = (text) => /Who speaks next: ([^.]*)\./.exec(text)?.[1];
const timerIn = (text) => /Timer (\d+):(\d\d), (running|paused)/.exec(text);
const groupsIn = (text) => [...text.matchAll(/Group \d+: ([^.]*)\./g)].map((m) => m[1].split(/, | and /));

async function heard(page, pattern, what) {
  for (let i = 0; i < 40; ++i) {
    const text = await spoken(page);
    if (pattern.test(text)) return text;
    await settle(page, 100);
  }
  assert.fail(`${what}: expected ${pattern}, heard "${await spoken(page)}"`);
}

// Clicks a widget already in full view (a short page cannot scroll the last row above where the
// messages appear), else scrolls to it first.
async function go(page, id) {
  const r = await rect(page, id);
  if (r && r.y >= 64 && r.y + r.h <= page.viewportSize().height) await click(page, id);
  else await press(page, id);
}

async function typeAt(page, id, text) {
  await go(page, id);
  await page.keyboard.type(text);
  await settle(page);
}

test('a meeting from last time\'s actions to the wrap-up, with groups, turns, praise, an insight and an action', async () => {
  const session = tool('tests/loupe_e2e_taste_workspace', 'meeting.loupe', '--meeting').trim();
  const context = await browser.newContext({viewport: {width: 1280, height: 800}, colorScheme: 'light',
                                             permissions: ['clipboard-read', 'clipboard-write']});
  const {page, log} = await openApp(context, origin);
  await restoreWorkspace(page, join(work, 'meeting.loupe'));
  await page.goto(`${origin}/#/taste/${session}`);
  await settle(page);
  await go(page, 'taste/meeting/start');
  await waitForWidget(page, 'meeting/phase/0');
  assert.equal(new URL(page.url()).hash, `#/taste/${session}/meeting`);

  // 1. Last time's action, carried over, closed.
  await heard(page, /1 open action from earlier sessions\. Show sample data before asking for a bank account \(Ana, Open\)/,
              'the open action of the earlier session');
  await go(page, 'meeting/actions/0/status/2');
  await heard(page, /0 open actions from earlier sessions/, 'the action closed');
  assert.ok(await rect(page, 'meeting/actions/none'));

  // 2. Who is here: everyone invited, until Dee is marked away.
  await go(page, 'meeting/next');
  await heard(page, /11 people here/, 'everyone invited is here at first');
  await go(page, 'meeting/here/3');  // Dee, in the rota's order
  const present = invited.filter((n) => n !== 'Dee');
  await heard(page, new RegExp(`10 people here: ${joined(present)}\\.`), 'Dee marked away');

  // 3. Groups: 10 people make two groups of five, the three juniors two and one.
  await go(page, 'meeting/next');
  const before = groupsIn(await heard(page, /Group 2: /, 'two groups proposed'));
  assert.equal(before.length, 2);
  assert.deepEqual(before.map((g) => g.length), [5, 5]);
  assert.deepEqual(before.map((g) => g.filter((n) => juniors.has(n)).length).sort(), [1, 2]);
  assert.deepEqual(before.flat().sort(), [...present].sort());
  const moved = before[0][0];
  await go(page, 'meeting/group/0/0');
  await go(page, 'meeting/group/1/move-here');
  const after = groupsIn(await heard(page, new RegExp(`Group 2: [^.]*${moved}`), 'one person moved'));
  assert.deepEqual(after.map((g) => g.length), [4, 6]);
  assert.ok(!after[0].includes(moved) && after[1].includes(moved));

  // 4. App by app: the timer runs, the queue follows its rule as turns are recorded.
  await go(page, 'meeting/next');
  let text = await heard(page, /App 1 of 3: YNAB\. Timer 10:00, paused\./, 'the first app, its timer ready');
  await go(page, 'meeting/timer/run');
  const turnsOnApp = {}, turnsAll = {};
  assert.equal(queueIn(await spoken(page)), joined(expectedQueue(present, {}, {})));
  for (let turn = 0; turn < 4; ++turn) {
    const next = expectedQueue(present, turnsOnApp, turnsAll)[0];
    await go(page, 'meeting/queue/0/spoke');
    turnsOnApp[next] = (turnsOnApp[next] || 0) + 1;
    turnsAll[next] = (turnsAll[next] || 0) + 1;
    text = await heard(page, new RegExp(`${next} 1;`), `${next}'s turn recorded`);
    assert.equal(queueIn(text), joined(expectedQueue(present, turnsOnApp, turnsAll)), `the queue after ${turn + 1} turns`);
  }
  const [, minutes, seconds, state] = timerIn(await heard(page, /Timer 9:\d\d, running/, 'the timer counting down'));
  assert.equal(state, 'running');
  assert.ok(Number(minutes) * 60 + Number(seconds) < 600);

  // Praise, why, and what to apply to our product.
  await go(page, 'meeting/note/good/0/praise-button');
  await typeAt(page, 'meeting/praise/words', 'so clear');
  await go(page, 'meeting/praise/save');
  await waitForWidget(page, 'meeting/note/good/0/praise');
  await go(page, 'meeting/note/good/1/why');
  await typeAt(page, 'meeting/insight/text', 'The empty state teaches the method');
  await go(page, 'meeting/insight/note/0');
  await go(page, 'meeting/insight/save');
  await reveal(page, 'meeting/insight/0');
  await go(page, 'meeting/insight/0/action');
  await typeAt(page, 'meeting/action/text', 'Add a sample budget to our empty state');
  await go(page, 'meeting/action/owner/1');  // Bo
  await go(page, 'meeting/action/save');
  await heard(page, /App 1 of 3/, 'back on the app');

  // The presenting view: the same notes in large type, the queue off the shared screen.
  const small = await reveal(page, 'meeting/note/good/0');
  await go(page, 'meeting/present');
  await waitForWidget(page, 'meeting/present/app');
  const large = await reveal(page, 'meeting/present/note/good/0');
  assert.ok(large.h > small.h * 1.3, `presenting type is larger (${large.h} vs ${small.h})`);
  assert.equal(await rect(page, 'meeting/queue/0'), null);
  await go(page, 'meeting/present/stop');

  // The next app: everyone starts again, juniors first, then the least heard; those who have not
  // spoken on either app are quiet.
  await go(page, 'meeting/app/1');
  text = await heard(page, /App 2 of 3: Monzo\. Timer 10:00, paused\./, 'the second app');
  assert.equal(queueIn(text), joined(expectedQueue(present, {}, turnsAll)));
  for (const name of present.filter((n) => !turnsAll[n] && n !== facilitator))
    assert.match(text, new RegExp(`${name} 0 quiet;`));
  await go(page, 'meeting/timer/run');
  await page.waitForTimeout(1500);  // the timer ticks: frames keep coming, once a second

  // A reload in the middle comes back to the same app, the timer still running.
  await reloadApp(page);
  text = await heard(page, /App 2 of 3: Monzo\. Timer 9:\d\d, running\./, 'after the reload');
  assert.equal(new URL(page.url()).hash, `#/taste/${session}/meeting`);

  // 5. Wrap-up.
  await go(page, 'meeting/phase/4');
  await heard(page, /1 praise, 1 new action\. Bo picks the next category\./, 'the wrap-up');
  await waitForWidget(page, 'meeting/wrap/praised/0');
  await waitForWidget(page, 'meeting/wrap/action/0');
  await go(page, 'meeting/wrap/done-button');
  await heard(page, /The session is done\./, 'marked done');
  await reloadApp(page);
  await heard(page, /Step 5 of 5: Wrap-up\..*The session is done\./, 'still done after a reload');
  assert.deepEqual(log.errors, []);
  await context.close();
});
