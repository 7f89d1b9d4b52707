// The interactive serial console: typing reaches the guest's command reader and its
// output comes back; one session per domain, the newest taking over and the old one
// ending without an error; ending a session releases the console; a stopped guest
// ends its session and refuses new ones; an absent one is NOT_FOUND.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Duplex } from 'node:stream';
import { test } from 'node:test';
import { freshId, rejectsWith, type SuiteContext } from './suite-helpers.ts';

/** Collects what a session prints; `waitFor` resolves on a whole line matching `re`. */
function watch(s: Duplex): { text: () => string; waitFor: (re: RegExp) => Promise<void> } {
  let text = '';
  s.on('data', (b: Buffer) => {
    text += b.toString('latin1');
  });
  return {
    text: () => text,
    async waitFor(re) {
      const deadline = Date.now() + 30_000;
      while (!text.split(/\r?\n/).some((l) => re.test(l))) {
        if (Date.now() > deadline) throw new Error(`no line matching ${re} on the console: ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

export function consoleTests(c: SuiteContext): void {
  test('type a command and read its output; the newest session takes over; end releases; stop ends', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    await hv.define(await c.s.spec(id));
    await hv.start(id);
    await c.s.guestUp(id);

    const first = await hv.openConsole(id);
    const w1 = watch(first);
    first.write('echo CONFORM-$((6*7))\n');
    // The typed line comes back as echoed ("$((6*7))"), the command's output as 42.
    await w1.waitFor(/^CONFORM-42$/);

    const firstClosed = once(first, 'close');
    const second = await hv.openConsole(id);
    await firstClosed;
    assert.equal(first.errored, null, 'the session taken over ends without an error');
    const w2 = watch(second);
    second.write('echo CONFORM-$((2+3))\n');
    await w2.waitFor(/^CONFORM-5$/);
    assert.doesNotMatch(w1.text(), /CONFORM-5/);

    second.end();
    await once(second, 'close');
    assert.equal(second.errored, null);

    const third = await hv.openConsole(id);
    const thirdClosed = once(third, 'close');
    third.resume();
    await hv.destroy(id);
    await thirdClosed;
    assert.equal(third.errored, null, 'a stopped guest ends its session without an error');
    await rejectsWith(hv.openConsole(id), 'FAILED_PRECONDITION', 'console of a stopped guest');
    await hv.undefine(id);
    await rejectsWith(hv.openConsole(id), 'NOT_FOUND', 'console of an absent domain');
  });
}
