// Migration procedures (remote_protocol.x): the peer-to-peer perform call that moves a
// domain to another libvirtd, its job's statistics, and the abort of that job. Each
// is one encoder/decoder pair like domain-ops.ts.
import { Limits, Proc } from './procedures.ts';
import { type DomainRef, writeDomain } from './remote-types.ts';
import type { Caller, CallSettings } from './session.ts';
import { decodeTypedParams, encodeTypedParams, type TypedParam, type TypedParams } from './typed-params.ts';

export interface JobStats {
  /** virDomainJobType. */
  type: number;
  stats: TypedParams;
}

/**
 * virDomainMigratePerform3Params in peer-to-peer mode: this libvirtd dials `dconnuri`
 * itself and runs the whole migration; the call returns when it has ended.
 */
export function migratePerform3Params(
  c: Caller,
  dom: DomainRef,
  dconnuri: string,
  params: readonly TypedParam[],
  flags: number,
  s?: CallSettings,
): Promise<void> {
  return c.call(
    Proc.DOMAIN_MIGRATE_PERFORM3_PARAMS,
    'domainMigratePerform3Params',
    (w) => {
      writeDomain(w, dom);
      w.optionalString(dconnuri);
      encodeTypedParams(w, params);
      w.opaque(new Uint8Array(0)); // cookie_in: none in peer-to-peer mode
      w.uint(flags);
    },
    (r) => {
      r.opaque(Limits.MIGRATE_COOKIE_MAX); // cookie_out: unused in peer-to-peer mode
    },
    s,
  );
}

/** virDomainGetJobStats; flags JobStatsFlags (COMPLETED: the last finished job). */
export function getJobStats(c: Caller, dom: DomainRef, flags: number): Promise<JobStats> {
  return c.call(
    Proc.DOMAIN_GET_JOB_STATS,
    'domainGetJobStats',
    (w) => {
      writeDomain(w, dom);
      w.uint(flags);
    },
    (r) => {
      const type = r.int();
      return { type, stats: decodeTypedParams(r, Limits.DOMAIN_JOB_STATS_MAX) };
    },
  );
}

/** virDomainAbortJob: cancels the domain's running job (a migration). */
export function abortJob(c: Caller, dom: DomainRef): Promise<void> {
  return c.call(
    Proc.DOMAIN_ABORT_JOB,
    'domainAbortJob',
    (w) => writeDomain(w, dom),
    () => {},
  );
}
