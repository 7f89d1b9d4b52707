// Logging in to a storage host's target from inside a simulated host, with QEMU's own
// iSCSI initiator (libiscsi, what guests' disks use): `qemu-img info --image-opts`
// with a chosen initiator name and CHAP password. The connection leaves from the
// host's underlay address, so the target's address filter sees that host. The
// password goes to qemu-img in a file of a private directory, never on its command line.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chapUser, targetIqn } from '../../../agent/storage/iscsi/iscsi-names.ts';
import type { CloudHost } from './cloud.ts';

export interface ProbeLogin {
  /** `address:port` of the target's portal. */
  portal: string;
  volumeId: string;
  initiatorName: string;
  chapSecret: string;
}

export interface ProbeResult {
  ok: boolean;
  /** The LUN's size when the login worked. */
  virtualSize?: number;
  /** qemu-img's stdout or its error. */
  output: string;
}

export async function iscsiProbe(from: CloudHost, login: ProbeLogin): Promise<ProbeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-iscsi-probe-'));
  try {
    const secretFile = join(dir, 'chap');
    await writeFile(secretFile, login.chapSecret, { mode: 0o600 });
    const id = `s${randomBytes(4).toString('hex')}`;
    const opts = [
      'driver=iscsi',
      'transport=tcp',
      `portal=${login.portal}`,
      `target=${targetIqn(login.volumeId)}`,
      'lun=1',
      `user=${chapUser(login.volumeId)}`,
      `password-secret=${id}`,
      `initiator-name=${login.initiatorName}`,
    ].join(',');
    const argv = ['info', '--output=json', '--object', `secret,id=${id},file=${secretFile}`, '--image-opts', opts];
    try {
      const { stdout } = await from.sim.exec('timeout', ['60', 'qemu-img', ...argv]);
      return {
        ok: true,
        virtualSize: (JSON.parse(stdout) as { 'virtual-size': number })['virtual-size'],
        output: stdout,
      };
    } catch (err) {
      return { ok: false, output: (err as Error).message };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A bare TCP connection to `portal` from the host: '' when it connects, else the error (e.g. refused). */
export async function tcpConnect(from: CloudHost, portal: string): Promise<string> {
  const [address, port] = [portal.slice(0, portal.lastIndexOf(':')), portal.slice(portal.lastIndexOf(':') + 1)];
  try {
    await from.sim.exec('timeout', ['10', 'bash', '-c', `exec 3<>/dev/tcp/${address}/${port}`]);
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}
