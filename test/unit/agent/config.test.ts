import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AGENT_FLAGS, detectVirtType, HELP, parseAgentCommand, parseAgentConfig } from '../../../agent/config.ts';
import { isStratoError } from '../../../common/errors.ts';

test('defaults fill everything but the conductor and TLS directory', () => {
  const c = parseAgentConfig(['--conductor', 'ctl:7443', '--tls-dir', '/etc/strato/tls'], 'hv-01');
  assert.equal(c.hostId, 'hv-01');
  assert.equal(c.listen, '0.0.0.0:8776');
  assert.deepEqual(c.conductors, ['ctl:7443']);
  assert.equal(c.caFile, '/etc/strato/tls/ca.crt');
  assert.equal(c.certFile, '/etc/strato/tls/hv-01.crt');
  assert.equal(c.keyFile, '/etc/strato/tls/hv-01.key');
  assert.equal(c.libvirtSocket, '/run/libvirt/libvirt-sock');
  assert.equal(c.stateDir, '/var/lib/strato/agent');
  assert.equal(c.virtType, 'auto');
  assert.equal(c.acpiTimeoutS, 60);
  assert.deepEqual(c.capacity, {});
  assert.equal(c.advertise, undefined);
  assert.deepEqual(c.metricsListen, { host: '127.0.0.1', port: 9181 });
});

test('--metrics-listen: an address, or off; a bad one is refused naming the flag or its variable', () => {
  const base = ['--conductor', 'ctl:7443', '--tls-dir', '/t'];
  assert.equal(parseAgentConfig([...base, '--metrics-listen', 'off'], 'hv').metricsListen, undefined);
  assert.deepEqual(parseAgentConfig([...base], 'hv', { STRATO_AGENT_METRICS_LISTEN: '[::1]:0' }).metricsListen, {
    host: '::1',
    port: 0,
  });
  assert.throws(
    () => parseAgentConfig([...base, '--metrics-listen', 'everywhere:1'], 'hv'),
    (e) => isStratoError(e, 'INVALID_ARGUMENT') && /^--metrics-listen: must be IP:PORT/.test(e.message),
  );
  assert.throws(
    () => parseAgentConfig(base, 'hv', { STRATO_AGENT_METRICS_LISTEN: '1.2.3.4' }),
    (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.message.startsWith('STRATO_AGENT_METRICS_LISTEN: must be'),
  );
});

test('repeated --conductor keeps order; overrides parse', () => {
  const c = parseAgentConfig(
    [
      ...['--conductor', 'a:1', '--conductor', '[::1]:2', '--tls-dir', '/t', '--host-id', 'hv-9'],
      ...['--vcpus', '4', '--ram-mib', '2048', '--disk-gib', '0', '--virt-type', 'kvm', '--acpi-timeout-s', '5'],
      ...['--listen', '127.0.0.1:0', '--advertise', '10.0.0.5:8776'],
    ],
    'ignored',
  );
  assert.deepEqual(c.conductors, ['a:1', '[::1]:2']);
  assert.equal(c.hostId, 'hv-9');
  assert.deepEqual(c.capacity, { vcpus: 4, ramMiB: 2048, diskGiB: 0 });
  assert.equal(c.virtType, 'kvm');
  assert.equal(c.acpiTimeoutS, 5);
  assert.equal(c.advertise, '10.0.0.5:8776');
});

const bad: [string, string[]][] = [
  ['no conductor', ['--tls-dir', '/t']],
  ['no tls dir', ['--conductor', 'a:1']],
  ['conductor without port', ['--conductor', 'a', '--tls-dir', '/t']],
  ['conductor port 0', ['--conductor', 'a:0', '--tls-dir', '/t']],
  ['port too large', ['--conductor', 'a:70000', '--tls-dir', '/t']],
  ['bad virt type', ['--conductor', 'a:1', '--tls-dir', '/t', '--virt-type', 'xen']],
  ['relative state dir', ['--conductor', 'a:1', '--tls-dir', '/t', '--state-dir', 'var/x']],
  ['negative vcpus', ['--conductor', 'a:1', '--tls-dir', '/t', '--vcpus', '-1']],
  ['zero acpi timeout', ['--conductor', 'a:1', '--tls-dir', '/t', '--acpi-timeout-s', '0']],
  ['bad host id', ['--conductor', 'a:1', '--tls-dir', '/t', '--host-id', '../etc']],
  ['unknown flag', ['--conductor', 'a:1', '--tls-dir', '/t', '--bogus']],
  ['positional', ['--conductor', 'a:1', '--tls-dir', '/t', 'extra']],
];
for (const [name, argv] of bad) {
  test(`bad config is INVALID_ARGUMENT: ${name}`, () => {
    assert.throws(
      () => parseAgentConfig(argv, 'hv'),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.reason === 'INVALID_AGENT_CONFIG',
    );
  });
}

const INTEL = 'processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic vmx ssse3 sse4_1\n';
const AMD = 'processor\t: 0\nflags\t\t: fpu vme svm lm\n';
const PVM = 'processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae hypervisor lm\nvmx flags\t: none\n';

const detection: [string, 'qemu' | 'kvm' | 'auto', boolean, string, 'qemu' | 'kvm'][] = [
  ['intel with /dev/kvm', 'auto', true, INTEL, 'kvm'],
  ['amd with /dev/kvm', 'auto', true, AMD, 'kvm'],
  ['paravirtual /dev/kvm without vmx/svm flags', 'auto', true, PVM, 'qemu'],
  ['vmx but no /dev/kvm', 'auto', false, INTEL, 'qemu'],
  ['forced qemu on a kvm host', 'qemu', true, INTEL, 'qemu'],
  ['forced kvm', 'kvm', false, '', 'kvm'],
];
for (const [name, setting, dev, cpuinfo, want] of detection) {
  test(`virt type: ${name} → ${want}`, () => assert.equal(detectVirtType(setting, dev, cpuinfo), want));
}

test('network flags: underlay device and IPv4 address, network state dir, port wait', () => {
  const base = ['--conductor', 'ctl:7443', '--tls-dir', '/t'];
  const d = parseAgentConfig(base, 'hv');
  assert.equal(d.networkStateDir, '/var/lib/strato/agent/network');
  assert.equal(d.underlayDevice, undefined);
  assert.equal(d.underlayIp, undefined);
  assert.equal(d.portWaitS, 5);
  assert.equal(parseAgentConfig([...base, '--state-dir', '/s'], 'hv').networkStateDir, '/s/network');
  const c = parseAgentConfig(
    [
      ...base,
      '--underlay-device',
      'eth1',
      '--underlay-ip',
      '192.0.2.7',
      '--network-state-dir',
      '/n',
      '--port-wait-s',
      '0',
    ],
    'hv',
  );
  assert.equal(c.underlayDevice, 'eth1');
  assert.equal(c.underlayIp, '192.0.2.7');
  assert.equal(c.networkStateDir, '/n');
  assert.equal(c.portWaitS, 0);
  for (const [flag, value] of [
    ['underlay-ip', 'fd00::1'],
    ['underlay-ip', '192.0.2'],
    ['underlay-device', 'a-name-far-too-long'],
    ['network-state-dir', 'relative'],
  ] as const) {
    assert.throws(
      () => parseAgentConfig([...base, `--${flag}`, value], 'hv'),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.details.flag === flag,
      `${flag} ${value}`,
    );
  }
});

test('--help and --version are answered before any check (no --conductor needed, bad values ignored)', () => {
  for (const argv of [['--help'], ['-h'], ['--vcpus', 'many', '--help'], ['--tls-dir', '/t', '-h']]) {
    assert.deepEqual(parseAgentCommand(argv, 'hv'), { kind: 'help' }, `${argv}`);
  }
  for (const argv of [['--version'], ['-V']]) assert.deepEqual(parseAgentCommand(argv, 'hv'), { kind: 'version' });
  const run = parseAgentCommand(['--conductor', 'a:1', '--tls-dir', '/t'], 'hv');
  assert.equal(run.kind, 'run');
  assert.deepEqual(run.kind === 'run' && run.deprecated, []);
  // parseAgentConfig is for runs only.
  assert.throws(
    () => parseAgentConfig(['--help'], 'hv'),
    (e) => isStratoError(e, 'INVALID_ARGUMENT'),
  );
});

test('the help lists every flag with its value and default', () => {
  for (const flag of Object.keys(AGENT_FLAGS)) assert.match(HELP, new RegExp(`^  --${flag}\\b`, 'm'), flag);
  assert.match(HELP, /^usage: strato-agent --conductor HOST:PORT/);
  assert.match(HELP, /--acpi-timeout-s S +soft stop.*\(default: 60\)/);
  assert.match(HELP, /--conductor HOST:PORT .*repeatable/);
  assert.match(HELP, /-V, --version/);
});

test('hygiene flags: orphan removal off by default (report only), cache limits, disk reserve; bad values name the flag', () => {
  const base = ['--conductor', 'ctl:7443', '--tls-dir', '/t'];
  const d = parseAgentConfig(base, 'hv');
  assert.equal(d.orphanRemoval, 'off');
  assert.equal(d.orphanGraceS, 120);
  assert.equal(d.imageCacheMaxGiB, 20);
  assert.equal(d.imageCacheMaxAgeH, 168);
  assert.equal(d.diskReserveMiB, 1024);
  const c = parseAgentConfig(
    [...base, '--orphan-removal', 'force', '--image-cache-max-gib', '0', '--image-cache-max-age-h', '0'],
    'hv',
    { STRATO_AGENT_DISK_RESERVE_MIB: '64', STRATO_AGENT_ORPHAN_REMOVAL: 'on' },
  );
  assert.deepEqual(
    [c.orphanRemoval, c.imageCacheMaxGiB, c.imageCacheMaxAgeH, c.diskReserveMiB],
    ['force', 0, 0, 64],
    'flags win over the environment',
  );
  for (const [flag, value] of [
    ['orphan-removal', 'yes'],
    ['image-cache-max-gib', '1e3'],
    ['image-cache-max-age-h', 'week'],
    ['disk-reserve-mib', '1.5'],
  ] as const) {
    assert.throws(
      () => parseAgentConfig([...base, `--${flag}`, value], 'hv'),
      (e) => isStratoError(e, 'INVALID_ARGUMENT') && e.message.startsWith(`--${flag}:`),
      flag,
    );
  }
});

test('--fake-hypervisor (test only): off by default, a switch or its variable, and never with the storage role', () => {
  const base = ['--conductor', 'ctl:7443', '--tls-dir', '/t'];
  assert.equal(parseAgentConfig(base, 'hv').fakeHypervisor, undefined);
  assert.equal(parseAgentConfig([...base, '--fake-hypervisor'], 'hv').fakeHypervisor, true);
  assert.equal(parseAgentConfig(base, 'hv', { STRATO_AGENT_FAKE_HYPERVISOR: '1' }).fakeHypervisor, true);
  assert.match(HELP, /--fake-hypervisor\s+TEST ONLY/);
  assert.throws(
    () => parseAgentConfig([...base, '--fake-hypervisor', '--roles', 'compute,storage'], 'hv'),
    (e) => isStratoError(e, 'INVALID_ARGUMENT') && /^--fake-hypervisor: has no fake storage/.test(e.message),
  );
});
