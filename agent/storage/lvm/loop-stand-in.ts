// TEST STAND-IN for device-mapper, for machines whose kernel has none (HOST-FACTS):
// a single-segment thick LV is one contiguous run of extents on its PV, so a loop
// device over the PV at `pe_start + first extent × extent size`, limited to the LV's
// size, exposes exactly the bytes device-mapper's linear target would. It is only
// ever used when a test (or an operator flag named as a test stand-in) asks for it;
// the default activator is DeviceMapperActivator. LV snapshots cannot be emulated:
// they stay refused.
import { failedPrecondition } from '../../../common/errors.ts';
import { runChecked } from '../run-process.ts';
import type { Support } from '../volume-driver.ts';
import type { LvActivator, LvLocation } from './lv-activator.ts';
import { parsePvs } from './lvm-report.ts';
import type { LvmRunner } from './lvm-runner.ts';

interface LoopDevice {
  name: string;
  backFile: string;
  offset: number;
  sizelimit: number;
}

/** `losetup --json --list` → the loop devices. */
export function parseLosetup(json: unknown): LoopDevice[] {
  const list = (json as { loopdevices?: unknown } | null)?.loopdevices;
  if (!Array.isArray(list)) return [];
  return list.map((d: Record<string, unknown>) => ({
    name: String(d.name),
    backFile: String(d['back-file'] ?? ''),
    offset: Number(d.offset ?? 0),
    sizelimit: Number(d.sizelimit ?? 0),
  }));
}

const LOSETUP = { timeoutMs: 30_000 };

async function loops(): Promise<LoopDevice[]> {
  const out = await runChecked(
    ['losetup', '--json', '--list', '-O', 'NAME,BACK-FILE,OFFSET,SIZELIMIT'],
    'LOSETUP_FAILED',
    LOSETUP,
  );
  return out.trim() === '' ? [] : parseLosetup(JSON.parse(out));
}

export class TestOnlyLoopStandIn implements LvActivator {
  readonly description = 'TEST STAND-IN: loop device over the PV extents (no device-mapper here)';
  readonly requiresContiguous = true;
  readonly snapshots: Support = {
    supported: false,
    reason: 'device-mapper is missing on this host: LVM snapshots need its snapshot target',
  };
  readonly #runner: LvmRunner;

  constructor(runner: LvmRunner) {
    this.#runner = runner;
  }

  async #where(lv: LvLocation): Promise<{ pv: string; offset: number }> {
    if (lv.ranges.length !== 1) {
      throw failedPrecondition(
        'LV_NOT_CONTIGUOUS',
        `${lv.vg}/${lv.lv} has ${lv.ranges.length} segments; the stand-in maps one`,
      );
    }
    const range = lv.ranges[0]!;
    const pv = parsePvs(await this.#runner.report('pvs', ['-o', 'pv_name,vg_name,pe_start', range.pv])).find(
      (p) => p.name === range.pv,
    );
    if (pv === undefined) throw failedPrecondition('PV_NOT_FOUND', `physical volume ${range.pv} not found`);
    return { pv: range.pv, offset: pv.peStartBytes + range.first * lv.extentSizeBytes };
  }

  async activate(lv: LvLocation): Promise<string> {
    const { pv, offset } = await this.#where(lv);
    const mine = (await loops()).filter((d) => d.backFile === pv && d.offset === offset);
    const exact = mine.find((d) => d.sizelimit === lv.sizeBytes);
    if (exact !== undefined) return exact.name;
    // A device of an older size (the LV grew): detached lazily, it goes when its last user closes it.
    for (const d of mine) await runChecked(['losetup', '-d', d.name], 'LOSETUP_FAILED', LOSETUP);
    const out = await runChecked(
      ['losetup', '--offset', String(offset), '--sizelimit', String(lv.sizeBytes), '--find', '--show', pv],
      'LOSETUP_FAILED',
      LOSETUP,
    );
    return out.trim();
  }

  async deactivate(lv: LvLocation): Promise<void> {
    if (lv.ranges.length !== 1) return;
    const { pv, offset } = await this.#where(lv);
    for (const d of await loops()) {
      if (d.backFile === pv && d.offset === offset)
        await runChecked(['losetup', '-d', d.name], 'LOSETUP_FAILED', LOSETUP);
    }
  }
}
