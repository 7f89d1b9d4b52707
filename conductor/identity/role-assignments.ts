// Role assignments: which roles a user holds in a project. One record per
// (user, project) pair, kept under two keys written in one transaction (by
// user, by project; keys.ts), changed only with compare-and-swap so concurrent
// grants and revocations of one pair never lose each other.
import { notFound, StratoError } from '../../common/errors.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listAll } from '../store/list-all.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Compare, Entry, Op, Store } from '../store/store.ts';
import {
  ASSIGNMENTS,
  assignmentKey,
  projectKey,
  projectMemberKey,
  projectMembersPrefix,
  userAssignmentsPrefix,
  userKey,
} from './keys.ts';
import { ROLES, type Role, type RoleAssignmentRecord } from './model.ts';

/** Attempts at a compare-and-swap before giving up with ABORTED. */
const MAX_ATTEMPTS = 32;

export interface AssignmentFilter {
  userId?: string;
  projectId?: string;
}

export class RoleAssignments {
  private readonly store: Store;
  private readonly now: () => string;

  constructor(store: Store, now: () => string) {
    this.store = store;
    this.now = now;
  }

  get(userId: string, projectId: string): Promise<Entry<RoleAssignmentRecord> | undefined> {
    return getOrUndefined<RoleAssignmentRecord>(this.store, assignmentKey(userId, projectId));
  }

  /** The roles `userId` holds in `projectId` ([] for none). */
  async rolesOf(userId: string, projectId: string): Promise<Role[]> {
    return (await this.get(userId, projectId))?.value.roles ?? [];
  }

  /** Writes `rec` under both its keys (a new pair, or a changed one). */
  writeOps(rec: RoleAssignmentRecord): Op[] {
    return [
      { kind: 'put', key: assignmentKey(rec.userId, rec.projectId), value: rec },
      { kind: 'put', key: projectMemberKey(rec.projectId, rec.userId), value: rec },
    ];
  }

  deleteOps(userId: string, projectId: string): Op[] {
    return [
      { kind: 'delete', key: assignmentKey(userId, projectId) },
      { kind: 'delete', key: projectMemberKey(projectId, userId) },
    ];
  }

  /** A record granting `roles`, in ROLES order. */
  record(userId: string, projectId: string, roles: readonly Role[]): RoleAssignmentRecord {
    return { userId, projectId, roles: ROLES.filter((r) => roles.includes(r)), updatedAt: this.now() };
  }

  /**
   * Grants `role` to the user in the project. Idempotent (a role already held
   * changes nothing). Errors: NOT_FOUND (USER_NOT_FOUND, PROJECT_NOT_FOUND) when
   * either is deleted meanwhile.
   */
  async add(userId: string, projectId: string, role: Role): Promise<RoleAssignmentRecord> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const cur = await this.get(userId, projectId);
      if (cur?.value.roles.includes(role)) return cur.value;
      const rec = this.record(userId, projectId, [...(cur?.value.roles ?? []), role]);
      const res = await this.store.txn(
        [
          { kind: 'exists', key: userKey(userId) },
          { kind: 'exists', key: projectKey(projectId) },
          sameAs(assignmentKey(userId, projectId), cur),
        ],
        this.writeOps(rec),
      );
      if (res.succeeded) return rec;
      if (res.failed.index === 0) throw notFound('USER_NOT_FOUND', `user ${userId} not found`);
      if (res.failed.index === 1) throw notFound('PROJECT_NOT_FOUND', `project ${projectId} not found`);
    }
    throw contended(userId, projectId);
  }

  /**
   * Revokes `role` (the pair's record goes with its last role). `guard` adds
   * compares that must hold as the change commits (e.g. another cloud admin
   * remains); it is asked again on every attempt. Errors: NOT_FOUND
   * (ROLE_ASSIGNMENT_NOT_FOUND) when the user does not hold the role there.
   */
  async remove(userId: string, projectId: string, role: Role, guard?: () => Promise<Compare[]>): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const cur = await this.get(userId, projectId);
      if (!cur?.value.roles.includes(role)) {
        throw notFound('ROLE_ASSIGNMENT_NOT_FOUND', `the user does not hold role ${role} in that project`, {
          details: { role },
        });
      }
      const rest = cur.value.roles.filter((r) => r !== role);
      const ops = rest.length ? this.writeOps(this.record(userId, projectId, rest)) : this.deleteOps(userId, projectId);
      const compares = [sameAs(cur.key, cur), ...((await guard?.()) ?? [])];
      if ((await this.store.txn(compares, ops)).succeeded) return;
    }
    throw contended(userId, projectId);
  }

  /** Assignments by user (with `userId`) or by project, or all, as records of pairs. */
  list(filter: AssignmentFilter, req: PageRequest): Promise<Page<RoleAssignmentRecord>> {
    const pick = (e: Entry<RoleAssignmentRecord>) => e.value;
    if (filter.userId !== undefined) {
      const prefix = userAssignmentsPrefix(filter.userId);
      if (filter.projectId === undefined) return listPage(this.store, prefix, req, pick);
      const only = filter.projectId;
      return listPage(this.store, prefix, req, (e: Entry<RoleAssignmentRecord>) =>
        e.value.projectId === only ? e.value : undefined,
      );
    }
    if (filter.projectId !== undefined) return listPage(this.store, projectMembersPrefix(filter.projectId), req, pick);
    return listPage(this.store, ASSIGNMENTS, req, pick);
  }

  /** Every pair of one user (to delete with the user). */
  async ofUser(userId: string): Promise<RoleAssignmentRecord[]> {
    return (await listAll<RoleAssignmentRecord>(this.store, userAssignmentsPrefix(userId))).entries.map((e) => e.value);
  }

  /** Every pair in one project, with their by-project entries (their modRevisions are the pair's). */
  async ofProject(projectId: string): Promise<Entry<RoleAssignmentRecord>[]> {
    return (await listAll<RoleAssignmentRecord>(this.store, projectMembersPrefix(projectId))).entries;
  }
}

/** Holds only if `key` is still as `seen` (absent when `seen` is undefined). */
function sameAs(key: string, seen: Entry<unknown> | undefined): Compare {
  return seen ? { kind: 'modRevision', key, modRevision: seen.modRevision } : { kind: 'absent', key };
}

function contended(userId: string, projectId: string): StratoError {
  return new StratoError(
    'ABORTED',
    'ROLE_ASSIGNMENT_CONTENDED',
    `the roles of user ${userId} in project ${projectId} kept changing under concurrent calls; retry`,
  );
}
