// The public API's one schema layer, as the hook StratoServer applies to every
// call of every public service before its handler (common/grpc/server.ts,
// validateRequest): the request's schema (public-requests.ts) decides, and the
// first problem becomes INVALID_ARGUMENT with the field's reason, a message
// that names the field as the proto spells it (`networks[0].fixed_ip`) and
// details.field. Nothing has happened yet when it refuses, so a refused call
// changes nothing. A reference that can name nothing (too long, control
// characters) answers NOT_FOUND as the domain's lookups do (fields.ts ref).
import type { z } from 'zod';
import { invalidArgument, type StratoError } from '../../../common/errors.ts';
import type { RequestValidation } from '../../../common/grpc/server.ts';
import { refNotFound } from '../../naming/resolve.ts';
import type { RequestSchemas, RuleParams } from './fields.ts';
import { PUBLIC_REQUESTS } from './public-requests.ts';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The proto spelling of an issue's path: ['networks', 0, 'fixedIp'] → `networks[0].fixed_ip`. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += `${out === '' ? '' : '.'}${snake(String(step))}`;
  }
  return out;
}

/** The error for a schema's issue. */
export function issueError(issue: z.core.$ZodIssue): StratoError {
  const field = fieldLabel(issue.path) || 'request';
  const params = issue.code === 'custom' ? (issue.params as Partial<RuleParams> | undefined) : undefined;
  if (params?.notFound) return refNotFound(params.notFound.kind, field, params.notFound.value);
  if (params?.error) return params.error;
  // Only a field of the wrong kind lacks a rule's reason (the strict decoder
  // makes that all but impossible): it is named after the top-level field.
  const reason = params?.reason ?? `${snake(String(issue.path[0] ?? 'request')).toUpperCase()}_INVALID`;
  return invalidArgument(reason, `${field} ${issue.message}`, { details: { field } });
}

/** Throws the error for the first problem of `request` under `schema`. */
export function checkRequest(schema: z.ZodType, request: unknown): void {
  const r = schema.safeParse(request);
  const first = r.error?.issues[0];
  if (first) throw issueError(first);
}

/**
 * A validateRequest hook for StratoServer over `schemas` (by request message
 * name). It fails closed: adding a service with a method whose request has no
 * schema throws, so no public RPC can be served unchecked.
 */
export function requestValidation(schemas: RequestSchemas): RequestValidation {
  return (method, requestType) => {
    const schema = requestType === undefined ? undefined : schemas[requestType];
    if (!schema) throw new Error(`${method.path}: no request schema for ${requestType ?? 'its request'}`);
    return (request) => checkRequest(schema, request);
  };
}

/** The public API's validation: every public request held to its schema. */
export const validatePublicRequest: RequestValidation = requestValidation(PUBLIC_REQUESTS);
