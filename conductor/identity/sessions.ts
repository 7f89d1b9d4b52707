// Token lifecycle in the store: mint at login, check on every call (deleting an
// expired token on sight), sweep the ones nobody presents again. A token is
// good only while its user exists, is enabled and has not had its tokens ended
// since (password change, disabling), and while the user still holds a role in
// the token's project: each of these is read on every call, so taking any of
// them away ends the token at once.
import { StratoError } from '../../common/errors.ts';
import type { Store } from '../store/store.ts';
import { tokenKey } from './keys.ts';
import {
  effectiveRole,
  isEnabled,
  type Principal,
  type ProjectRecord,
  type Role,
  type TokenRecord,
  type UserRecord,
} from './model.ts';
import { hashToken, isExpired, looksLikeToken, newToken } from './tokens.ts';

export interface LoginResult {
  token: string;
  expiresAtMs: number;
  user: UserRecord;
  project: ProjectRecord;
  /** The effective role in the project. */
  role: Role;
}

/** What authentication reads besides the token. */
export interface TokenFacts {
  user(id: string): Promise<UserRecord | undefined>;
  project(id: string): Promise<ProjectRecord | undefined>;
  roles(userId: string, projectId: string): Promise<Role[]>;
}

const tokenInvalid = () =>
  new StratoError('UNAUTHENTICATED', 'TOKEN_INVALID', 'the token is not valid (unknown or revoked); log in again');
const tokenExpired = () => new StratoError('UNAUTHENTICATED', 'TOKEN_EXPIRED', 'the token has expired; log in again');

export async function mintToken(
  store: Store,
  user: UserRecord,
  project: ProjectRecord,
  role: Role,
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
    userEpoch: user.tokenEpoch ?? 0,
  };
  await store.create(tokenKey(hash), record);
  return { token, expiresAtMs: record.expiresAtMs, user, project, role };
}

export async function authenticateToken(
  store: Store,
  token: string,
  nowMs: number,
  facts: TokenFacts,
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
  const [user, project, roles] = await Promise.all([
    facts.user(rec.userId),
    facts.project(rec.projectId),
    facts.roles(rec.userId, rec.projectId),
  ]);
  if (!user || !isEnabled(user) || (rec.userEpoch ?? 0) !== (user.tokenEpoch ?? 0)) throw tokenInvalid();
  // The admin project's name never changes, so the token's copy decides the cloud-admin check.
  const role = project ? effectiveRole(roles, rec.projectName) : undefined;
  if (!project || role === undefined) throw tokenInvalid();
  return {
    userId: user.id,
    userName: user.name,
    projectId: project.id,
    projectName: project.name,
    role,
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
