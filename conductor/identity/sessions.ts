// Token lifecycle in the store: mint at login, check on every call (deleting an
// expired token on sight), sweep the ones nobody presents again.
import { StratoError } from '../../common/errors.ts';
import type { Store } from '../store/store.ts';
import { tokenKey } from './keys.ts';
import { effectiveRole, type Principal, type ProjectRecord, type TokenRecord, type UserRecord } from './model.ts';
import { hashToken, isExpired, looksLikeToken, newToken } from './tokens.ts';

export interface LoginResult {
  token: string;
  expiresAtMs: number;
  user: UserRecord;
  project: ProjectRecord;
}

const tokenInvalid = () =>
  new StratoError('UNAUTHENTICATED', 'TOKEN_INVALID', 'the token is not valid (unknown or revoked); log in again');
const tokenExpired = () => new StratoError('UNAUTHENTICATED', 'TOKEN_EXPIRED', 'the token has expired; log in again');

export async function mintToken(
  store: Store,
  user: UserRecord,
  project: ProjectRecord,
  nowMs: number,
  ttlMs: number,
): Promise<LoginResult> {
  const { token, hash } = newToken();
  const record: TokenRecord = {
    userId: user.id,
    projectId: project.id,
    projectName: project.name,
    issuedAtMs: nowMs,
    expiresAtMs: nowMs + ttlMs,
  };
  await store.create(tokenKey(hash), record);
  return { token, expiresAtMs: record.expiresAtMs, user, project };
}

export async function authenticateToken(
  store: Store,
  token: string,
  nowMs: number,
  getUser: (id: string) => Promise<UserRecord | undefined>,
): Promise<Principal> {
  if (!looksLikeToken(token)) throw tokenInvalid();
  const hash = hashToken(token);
  let entry: Awaited<ReturnType<typeof store.get<TokenRecord>>>;
  try {
    entry = await store.get<TokenRecord>(tokenKey(hash));
  } catch (err) {
    if (err instanceof StratoError && err.code === 'NOT_FOUND') throw tokenInvalid();
    throw err;
  }
  const rec = entry.value;
  if (isExpired(rec, nowMs)) {
    // Lazy clean-up; losing a race with the sweeper or a logout is fine.
    await store.delete(tokenKey(hash), { expectedModRevision: entry.modRevision }).catch(() => {});
    throw tokenExpired();
  }
  const user = await getUser(rec.userId);
  if (!user || user.projectId !== rec.projectId) throw tokenInvalid();
  return {
    userId: user.id,
    userName: user.name,
    projectId: rec.projectId,
    projectName: rec.projectName,
    role: effectiveRole(user.role, rec.projectName),
    tokenHash: hash,
    expiresAtMs: rec.expiresAtMs,
  };
}

export async function sweepExpiredTokens(store: Store, prefix: string, nowMs: number): Promise<number> {
  let swept = 0;
  let pageToken: string | undefined;
  do {
    const page = await store.list<TokenRecord>(prefix, { limit: 1000, ...(pageToken ? { pageToken } : {}) });
    for (const e of page.entries) {
      if (!isExpired(e.value, nowMs)) continue;
      const gone = await store.delete(e.key, { expectedModRevision: e.modRevision }).then(
        () => true,
        () => false,
      );
      if (gone) swept++;
    }
    pageToken = page.nextPageToken;
  } while (pageToken !== undefined);
  return swept;
}
