// Two simulated hypervisor hosts on this machine: each boots a real guest on a bridge in
// its own namespace through its own libvirtd, neither libvirtd (nor the root one) sees the
// other's guest, and teardown leaves nothing behind.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { access, chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { LibvirtClient } from '../../../agent/hypervisor/libvirt/libvirt-client.ts';
import { waitForLine } from '../../harness/console-log.ts';
import { createBridge, listLinks, listNetns, netnsIdByName, run } from '../../harness/host-plumbing.ts';
import { processAlive } from '../../harness/processes.ts';
import { cgroupPids, pidsInNamespaces } from '../../harness/sim-host-processes.ts';
import { readRecords } from '../../harness/sim-host-registry.ts';
import { type SimHost, startSimHosts } from '../../harness/sim-hosts.ts';
import { testImage } from '../../harness/test-image.ts';
import { guestXml } from './guest-xml.ts';

const GUEST_BRIDGE = 'brguest';
const BOOT_TIMEOUT_MS = 120_000; // TCG guests on 2 shared cores: ~3 s idle, 30 s seen under load

test('two simulated hosts: own bridge, own libvirtd, isolated guests; teardown leaves nothing', {
  timeout: 600_000,
}, async (t) => {
  const image = await testImage();
  const work = await mkdtemp('/var/tmp/strato-simhosts-test-');
  t.after(() => rm(work, { recursive: true, force: true }));
  // QEMU runs as libvirt-qemu and must reach the overlays and console logs.
  await chmod(work, 0o755);

  const rootLibvirtdPid = await readFile('/run/libvirtd.pid', 'utf8').catch(() => 'none');
  const cluster = await startSimHosts({ count: 2 });
  t.after(() => cluster.teardown()); // safety net when an assertion below fails; idempotent
  for (const h of cluster.hosts) {
    const mem = await h.memory();
    t.diagnostic(
      `${h.name}: up in ${h.startMs.toFixed(0)} ms, libvirtd ${(mem.libvirtdKiB / 1024).toFixed(1)} MiB + ` +
        `virtlogd ${(mem.virtlogdKiB / 1024).toFixed(1)} MiB RSS`,
    );
  }

  // The underlay: each host reaches the other and the root namespace's bridge address.
  const [h0, h1] = cluster.hosts as [SimHost, SimHost];
  assert.match((await h0.exec('ip', ['-br', 'addr', 'show', h0.underlayIf])).stdout, new RegExp(h0.underlayCidr));
  await h0.exec('busybox', ['ping', '-c', '1', '-W', '2', h1.underlayIp]);
  await h1.exec('busybox', ['ping', '-c', '1', '-W', '2', cluster.bridgeIp]);

  const clients: LibvirtClient[] = [];
  const guests = cluster.hosts.map((h, i) => ({
    host: h,
    name: `simtest-${cluster.id}-${i}`,
    tap: `tap${cluster.id}g${i}`,
    overlay: join(work, `guest${i}.qcow2`),
    consoleLog: join(work, `guest${i}.log`),
  }));
  const qemuPids: number[] = [];
  try {
    for (const h of cluster.hosts) clients.push(await LibvirtClient.connect({ socketPath: h.libvirtSocket }));

    await Promise.all(
      guests.map(async (g, i) => {
        await createBridge(GUEST_BRIDGE, '', g.host.netns);
        await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', image.disk, g.overlay]);
        const xml = guestXml({
          name: g.name,
          uuid: randomUUID(),
          kernel: image.kernel,
          initrd: image.initrd,
          cmdline: image.cmdline,
          overlay: g.overlay,
          bridge: GUEST_BRIDGE,
          tap: g.tap,
          mac: `52:54:00:${randomBytes(3).toString('hex').match(/../g)!.join(':')}`,
          consoleLog: g.consoleLog,
        });
        const lv = clients[i]!;
        await lv.defineDomain(xml);
        await lv.startDomain(g.name);
      }),
    );
    for (const g of guests) {
      const pid = Number((await readFile(join(g.host.runDir, 'libvirt', 'qemu', `${g.name}.pid`), 'utf8')).trim());
      assert.ok(await processAlive(pid), `QEMU of ${g.name} runs`);
      qemuPids.push(pid);
      // libvirtd daemonizes QEMU; the host's cgroup still holds it, so teardown finds it.
      if (g.host.cgroup === undefined) t.diagnostic('no cgroup2 here: hosts are tracked by namespaces only');
      else assert.ok((await cgroupPids(g.host.cgroup)).includes(pid), `QEMU of ${g.name} is in the host's cgroup`);
    }

    const bootStart = performance.now();
    await Promise.all(guests.map((g) => waitForLine(g.consoleLog, /STRATO-BOOT-OK/, BOOT_TIMEOUT_MS)));
    t.diagnostic(`both guests printed STRATO-BOOT-OK ${(performance.now() - bootStart).toFixed(0)} ms after start`);

    // Each tap is in its own host, on that host's bridge; nowhere else.
    const rootLinks = (await listLinks()).map((l) => l.ifname);
    for (const [i, g] of guests.entries()) {
      const own = await listLinks(g.host.netns);
      assert.equal(
        own.find((l) => l.ifname === g.tap)?.master,
        GUEST_BRIDGE,
        `${g.tap} on ${GUEST_BRIDGE} in ${g.host.name}`,
      );
      assert.ok(!rootLinks.includes(g.tap), `${g.tap} is not in the root namespace`);
      const other = guests[1 - i]!;
      const otherLinks = (await listLinks(other.host.netns)).map((l) => l.ifname);
      assert.ok(!otherLinks.includes(g.tap), `${g.tap} is not in ${other.host.name}`);
    }

    // Each libvirtd knows only its own guest; the machine's own libvirtd knows neither.
    for (const [i, lv] of clients.entries()) {
      const names = (await lv.listDomains()).map((d) => d.name);
      assert.deepEqual(names, [guests[i]!.name], `libvirtd of ${cluster.hosts[i]!.name}`);
    }
    const rootLv = await LibvirtClient.connect();
    try {
      const rootNames = (await rootLv.listDomains()).map((d) => d.name);
      for (const g of guests) assert.ok(!rootNames.includes(g.name), `root libvirtd does not list ${g.name}`);
    } finally {
      await rootLv.close();
    }
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }

  // What must be gone afterwards, captured while it still exists.
  const nsIds = (await Promise.all(cluster.hosts.map((h) => netnsIdByName(h.netns)))).filter((x) => x !== undefined);
  assert.equal(nsIds.length, 2);
  const daemonPids = (await Promise.all(cluster.hosts.map((h) => h.daemonPids()))).flatMap((p) => [
    p.libvirtd,
    p.virtlogd,
  ]);
  const pids = [...daemonPids.filter((p) => p !== undefined), ...qemuPids, ...cluster.hosts.map((h) => h.holderPid)];
  assert.equal(pids.length, 8, 'libvirtd, virtlogd, QEMU and holder of both hosts');

  const t0 = performance.now();
  await cluster.teardown();
  t.diagnostic(`teardown of 2 hosts with running guests: ${(performance.now() - t0).toFixed(0)} ms`);

  for (const p of pids) assert.equal(await processAlive(p), false, `process ${p} is gone`);
  assert.deepEqual(await pidsInNamespaces(nsIds), [], 'no process left in the hosts namespaces');
  const marker = (s: string): boolean => s.includes(cluster.id);
  assert.deepEqual((await listNetns()).filter(marker), [], 'no namespace left');
  assert.deepEqual((await listLinks()).map((l) => l.ifname).filter(marker), [], 'no bridge or veth left');
  const mounts = (await readFile('/proc/self/mountinfo', 'utf8')).split('\n').filter(marker);
  assert.deepEqual(mounts, [], 'no mount left');
  await assert.rejects(access(cluster.dir), 'cluster directory removed');
  for (const h of cluster.hosts) if (h.cgroup !== undefined) await assert.rejects(access(h.cgroup), 'cgroup removed');
  assert.ok(!(await readRecords()).some((r) => r.id === cluster.id), 'registry record removed');
  await cluster.teardown(); // idempotent
  assert.equal(
    await readFile('/run/libvirtd.pid', 'utf8').catch(() => 'none'),
    rootLibvirtdPid,
    'root pid file untouched',
  );
});
