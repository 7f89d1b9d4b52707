// Whether uploaded bytes are safe to boot, judged from `qemu-img info` JSON (pure).
//
// An image is data a user controls and QEMU later opens on the host. Refused:
// - a backing file or an external data file: QEMU would open that host path when
//   the guest boots (an image naming /etc/shadow as its backing file leaks it);
// - a format other than the declared one, also as detected by probing: a qcow2
//   uploaded as "raw" would be written into by the guest as a raw disk, and the
//   guest could then plant a qcow2 header naming host files for whoever probes it
//   later (CVE-2008-2004 and its descendants; OSSA-2024-001);
// - encrypted or corrupt images, and content qemu-img cannot read.
import type { DiskFormat } from './model.ts';

/** The outcome of one `qemu-img info --output=json` run. */
export type InfoResult = { ok: true; info: unknown } | { ok: false; error: string };

export type RefusalCode =
  | 'EMPTY'
  | 'UNREADABLE'
  | 'BACKING_FILE'
  | 'DATA_FILE'
  | 'FORMAT_MISMATCH'
  | 'ENCRYPTED'
  | 'CORRUPT';

export type Verdict =
  | { ok: true; format: DiskFormat; virtualSizeBytes: number }
  | { ok: false; code: RefusalCode; why: string };

type Json = Record<string, unknown>;

const asObject = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;

function refuse(code: RefusalCode, why: string): Verdict {
  return { ok: false, code, why };
}

/** The first problem with one info result, or undefined when it names nothing dangerous. */
function dangers(info: Json, label: string): Verdict | undefined {
  const backing = info['full-backing-filename'] ?? info['backing-filename'];
  if (backing !== undefined) {
    return refuse('BACKING_FILE', `${label} names a backing file (${String(backing)}); upload a flattened image`);
  }
  const data = asObject(asObject(info['format-specific'])?.data);
  if (data?.['data-file'] !== undefined) {
    return refuse('DATA_FILE', `${label} names an external data file (${String(data['data-file'])})`);
  }
  if (info.encrypted === true || data?.encrypt !== undefined) return refuse('ENCRYPTED', `${label} is encrypted`);
  if (data?.corrupt === true) return refuse('CORRUPT', `${label} is marked corrupt`);
  return undefined;
}

/**
 * `declared` is `qemu-img info -f <declared>`; `probe` is `qemu-img info` without
 * -f (format detection). Both must agree with the declared format.
 */
export function judgeImage(declared: DiskFormat, declaredRun: InfoResult, probeRun: InfoResult): Verdict {
  if (!declaredRun.ok) return refuse('UNREADABLE', `not a readable ${declared} image: ${firstLine(declaredRun.error)}`);
  const info = asObject(declaredRun.info);
  if (!info) return refuse('UNREADABLE', 'qemu-img info gave no description of the image');
  const danger = dangers(info, 'the image');
  if (danger) return danger;
  if (info.format !== declared) {
    return refuse('FORMAT_MISMATCH', `declared ${declared} but qemu-img read it as ${String(info.format)}`);
  }
  if (!probeRun.ok) return refuse('UNREADABLE', `format detection failed: ${firstLine(probeRun.error)}`);
  const probed = asObject(probeRun.info);
  if (!probed) return refuse('UNREADABLE', 'format detection gave no description of the image');
  if (probed.format !== declared) {
    return refuse('FORMAT_MISMATCH', `declared ${declared} but the content is ${String(probed.format)}`);
  }
  const probeDanger = dangers(probed, 'the detected image');
  if (probeDanger) return probeDanger;
  const vsize = info['virtual-size'];
  if (typeof vsize !== 'number' || !Number.isSafeInteger(vsize) || vsize < 0) {
    return refuse('UNREADABLE', 'qemu-img reported no usable virtual size');
  }
  if (vsize === 0) return refuse('EMPTY', 'the image has a virtual size of 0 bytes');
  return { ok: true, format: declared, virtualSizeBytes: vsize };
}

function firstLine(s: string): string {
  const line = s.trim().split('\n')[0] ?? '';
  return line.length > 300 ? line.slice(0, 300) + '…' : line || 'no output';
}
