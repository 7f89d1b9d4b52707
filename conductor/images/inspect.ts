// Inspection of an uploaded file: qemu-img with the declared format and a probe
// without one, both under limits, judged by inspect-verdict.ts.
import { judgeImage, type Verdict } from './inspect-verdict.ts';
import type { DiskFormat } from './model.ts';
import { DEFAULT_QEMU_IMG_LIMITS, type QemuImgLimits, qemuImgInfo } from './qemu-img.ts';

export type ImageInspector = (path: string, declared: DiskFormat) => Promise<Verdict>;

export function qemuImgInspector(limits: QemuImgLimits = DEFAULT_QEMU_IMG_LIMITS): ImageInspector {
  return async (path, declared) => {
    const [declaredRun, probeRun] = await Promise.all([
      qemuImgInfo(path, declared, limits),
      qemuImgInfo(path, undefined, limits),
    ]);
    return judgeImage(declared, declaredRun, probeRun);
  };
}
