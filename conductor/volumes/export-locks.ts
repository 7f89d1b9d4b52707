// One export change at a time per storage host, in this conductor: a reconcile
// pass reads the attachment records and applies them while holding the host's
// lock, and an attach or detach holds it around its own export change. Without
// it a pass that read the records just before an attach was recorded would
// remove that attach's fresh export (and cut its session) a moment later.
export class ExportLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `f` once every earlier holder of `hostId`'s lock is done. */
  async run<T>(hostId: string, f: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(hostId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => {
      release = r;
    });
    const tail = prev.then(() => mine);
    this.tails.set(hostId, tail);
    await prev;
    try {
      return await f();
    } finally {
      release();
      if (this.tails.get(hostId) === tail) this.tails.delete(hostId);
    }
  }
}
