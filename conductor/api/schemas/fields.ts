// The fields of the public API's requests, each defined once: what a name, a
// description, a reference, an address, a size, a page token … may be. The
// request schemas (one file per service beside this one) are built from them
// and applied to every call at the edge (request-check.ts), so a handler only
// ever sees requests whose every field has its format; the domain keeps the
// rules that need state or several fields (overlaps, states, sources).
//
// Every check here fails with a stable reason carried in the issue's params
// (part of the API: INVALID_ARGUMENT/<reason> with details.field) and a phrase
// that follows the field's name: `name "a b" may hold only …`. Input is quoted
// only through echo(), so no message repeats more than a bound of it.
import { z } from 'zod';
import { echo, isStratoError, type StratoError } from '../../../common/errors.ts';
import { parseDevice } from '../../compute/volume-devices.ts';
import { HOST_ID_RE, isPossibleRef, isUuid, nameProblem, textProblem } from '../../naming/names.ts';
import { parseCidr, parseCidrLenient, parseIp } from '../../network/ipv4.ts';
import { normalizeMac } from '../../network/mac.ts';

/** What a failed check carries besides its message. */
export interface RuleParams {
  /** The error's reason, e.g. NAME_INVALID. */
  reason: string;
  /**
   * Set for a reference that can name nothing: the answer is NOT_FOUND for a
   * resource of this kind (`server` → SERVER_NOT_FOUND), as for one that does
   * not exist, so that a lookup reveals nothing about the naming rules.
   */
  notFound?: { kind: string; value: string };
  /** Set by a domain's own check (domainCheck): its error, as it is. */
  error?: StratoError;
}

/**
 * A check of one value: `problem` says what is wrong with it, as a phrase that
 * follows the field's name, or undefined when it is fine. The first failing
 * check of a field is its only issue.
 */
export function rule<T>(reason: string, problem: (value: T) => string | undefined): z.core.$ZodCheck<T> {
  return z.check<T>((ctx) => {
    const p = problem(ctx.value);
    if (p === undefined) return;
    const params: RuleParams = { reason };
    ctx.issues.push({ code: 'custom', message: p, params, input: ctx.value, continue: false });
  });
}

/**
 * A check by the domain's own validator, for fields whose rules the domain
 * keeps beside a side effect they guard (a certificate's names on openssl's
 * command line): the error it throws is the answer, reason, message and field
 * as the domain wrote them, so the edge and the domain cannot disagree.
 */
export function domainCheck<T>(validate: (value: T) => unknown): z.core.$ZodCheck<T> {
  return z.check<T>((ctx) => {
    try {
      validate(ctx.value);
    } catch (err) {
      if (!isStratoError(err)) throw err;
      const params: RuleParams = { reason: err.reason, error: err };
      ctx.issues.push({ code: 'custom', message: err.message, params, input: ctx.value, continue: false });
    }
  });
}

/** A string field held to `problem`. */
const text = (reason: string, problem: (v: string) => string | undefined) => z.string().check(rule(reason, problem));

/** '' or what `problem` accepts. */
const orEmpty =
  (problem: (v: string) => string | undefined) =>
  (v: string): string | undefined =>
    v === '' ? undefined : problem(v);

const isRequired = rule('FIELD_REQUIRED', (v: string) => (v === '' ? 'is required' : undefined));

/** A required field: '' is FIELD_REQUIRED, anything else is held to `problem` with `reason`. */
export const required = (reason: string, problem: (v: string) => string | undefined) =>
  z.string().check(isRequired, rule(reason, problem));

const namePhrase = (v: string): string | undefined => {
  const p = nameProblem(v);
  return p === undefined ? undefined : `${echo(v)} ${p}`;
};

/** A resource's name (conductor/naming/names.ts says what a name is). */
export const name = text('NAME_INVALID', namePhrase);
/** A name, or '' for none (a port may be unnamed). */
export const optionalName = text('NAME_INVALID', orEmpty(namePhrase));

export const DESCRIPTION_MAX = 255;
/** Free text of at most 255 characters without control characters; '' allowed. */
export const description = text('DESCRIPTION_INVALID', (v) => textProblem(v, DESCRIPTION_MAX));

/** Free text of at most `max` characters without control characters, failing with `reason`. */
export const boundedText = (reason: string, max: number) => text(reason, (v) => textProblem(v, max));

/**
 * A reference `value` that can name no `kind` at all: refused with NOT_FOUND
 * (see RuleParams.notFound), as the domain's lookups would.
 */
function impossibleRef(kind: string, test: (v: string) => boolean): z.core.$ZodCheck<string> {
  return z.check<string>((ctx) => {
    if (ctx.value === '' || test(ctx.value)) return;
    const params: RuleParams = { reason: `${kind.toUpperCase()}_NOT_FOUND`, notFound: { kind, value: ctx.value } };
    ctx.issues.push({ code: 'custom', message: 'not found', params, input: ctx.value, continue: false });
  });
}

/** A reference to a `kind` (server, image …) by id or name: required. */
export const ref = (kind: string) => z.string().check(isRequired, impossibleRef(kind, isPossibleRef));
/** A reference to a `kind`, or '' for none (an optional filter or choice). */
export const optionalRef = (kind: string) => z.string().check(impossibleRef(kind, isPossibleRef));
/** A reference to a `kind` that only ever has an id (a UUID): required. */
export const idRef = (kind: string) => z.string().check(isRequired, impossibleRef(kind, isUuid));

const hostPhrase = (v: string): string | undefined =>
  HOST_ID_RE.test(v) ? undefined : `${echo(v)} is not a host id (a host name of at most 253 characters)`;
/** A reference to a host (hosts are named by their host names): required. */
export const hostRef = z.string().check(
  isRequired,
  impossibleRef('host', (v) => HOST_ID_RE.test(v)),
);
/** A reference to a host, or '' for none (an optional choice of host). */
export const optionalHostRef = z.string().check(impossibleRef('host', (v) => HOST_ID_RE.test(v)));
/** A host id or '' for none. */
export const optionalHostId = (reason: string) => text(reason, orEmpty(hostPhrase));

const ipPhrase = (v: string): string | undefined =>
  parseIp(v) === undefined ? `${echo(v)} is not an IPv4 address` : undefined;
/** An IPv4 address in dotted decimal, or '' for none (or one of `words`, e.g. a gateway's "none"). */
export const optionalIpv4 = (reason: string, ...words: string[]) =>
  text(reason, (v) => (v === '' || words.includes(v) ? undefined : ipPhrase(v)));
/** An IPv4 address: required. */
export const ipv4 = (reason: string) => required(reason, ipPhrase);

/** A subnet's CIDR, `a.b.c.d/n` (whether its host bits are clear is the domain's to say, with a suggestion). */
export const cidr = required('CIDR_INVALID', (v) => {
  const r = parseCidr(v);
  return r.ok || r.problem === 'host-bits' ? undefined : `${echo(v)} is not an IPv4 CIDR like 10.0.0.0/24`;
});
/** A rule's remote prefix: a CIDR (host bits are cleared) or a bare address (a /32), or '' for none. */
export const optionalPrefix = (reason: string) =>
  text(
    reason,
    orEmpty((v) => (parseCidrLenient(v) === undefined ? `${echo(v)} is not an IPv4 CIDR` : undefined)),
  );

/** A MAC address (any case, ':' or '-'), or '' for a generated one. */
export const optionalMac = text(
  'MAC_INVALID',
  orEmpty((v) => {
    try {
      normalizeMac(v);
      return undefined;
    } catch (err) {
      // normalizeMac says why (syntax, multicast, zeros) after the field's name.
      return (err as Error).message.replace(/^mac_address /, '');
    }
  }),
);

/** A volume's device on a server: '' (the first free), vdc … vdz or /dev/vdX. */
export const volumeDevice = text('DEVICE_INVALID', (v) => {
  try {
    parseDevice(v);
    return undefined;
  } catch {
    return `${echo(v)} must be one of vdc … vdz (or '')`;
  }
});

/** One of `values` (or '' with `empty`); the values are its examples (for generated requests). */
export function oneOf(reason: string, values: readonly string[], options: { empty?: boolean; anyCase?: boolean } = {}) {
  const allowed = new Set(options.anyCase ? values.map((v) => v.toLowerCase()) : values);
  const list = `${values.join(', ')}${options.empty ? " (or '')" : ''}`;
  return text(reason, (v) => {
    if (options.empty && v === '') return undefined;
    return allowed.has(options.anyCase ? v.toLowerCase() : v) ? undefined : `must be one of ${list}, got ${echo(v)}`;
  }).meta({ examples: [...values] });
}

/** An integer from `min` to `max` (proto integers arrive as numbers). */
export const int = (reason: string, min: number, max: number) =>
  z
    .number()
    .check(
      rule(reason, (v: number) =>
        Number.isInteger(v) && v >= min && v <= max ? undefined : `must be ${min} to ${max}, got ${v}`,
      ),
    );

/** 0 (the default) or an integer from `min` to `max`. */
export const intOrZero = (reason: string, min: number, max: number) =>
  z
    .number()
    .check(
      rule(reason, (v: number) =>
        v === 0 || (Number.isInteger(v) && v >= min && v <= max)
          ? undefined
          : `must be 0 or ${min} to ${max}, got ${v}`,
      ),
    );

/** A proto3 `optional` integer: absent, or from `min` to `max`. */
export const optionalInt = (reason: string, min: number, max: number) => int(reason, min, max).optional();

/** Page size: 0 means the default (100); above the maximum (1000) is capped, not refused. */
export const pageSize = z
  .number()
  .check(
    rule('PAGE_SIZE_INVALID', (v: number) => (Number.isInteger(v) && v >= 0 ? undefined : `must be >= 0, got ${v}`)),
  );

/** A store page token is base64url of the last key (at most 1024 bytes) and a version. */
const PAGE_TOKEN = /^[A-Za-z0-9_-]{1,2048}$/;
/** '' (the first page) or a token a listing returned; which listing it belongs to the store checks. */
export const pageToken = text(
  'PAGE_TOKEN_INVALID',
  orEmpty((v) => (PAGE_TOKEN.test(v) ? undefined : 'is not a token from a listing')),
);

export const bool = z.boolean();

/** A list of at most `max` items, failing with `reason` beyond. */
export const list = <T extends z.ZodType>(item: T, reason: string, max: number) =>
  z.array(item).check(rule(reason, (v: unknown[]) => (v.length <= max ? undefined : `takes at most ${max} items`)));

/** Bytes of at most `max`, failing with `reason` beyond. */
export const bytes = (reason: string, max: number) =>
  z
    .instanceof(Uint8Array)
    .check(
      rule(reason, (v: Uint8Array) => (v.length <= max ? undefined : `is ${v.length} bytes; the limit is ${max}`)),
    );

/** Bytes bounded only by the port's message limit (an upload chunk). */
export const chunk = z.instanceof(Uint8Array);

/**
 * A string map whose keys are 1 to `keyMax` characters and values at most
 * `valueMax`, neither with control characters, and at most `items` entries.
 */
export const labels = (reason: string, bounds: { items: number; keyMax: number; valueMax: number }) =>
  z.record(z.string(), z.string()).check(
    rule(reason, (md: Record<string, string>) => {
      const entries = Object.entries(md);
      if (entries.length > bounds.items) return `takes at most ${bounds.items} items, got ${entries.length}`;
      for (const [k, v] of entries) {
        if (k.length === 0 || k.length > bounds.keyMax)
          return `keys must be 1 to ${bounds.keyMax} characters: ${echo(k)}`;
        if (v.length > bounds.valueMax) return `values must be at most ${bounds.valueMax} characters: ${echo(k)}`;
        const bad = [k, v].find((t) => textProblem(t, Number.POSITIVE_INFINITY) !== undefined);
        if (bad !== undefined) return `keys and values must not contain control characters: ${echo(bad)}`;
      }
      return undefined;
    }),
  );

// Linux interface names: at most 15 characters, no '/', whitespace or ':'.
const IFNAME = /^[A-Za-z0-9_.-]{1,15}$/;
/** An operator's Linux interface (a flat network's bridge), or '' for none. */
export const optionalInterface = (reason: string) =>
  text(
    reason,
    orEmpty((v) =>
      IFNAME.test(v) && v !== '.' && v !== '..' ? undefined : `${echo(v)} is not a Linux interface name`,
    ),
  );

/** The schemas of a service's requests, by the request message's fully qualified name. */
export type RequestSchemas = Readonly<Record<string, z.ZodObject>>;
