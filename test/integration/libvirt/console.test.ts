// The serial console through our own remote-protocol client against the real libvirtd
// (virDomainOpenConsole + a libvirt stream): a test-image guest whose ttyS0 is a pty
// logged to a file, as the agent defines it (domain-xml-console.ts). Typing a command
// reaches the guest's command reader and its output comes back; the file log keeps
// everything meanwhile; a second session takes the console over and ends the first;
// ending a session releases the console; a stopped or missing domain is refused.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Duplex } from 'node:stream';
import { after, before, test } from 'node:test';
import { consoleElements } from '../../../agent/hypervisor/libvirt/domain-xml-console.ts';
import { renderXml } from '../../../agent/hypervisor/libvirt/domain-xml-writer.ts';
import type { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { isStratoError } from '../../../common/errors.ts';
import { waitForLine } from '../../harness/console-log.ts';
import { domainXml, testDomainName } from '../../harness/domain-xml-fixture.ts';
import {
  closeLibvirtLab,
  type GuestFiles,
  guestFiles,
  type LibvirtLab,
  openLibvirtLab,
  waitGuestReady,
} from './helpers.ts';

let lab: LibvirtLab | undefined;
let client: LibvirtClient;
let files: GuestFiles;
const names: string[] = [];

before(async () => {
  lab = await openLibvirtLab([]);
  client = lab.client;
  files = await guestFiles(lab.dir);
});

after(() => closeLibvirtLab(lab, names));

/** A test-image guest with the agent's console devices: a pty, logged to `log`. */
async function bootPtyGuest(name: string, log: string): Promise<void> {
  const xml = domainXml({ name, memoryMiB: 256, kernel: files.kernel, initrd: files.initrd, cmdline: files.cmdline });
  const devices = consoleElements(log).map(renderXml).join('');
  await client.startDomain(await client.defineDomain(xml.replace('<memballoon', `${devices}<memballoon`)));
  await waitGuestReady(log, 0);
}

/** Everything read from `s`, and a wait for a line matching `re`. */
function reader(s: Duplex): { text: () => string; waitFor: (re: RegExp, ms?: number) => Promise<void> } {
  let text = '';
  s.on('data', (b: Buffer) => {
    text += b.toString('utf8');
  });
  return {
    text: () => text,
    async waitFor(re, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (!text.split(/\r?\n/).some((l) => re.test(l))) {
        if (Date.now() > deadline)
          throw new Error(`no line matching ${re} on the console; read: ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

test('console: type a command, read its output; the file log keeps it; takeover; release; refusals', async () => {
  const name = testDomainName();
  names.push(name);
  const log = `${lab?.dir}/${name}.console.log`;
  await bootPtyGuest(name, log);

  const first = await client.openConsole(name);
  const r1 = reader(first);
  first.write('echo STRATO-SUM-$((6*7))\n');
  // The tty echoes what was typed ("$((6*7))"), the guest's shell prints 42.
  await r1.waitFor(/^STRATO-SUM-42$/);
  await waitForLine(log, /^STRATO-SUM-42$/, 10_000);

  // A second session takes the console over (libvirt's FORCE): the first one ends.
  const firstClosed = once(first, 'close');
  const second = await client.openConsole(name);
  await firstClosed;
  assert.equal(first.errored, null, 'a session taken over ends without an error');
  const r2 = reader(second);
  second.write('echo STRATO-SECOND-$((2+3))\n');
  await r2.waitFor(/^STRATO-SECOND-5$/);
  assert.doesNotMatch(r1.text(), /STRATO-SECOND-5/, 'the taken-over session reads nothing more');

  // Ending a session finishes the stream cleanly and releases the console.
  second.end();
  await once(second, 'close');
  assert.equal(second.errored, null);
  const safe = await client.openConsole(name, 0 /* no FORCE: refused if still held */);
  const r3 = reader(safe);
  safe.write('echo STRATO-THIRD-$((3*3))\n');
  await r3.waitFor(/^STRATO-THIRD-9$/);

  // The domain stops: the open session sees the end of data.
  const ended = once(safe, 'close');
  await client.destroyDomain(name);
  await ended;

  await assert.rejects(
    client.openConsole(name),
    (err: unknown) => isStratoError(err) && err.code === 'FAILED_PRECONDITION',
  );
  await assert.rejects(
    client.openConsole(`${name}-missing`),
    (err: unknown) => isStratoError(err) && err.code === 'NOT_FOUND',
  );
});
