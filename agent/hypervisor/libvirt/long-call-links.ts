// Which connection to libvirtd a long call goes on: a domain start or destroy lasts
// as long as QEMU takes to come up or go away. libvirtd serves at most
// max_client_requests calls of one connection at once (5 by default) and queues the
// rest, so with one link the sixth of ten concurrent boots or deletes waited for the
// first five: bench/server-create.bench.ts measured 10 concurrent deletes at 1.5× the
// floor's ten separate virsh processes (2026-12-03), and at 0.6× with libvirtd's limit
// raised. The agent cannot assume an operator raised it, so it spreads these calls over
// a few links, each picked with the fewest long calls in flight. Short calls and the
// domain events stay on the main link.
import type { LibvirtClient } from './libvirt-client.ts';

export class LongCallLinks {
  readonly #links: readonly LibvirtClient[];
  readonly #inFlight: number[];

  /** `links[0]` is the main link; any others carry only long calls. */
  constructor(links: readonly LibvirtClient[]) {
    if (links.length === 0) throw new Error('LongCallLinks needs at least one link');
    this.#links = links;
    this.#inFlight = links.map(() => 0);
  }

  /** Runs `call` on the link with the fewest long calls in flight (the earliest on a tie). */
  async run<T>(call: (link: LibvirtClient) => Promise<T>): Promise<T> {
    let i = 0;
    for (let j = 1; j < this.#links.length; j++) if (this.#inFlight[j]! < this.#inFlight[i]!) i = j;
    this.#inFlight[i]!++;
    try {
      return await call(this.#links[i]!);
    } finally {
      this.#inFlight[i]!--;
    }
  }

  /** How many long calls each link carries now (for tests). */
  inFlight(): readonly number[] {
    return [...this.#inFlight];
  }
}
