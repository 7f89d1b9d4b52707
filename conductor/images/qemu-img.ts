// Runs `qemu-img info --output=json` on untrusted bytes under resource limits, as
// Nova and Glance do (oslo.concurrency's prlimit): a crafted image can make
// qemu-img allocate or spin without bound, so address space and CPU time are
// capped by prlimit(1), wall-clock time by a kill timer, and output by a cap.
import { spawn } from 'node:child_process';
import { isAbsolute } from 'node:path';
import type { InfoResult } from './inspect-verdict.ts';
import type { DiskFormat } from './model.ts';

export interface QemuImgLimits {
  /** RLIMIT_AS of qemu-img. @default 1 GiB (Nova's value) */
  addressSpaceBytes: number;
  /** RLIMIT_CPU in seconds. @default 30 (Nova's value) */
  cpuSeconds: number;
  /** Killed (SIGKILL) after this long, whatever it is doing. @default 60_000 */
  timeoutMs: number;
}

export const DEFAULT_QEMU_IMG_LIMITS: QemuImgLimits = {
  addressSpaceBytes: 1024 * 1024 * 1024,
  cpuSeconds: 30,
  timeoutMs: 60_000,
};

const MAX_OUTPUT = 1024 * 1024;

/**
 * `format` undefined means probe (no -f). The path must be absolute so qemu-img
 * can never read it as a protocol spec (`json:{…}`, `nbd:…`).
 */
export function qemuImgInfo(
  path: string,
  format: DiskFormat | undefined,
  limits: QemuImgLimits = DEFAULT_QEMU_IMG_LIMITS,
): Promise<InfoResult> {
  if (!isAbsolute(path)) return Promise.resolve({ ok: false, error: `not an absolute path: ${path}` });
  const args = [
    `--as=${limits.addressSpaceBytes}`,
    `--cpu=${limits.cpuSeconds}`,
    '--',
    'qemu-img',
    'info',
    '--output=json',
    ...(format ? ['-f', format] : []),
    path,
  ];
  return new Promise((resolve) => {
    const child = spawn('prlimit', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let why: string | undefined;
    const kill = (reason: string) => {
      why ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill(`qemu-img timed out after ${limits.timeoutMs} ms`), limits.timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > MAX_OUTPUT) kill('qemu-img printed too much');
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 64) err.push(b);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, error: `cannot run qemu-img: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (why) return resolve({ ok: false, error: why });
      if (code !== 0) {
        const how = signal ? `killed by ${signal} (resource limit)` : `exit ${code}`;
        return resolve({ ok: false, error: stderr || `qemu-img ${how}` });
      }
      try {
        resolve({ ok: true, info: JSON.parse(Buffer.concat(out).toString('utf8')) });
      } catch {
        resolve({ ok: false, error: 'qemu-img printed invalid JSON' });
      }
    });
  });
}
