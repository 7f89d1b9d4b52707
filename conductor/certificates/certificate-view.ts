// Every host's certificate record in memory, for the checks that cannot wait for
// the store: a TLS handshake asks synchronously whether the agent's certificate
// may be trusted (agent-dial-guard.ts). Kept by following the store (one listing,
// then a watch from its revision: the cache recipe in store.ts), so revocations
// made by another conductor arrive too; this conductor's own writes are applied
// at once (apply), and each change only if newer than what is held.
import type { Logger } from '../../common/log.ts';
import { followPrefix, type PrefixFollower, storeClosed } from '../store/follow-prefix.ts';
import type { Store } from '../store/store.ts';
import { HOST_CERTIFICATES, type HostCertificatesRecord } from './certificate-record.ts';

interface Held {
  record: HostCertificatesRecord | undefined;
  modRevision: number;
}

export class CertificateView {
  private readonly store: Store;
  private readonly log: Logger;
  private readonly abort = new AbortController();
  /** Host id → its record (undefined: deleted) at a store revision. */
  private readonly held = new Map<string, Held>();
  private started: Promise<void> | undefined;

  constructor(store: Store, log: Logger) {
    this.store = store;
    this.log = log;
  }

  /** The host's record as last seen; undefined when it has none. */
  record(hostId: string): HostCertificatesRecord | undefined {
    return this.held.get(hostId)?.record;
  }

  /** A record written at `modRevision` (ignored when something newer is held). */
  apply(hostId: string, record: HostCertificatesRecord | undefined, modRevision: number): void {
    const cur = this.held.get(hostId);
    if (cur !== undefined && cur.modRevision >= modRevision) return;
    this.held.set(hostId, { record, modRevision });
  }

  /** Starts following (once); resolves after the first listing. */
  start(): Promise<void> {
    if (this.started === undefined) {
      const listed = Promise.withResolvers<void>();
      void this.follow(() => listed.resolve()).finally(() => listed.resolve());
      this.started = listed.promise;
    }
    return this.started;
  }

  close(): void {
    this.abort.abort();
  }

  private async follow(listedOnce: () => void): Promise<void> {
    const follower: PrefixFollower<HostCertificatesRecord> = {
      listed: (entries) => {
        for (const e of entries) this.apply(e.value.hostId, e.value, e.modRevision);
        listedOnce();
      },
      changed: (ev) => {
        const hostId = decodeURIComponent(ev.key.slice(HOST_CERTIFICATES.length));
        this.apply(hostId, ev.type === 'put' ? ev.value : undefined, ev.modRevision);
      },
    };
    await followPrefix(this.store, HOST_CERTIFICATES, follower, {
      signal: this.abort.signal,
      log: this.log,
      brokeMessage: 'certificate view broke; listing again',
      firstRetryMs: 200,
      maxRetryMs: 30_000,
    }).catch((err: unknown) => {
      if (!storeClosed(err)) throw err;
    });
  }
}
