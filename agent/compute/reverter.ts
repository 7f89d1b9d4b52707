// Undo for multi-step operations (Incus' reverter): each side effect registers its
// undo as soon as it has happened; on failure the undos run in reverse order, each
// one attempted even when an earlier one fails, so a failed spawn leaves nothing.
import type { Logger } from '../../common/log.ts';

interface Undo {
  step: string;
  fn: () => Promise<void> | void;
}

export class Reverter {
  private undos: Undo[] = [];

  add(step: string, fn: () => Promise<void> | void): void {
    this.undos.push({ step, fn });
  }

  /** The steps that would be undone, newest first (for logs and tests). */
  pending(): string[] {
    return this.undos.map((u) => u.step).reverse();
  }

  /** Forget every undo: the operation succeeded. */
  success(): void {
    this.undos = [];
  }

  /** Runs every undo, newest first; returns the steps whose undo failed. */
  async revert(log: Logger): Promise<string[]> {
    const failed: string[] = [];
    const undos = this.undos.reverse();
    this.undos = [];
    for (const u of undos) {
      try {
        await u.fn();
      } catch (err) {
        failed.push(u.step);
        log.error({ step: u.step, err }, 'undo failed');
      }
    }
    return failed;
  }
}
