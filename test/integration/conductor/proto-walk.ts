// Walks request messages from the loaded proto package (the same descriptors
// the server uses), so a test can reach every string field of every RPC
// without listing them by hand: a field added to a proto is covered at once.
import type { PackageDefinition } from '@grpc/proto-loader';
import { type MessageDescriptor, message } from '../../harness/proto-requests.ts';

export type Step = string | number;

export interface StringField {
  /** Where the string lives in a request object, e.g. ['networks', 0, 'fixedIp']. */
  path: Step[];
  /** Proto spelling for messages, e.g. `networks[0].fixed_ip`. */
  label: string;
  /** The top-level field, snake_case (what an error message names). */
  top: string;
  /** A map<string, string>: the bad value goes into an entry's key or value. */
  map?: 'key' | 'value';
}

export interface Rpc {
  service: string;
  method: string;
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  fields: StringField[];
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function resolve(pkg: PackageDefinition, scope: string, owner: MessageDescriptor, typeName: string): MessageDescriptor {
  if (typeName.startsWith('.')) return message(pkg, typeName.slice(1));
  const nested = owner.nestedType.find((n) => n.name === typeName);
  return nested ?? message(pkg, `${scope}.${typeName}`);
}

function walk(
  pkg: PackageDefinition,
  scope: string,
  msg: MessageDescriptor,
  at: Step[],
  label: string,
  top: string,
  depth: number,
): StringField[] {
  const out: StringField[] = [];
  for (const f of msg.field) {
    const repeated = f.label === 'LABEL_REPEATED';
    const name = snake(f.name);
    const here = top || name;
    if (f.type === 'TYPE_STRING') {
      out.push(
        repeated
          ? { path: [...at, f.name, 0], label: `${label}${name}[0]`, top: here }
          : { path: [...at, f.name], label: `${label}${name}`, top: here },
      );
    } else if (f.type === 'TYPE_MESSAGE' && depth < 3) {
      const t = resolve(pkg, scope, msg, f.typeName);
      if (t.options?.mapEntry) {
        const value = t.field.find((x) => x.name === 'value');
        if (value?.type === 'TYPE_STRING') {
          out.push({ path: [...at, f.name], label: `${label}${name} key`, top: here, map: 'key' });
          out.push({ path: [...at, f.name], label: `${label}${name} value`, top: here, map: 'value' });
        }
        continue;
      }
      const step: Step[] = repeated ? [f.name, 0] : [f.name];
      out.push(...walk(pkg, scope, t, [...at, ...step], `${label}${name}${repeated ? '[0]' : ''}.`, here, depth + 1));
    }
  }
  return out;
}

/** Every RPC of `service` (fully qualified) with the string fields of its request. */
export function rpcsOf(pkg: PackageDefinition, service: string): Rpc[] {
  const def = pkg[service] as Record<
    string,
    { path: string; requestStream: boolean; responseStream: boolean; requestType: { type: MessageDescriptor } }
  >;
  const scope = service.slice(0, service.lastIndexOf('.'));
  return Object.entries(def).map(([method, m]) => ({
    service,
    method,
    path: m.path,
    requestStream: m.requestStream,
    responseStream: m.responseStream,
    fields: walk(pkg, scope, message(pkg, `${scope}.${m.requestType.type.name}`), [], '', '', 0),
  }));
}

/** A copy of `base` with `value` put where `field` says. */
export function withValue(base: Record<string, unknown>, field: StringField, value: string): Record<string, unknown> {
  const req = structuredClone(base);
  let node: Record<string | number, unknown> = req;
  const path = field.path;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i]!;
    const nextIsIndex = typeof path[i + 1] === 'number';
    node[step] ??= nextIsIndex ? [] : {};
    if (nextIsIndex && (node[step] as unknown[]).length === 0) {
      // A repeated message with no element in the base request: start one.
      if (i + 2 < path.length) (node[step] as unknown[]).push({});
    }
    node = node[step] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (field.map === 'key') node[last] = { [value]: 'v' };
  else if (field.map === 'value') node[last] = { k: value };
  else node[last] = value;
  return req;
}
