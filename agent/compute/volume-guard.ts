// What the compute side keeps per volume while the agent runs: a lock (an attach, a
// detach, a spawn or delete touching the volume's secret, and the reconciler's
// clean-up never interleave) and the CHAP password of each volume attached here, in
// memory only. The hypervisor's copy of a password is ephemeral (libvirtd forgets it
// when it restarts); this one lets the agent put it back without the conductor. It is
// never written to disk: after an agent restart it is gone, and a missing secret is
// reported until the conductor sends the attach again (agent/reconcile/).
import { KeyedLock } from './keyed-lock.ts';

export class VolumeGuard {
  readonly #lock = new KeyedLock();
  readonly #passwords = new Map<string, string>();

  /** Runs `fn` holding the locks of `volumeIds`. */
  run<T>(volumeIds: readonly string[], label: string, fn: () => Promise<T>): Promise<T> {
    return this.#lock.runAll(volumeIds, label, fn);
  }

  /** Volumes an operation holds right now. */
  busy(): Set<string> {
    return new Set(this.#lock.held());
  }

  remember(volumeId: string, password: string): void {
    this.#passwords.set(volumeId, password);
  }

  forget(volumeId: string): void {
    this.#passwords.delete(volumeId);
  }

  password(volumeId: string): string | undefined {
    return this.#passwords.get(volumeId);
  }

  /** Volumes whose password this process holds. */
  known(): Set<string> {
    return new Set(this.#passwords.keys());
  }
}
