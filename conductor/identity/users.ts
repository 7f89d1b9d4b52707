// Users: a name, a password (scrypt, password.ts), a default project and an
// enabled flag; what a user may do comes from its role assignments. A user is
// created with a role in its default project in one transaction. Disabling a
// user, changing its password or deleting it ends its tokens at once
// (authentication reads the user on every call); the last enabled cloud admin
// can be neither disabled nor deleted (cloud-admins.ts).
import { randomUUID } from 'node:crypto';
import { alreadyExists, invalidArgument, notFound, StratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import { validateName } from '../naming/names.ts';
import { resolveRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Compare, Entry, Op, Store } from '../store/store.ts';
import { otherCloudAdmins } from './cloud-admins.ts';
import { type NameIndex, projectKey, projectMembersPrefix, USERS, userKey, userNameKey } from './keys.ts';
import { ADMIN_PROJECT, isEnabled, ROLES, type Role, type RoleAssignmentRecord, type UserRecord } from './model.ts';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './password.ts';
import type { Projects } from './projects.ts';
import type { RoleAssignments } from './role-assignments.ts';

export interface CreateUserInput {
  name: string;
  password: string;
  /** Project name or id: the default project, where the user gets `role`. */
  project: string;
  /** '' means member. */
  role: string;
}

export interface UserChange {
  name?: string;
  password?: string;
  enabled?: boolean;
  /** Name or id of the new default project. */
  project?: string;
}

export interface UsersOptions {
  store: Store;
  clock: () => number;
  log: Logger;
  projects: Projects;
  assignments: RoleAssignments;
  /** What goes once a user is deleted (its key pairs); a failure there is logged. */
  removed: (userId: string) => Promise<void>;
}

/** Pairs deleted in the user's own transaction (2 ops each, within the store's 128). */
const PAIRS_IN_TXN = 50;

/**
 * The role named by `value` ('' = `empty`, when given), else
 * INVALID_ARGUMENT/ROLE_INVALID naming `field`.
 */
export function parseRole(value: string, empty?: Role, field = 'role'): Role {
  const role = (value === '' && empty ? empty : value) as Role;
  if (!ROLES.includes(role)) {
    throw invalidArgument('ROLE_INVALID', `${field} must be one of ${ROLES.join(', ')}`, { details: { field } });
  }
  return role;
}

export function validatePassword(value: unknown, field = 'password'): string {
  const password = typeof value === 'string' ? value : '';
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw invalidArgument('PASSWORD_INVALID', `${field} must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long`, {
      details: { field },
    });
  }
  return password;
}

export class Users {
  private readonly o: UsersOptions;

  constructor(o: UsersOptions) {
    this.o = o;
  }

  private now(): string {
    return new Date(this.o.clock()).toISOString();
  }

  async create(input: CreateUserInput): Promise<{ user: UserRecord; role: Role }> {
    const name = validateName('name', input.name);
    const password = validatePassword(input.password);
    const role = parseRole(input.role, 'member');
    const project = await this.o.projects.get(input.project);
    const user: UserRecord = {
      id: randomUUID(),
      name,
      projectId: project.id,
      enabled: true,
      passwordHash: await hashPassword(password),
      createdAt: this.now(),
    };
    const res = await this.o.store.txn(
      [{ kind: 'exists', key: projectKey(project.id) }],
      [
        { kind: 'create', key: userKey(user.id), value: user },
        { kind: 'create', key: userNameKey(name), value: { id: user.id } satisfies NameIndex },
        ...this.o.assignments.writeOps(this.o.assignments.record(user.id, project.id, [role])),
      ],
    );
    if (!res.succeeded) {
      if (res.failed.source === 'compare') throw notFound('PROJECT_NOT_FOUND', `project ${input.project} not found`);
      throw alreadyExists('USER_EXISTS', `user ${name} already exists`, { details: { name } });
    }
    this.o.log.info({ userId: user.id, user: name, projectId: project.id, role }, 'user created');
    return { user, role };
  }

  async getById(id: string): Promise<UserRecord | undefined> {
    return (await this.entry(id))?.value;
  }

  private entry(id: string): Promise<Entry<UserRecord> | undefined> {
    return getOrUndefined<UserRecord>(this.o.store, userKey(id));
  }

  async findByName(name: string): Promise<UserRecord | undefined> {
    const idx = (await getOrUndefined<NameIndex>(this.o.store, userNameKey(name)))?.value;
    return idx ? this.getById(idx.id) : undefined;
  }

  /** By name or id. Errors: NOT_FOUND/USER_NOT_FOUND naming `field`. */
  get(ref: unknown, field = 'user'): Promise<UserRecord> {
    return resolveRef(field, ref, {
      kind: 'user',
      byId: (id) => this.getById(id),
      byName: async (name) => {
        const u = await this.findByName(name);
        return u ? [u] : [];
      },
      idOf: (u) => u.id,
    });
  }

  /** Every user in id order, or those holding a role in `projectId` (in their id order). */
  list(req: PageRequest, projectId?: string): Promise<Page<UserRecord>> {
    if (projectId === undefined) return listPage<UserRecord, UserRecord>(this.o.store, USERS, req, (e) => e.value);
    return listPage<RoleAssignmentRecord, UserRecord>(this.o.store, projectMembersPrefix(projectId), req, (e) =>
      this.getById(e.value.userId),
    );
  }

  /** Whether the user holds admin in the admin project (is a cloud admin when enabled). */
  async isCloudAdmin(userId: string): Promise<boolean> {
    const admin = await this.o.projects.findByName(ADMIN_PROJECT);
    return admin !== undefined && (await this.o.assignments.rolesOf(userId, admin.id)).includes('admin');
  }

  /** Compares keeping another cloud admin, when `userId` is one (else none). */
  async keepAnotherCloudAdmin(userId: string): Promise<Compare[]> {
    const admin = await this.o.projects.findByName(ADMIN_PROJECT);
    if (!admin || !(await this.o.assignments.rolesOf(userId, admin.id)).includes('admin')) return [];
    return otherCloudAdmins(this.o.store, this.o.assignments, admin.id, userId);
  }

  /**
   * Changes a user (absent fields are kept). A new password or disabling ends
   * the user's tokens. Errors: NOT_FOUND (USER_NOT_FOUND, PROJECT_NOT_FOUND);
   * INVALID_ARGUMENT (NAME_INVALID, PASSWORD_INVALID); ALREADY_EXISTS
   * (USER_EXISTS); FAILED_PRECONDITION (LAST_CLOUD_ADMIN).
   */
  async update(ref: unknown, change: UserChange): Promise<UserRecord> {
    const name = change.name === undefined ? undefined : validateName('name', change.name);
    const passwordHash =
      change.password === undefined ? undefined : await hashPassword(validatePassword(change.password));
    const project = change.project === undefined ? undefined : await this.o.projects.get(change.project);
    for (let attempt = 0; attempt < 16; attempt++) {
      const cur = await this.get(ref);
      const entry = await this.entry(cur.id);
      if (!entry) continue;
      const old = entry.value;
      const disabling = change.enabled === false && isEnabled(old);
      const next: UserRecord = {
        ...old,
        ...(name === undefined ? {} : { name }),
        ...(passwordHash === undefined ? {} : { passwordHash }),
        ...(change.enabled === undefined ? {} : { enabled: change.enabled }),
        ...(project === undefined ? {} : { projectId: project.id }),
        updatedAt: this.now(),
      };
      if (passwordHash !== undefined || disabling) next.tokenEpoch = (old.tokenEpoch ?? 0) + 1;
      const compares: Compare[] = [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }];
      if (project) compares.push({ kind: 'exists', key: projectKey(project.id) });
      if (disabling) compares.push(...(await this.keepAnotherCloudAdmin(old.id)));
      const ops: Op[] = [{ kind: 'put', key: entry.key, value: next }];
      if (next.name !== old.name) {
        ops.push({ kind: 'delete', key: userNameKey(old.name) });
        ops.push({ kind: 'create', key: userNameKey(next.name), value: { id: old.id } satisfies NameIndex });
      }
      const res = await this.o.store.txn(compares, ops);
      if (res.succeeded) {
        this.o.log.info(
          {
            userId: old.id,
            renamed: next.name !== old.name,
            passwordChanged: passwordHash !== undefined,
            enabled: isEnabled(next),
          },
          'user updated',
        );
        return next;
      }
      if (res.failed.source === 'op') {
        throw alreadyExists('USER_EXISTS', `user ${next.name} already exists`, { details: { name: next.name } });
      }
    }
    throw contended();
  }

  /**
   * Deletes a user with its role assignments; its tokens stop at once.
   * Errors: NOT_FOUND; FAILED_PRECONDITION (LAST_CLOUD_ADMIN).
   */
  async delete(ref: unknown): Promise<UserRecord> {
    for (let attempt = 0; attempt < 16; attempt++) {
      const cur = await this.get(ref);
      const entry = await this.entry(cur.id);
      if (!entry) continue;
      const pairs = await this.o.assignments.ofUser(cur.id);
      const guard = await this.keepAnotherCloudAdmin(cur.id);
      const res = await this.o.store.txn(
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }, ...guard],
        [
          { kind: 'delete', key: entry.key },
          { kind: 'delete', key: userNameKey(cur.name) },
          ...pairs.slice(0, PAIRS_IN_TXN).flatMap((a) => this.o.assignments.deleteOps(a.userId, a.projectId)),
        ],
      );
      if (!res.succeeded) continue;
      // A user in more projects than one transaction holds: the rest now (they grant nothing without the user).
      for (const a of pairs.slice(PAIRS_IN_TXN)) {
        await this.o.store.txn([], this.o.assignments.deleteOps(a.userId, a.projectId));
      }
      await this.o
        .removed(cur.id)
        .catch((err: unknown) => this.o.log.warn({ err, userId: cur.id }, 'what a deleted user owned not removed'));
      this.o.log.info({ userId: cur.id, user: cur.name }, 'user deleted');
      return cur;
    }
    throw contended();
  }
}

function contended(): StratoError {
  return new StratoError('ABORTED', 'USER_CONTENDED', 'the user kept changing under concurrent calls; retry');
}
