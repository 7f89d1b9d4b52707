// The store's errors in one place, so every backend raises byte-identical codes,
// reasons and details (the conformance suite checks them).
import { StratoError } from '../../common/errors.ts';

export const keyNotFound = (key: string): StratoError =>
  new StratoError('NOT_FOUND', 'KEY_NOT_FOUND', `key ${key} does not exist`, { details: { key } });

export const keyExists = (key: string, modRevision: number): StratoError =>
  new StratoError('ALREADY_EXISTS', 'KEY_EXISTS', `key ${key} already exists`, {
    details: { key, modRevision: String(modRevision) },
  });

export const revisionMismatch = (key: string, expected: number, actual: number): StratoError =>
  new StratoError(
    'ABORTED',
    'REVISION_MISMATCH',
    `key ${key} was modified concurrently (expected modRevision ${expected}, found ${actual}); re-read and retry`,
    { details: { key, expected: String(expected), actual: String(actual) } },
  );

export const revisionCompacted = (requested: number, compactRevision: number): StratoError =>
  new StratoError(
    'OUT_OF_RANGE',
    'REVISION_COMPACTED',
    `revision ${requested} has been compacted (history starts at ${compactRevision}); list again and watch from the listed revision`,
    { details: { requested: String(requested), compactRevision: String(compactRevision) } },
  );

export const revisionInFuture = (requested: number, revision: number): StratoError =>
  new StratoError(
    'OUT_OF_RANGE',
    'REVISION_IN_FUTURE',
    `revision ${requested} is after the current revision ${revision}`,
    {
      details: { requested: String(requested), revision: String(revision) },
    },
  );

export const invalid = (reason: string, message: string, details: Record<string, string> = {}): StratoError =>
  new StratoError('INVALID_ARGUMENT', reason, message, { details });

export const storeClosed = (): StratoError => new StratoError('UNAVAILABLE', 'STORE_CLOSED', 'the store is closed');
