// virTypedParameter lists (remote_typed_param): a field name, then a union keyed by an
// int type. Used by all-domain stats, where names are flat (`vcpu.0.time`, `block.count`).
import { internal } from '../../../common/errors.ts';
import type { XdrReader, XdrWriter } from './xdr.ts';

export const TypedParamType = {
  INT: 1,
  UINT: 2,
  LLONG: 3,
  ULLONG: 4,
  DOUBLE: 5,
  BOOLEAN: 6,
  STRING: 7,
} as const;

/** 64-bit values become numbers when exact, BigInt otherwise (byte counters can pass 2^53). */
export type TypedParamValue = number | bigint | boolean | string;
export type TypedParams = Record<string, TypedParamValue>;

function exact(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

export function decodeTypedParamValue(r: XdrReader): TypedParamValue {
  const type = r.int();
  switch (type) {
    case TypedParamType.INT:
      return r.int();
    case TypedParamType.UINT:
      return r.uint();
    case TypedParamType.LLONG:
      return exact(r.hyper());
    case TypedParamType.ULLONG:
      return exact(r.uhyper());
    case TypedParamType.DOUBLE:
      return r.double();
    case TypedParamType.BOOLEAN:
      return r.int() !== 0;
    case TypedParamType.STRING:
      return r.string();
    default:
      // The union has no default arm: an unknown type leaves the rest unreadable.
      throw internal('LIBVIRT_BAD_TYPED_PARAM', `unknown typed parameter type ${type}`);
  }
}

/** Decodes a whole `remote_typed_param<>` array into a plain object. */
export function decodeTypedParams(r: XdrReader, max?: number): TypedParams {
  const out: TypedParams = {};
  const n = r.uint();
  if (max !== undefined && n > max) throw internal('XDR_TOO_LONG', `${n} typed parameters exceed limit ${max}`);
  for (let i = 0; i < n; i++) {
    const field = r.string();
    out[field] = decodeTypedParamValue(r);
  }
  return out;
}

export interface TypedParam {
  field: string;
  type: (typeof TypedParamType)[keyof typeof TypedParamType];
  value: TypedParamValue;
}

/** Encoder, for procedures that take typed params and for round-trip tests. */
export function encodeTypedParams(w: XdrWriter, params: readonly TypedParam[]): void {
  w.array(params, (w, p) => {
    w.string(p.field).int(p.type);
    const v = p.value;
    switch (p.type) {
      case TypedParamType.INT:
        w.int(Number(v));
        break;
      case TypedParamType.UINT:
        w.uint(Number(v));
        break;
      case TypedParamType.LLONG:
        w.hyper(BigInt(v as number | bigint));
        break;
      case TypedParamType.ULLONG:
        w.uhyper(BigInt(v as number | bigint));
        break;
      case TypedParamType.DOUBLE:
        w.double(Number(v));
        break;
      case TypedParamType.BOOLEAN:
        w.int(v ? 1 : 0);
        break;
      case TypedParamType.STRING:
        w.string(String(v));
        break;
    }
  });
}
