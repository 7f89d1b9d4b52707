// Projects: who owns what. A project is created with what every project has
// from its first moment (its default security group, handed in as store ops
// by the composition root) in one transaction, and deleted only when no domain
// reports anything it still owns (project-holdings.ts); its role assignments
// go with it, so its tokens stop working at once.
import { randomUUID } from 'node:crypto';
import { alreadyExists, failedPrecondition, isStratoError, notFound, StratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import { validateName, validateText } from '../naming/names.ts';
import { resolveRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listAll } from '../store/list-all.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Compare, Entry, Op, Store } from '../store/store.ts';
import { type NameIndex, PROJECTS, projectKey, projectNameKey, userAssignmentsPrefix } from './keys.ts';
import { ADMIN_PROJECT, type ProjectRecord, type RoleAssignmentRecord } from './model.ts';
import { holdingsOf, type ProjectHoldings, projectNotEmpty } from './project-holdings.ts';
import type { RoleAssignments } from './role-assignments.ts';

export const DESCRIPTION_MAX = 255;

/** What goes with a deleted project besides its records (its default security group). */
export interface ProjectRemoval {
  compares: Compare[];
  ops: Op[];
}

export interface ProjectsOptions {
  store: Store;
  now: () => string;
  log: Logger;
  assignments: RoleAssignments;
  /** Ops written in the project's own creation transaction. */
  createOps: (projectId: string) => Op[];
  /** What to remove with the project; may throw FAILED_PRECONDITION when that is still in use. */
  removal: (projectId: string) => Promise<ProjectRemoval>;
}

export interface ProjectChange {
  name?: string;
  description?: string;
}

const protectedProject = (what: string) =>
  failedPrecondition('PROJECT_PROTECTED', `project ${ADMIN_PROJECT} holds the cloud admins and cannot be ${what}`);

export class Projects {
  private readonly o: ProjectsOptions;

  constructor(o: ProjectsOptions) {
    this.o = o;
  }

  async create(nameIn: unknown, descriptionIn: unknown = ''): Promise<ProjectRecord> {
    const name = validateName('name', nameIn);
    const description = validateText('description', descriptionIn, DESCRIPTION_MAX);
    const project: ProjectRecord = { id: randomUUID(), name, description, createdAt: this.o.now() };
    const res = await this.o.store.txn(
      [],
      [
        { kind: 'create', key: projectKey(project.id), value: project },
        { kind: 'create', key: projectNameKey(name), value: { id: project.id } satisfies NameIndex },
        ...this.o.createOps(project.id),
      ],
    );
    if (!res.succeeded) {
      throw alreadyExists('PROJECT_EXISTS', `project ${name} already exists`, { details: { name } });
    }
    this.o.log.info({ projectId: project.id, project: name }, 'project created');
    return project;
  }

  async getById(id: string): Promise<ProjectRecord | undefined> {
    return (await this.entry(id))?.value;
  }

  private entry(id: string): Promise<Entry<ProjectRecord> | undefined> {
    return getOrUndefined<ProjectRecord>(this.o.store, projectKey(id));
  }

  async findByName(name: string): Promise<ProjectRecord | undefined> {
    const idx = (await getOrUndefined<NameIndex>(this.o.store, projectNameKey(name)))?.value;
    return idx ? this.getById(idx.id) : undefined;
  }

  /** By name or id, among `visible` when given. Errors: NOT_FOUND/PROJECT_NOT_FOUND naming `field`. */
  get(
    ref: unknown,
    field = 'project',
    visible: (p: ProjectRecord) => boolean | Promise<boolean> = () => true,
  ): Promise<ProjectRecord> {
    return resolveRef(field, ref, {
      kind: 'project',
      byId: async (id) => {
        const p = await this.getById(id);
        return p && (await visible(p)) ? p : undefined;
      },
      byName: async (name) => {
        const p = await this.findByName(name);
        return p && (await visible(p)) ? [p] : [];
      },
      idOf: (p) => p.id,
    });
  }

  async ids(): Promise<string[]> {
    return (await listAll<ProjectRecord>(this.o.store, PROJECTS)).entries.map((e) => e.value.id);
  }

  /** All projects in id order, or only those `userId` holds a role in (in id order too). */
  list(req: PageRequest, userId?: string): Promise<Page<ProjectRecord>> {
    if (userId === undefined) {
      return listPage<ProjectRecord, ProjectRecord>(this.o.store, PROJECTS, req, (e) => e.value);
    }
    return listPage<RoleAssignmentRecord, ProjectRecord>(this.o.store, userAssignmentsPrefix(userId), req, (e) =>
      this.getById(e.value.projectId),
    );
  }

  /**
   * Renames and/or describes a project (absent fields are kept). The admin
   * project keeps its name. Errors: NOT_FOUND; INVALID_ARGUMENT (NAME_INVALID,
   * DESCRIPTION_INVALID); ALREADY_EXISTS (PROJECT_EXISTS); FAILED_PRECONDITION
   * (PROJECT_PROTECTED).
   */
  async update(ref: unknown, change: ProjectChange): Promise<ProjectRecord> {
    const name = change.name === undefined ? undefined : validateName('name', change.name);
    const description =
      change.description === undefined ? undefined : validateText('description', change.description, DESCRIPTION_MAX);
    for (let attempt = 0; attempt < 16; attempt++) {
      const cur = await this.get(ref);
      const entry = await this.entry(cur.id);
      if (!entry) continue;
      const old = entry.value;
      if (name !== undefined && name !== old.name && old.name === ADMIN_PROJECT) throw protectedProject('renamed');
      const next: ProjectRecord = {
        ...old,
        ...(name === undefined ? {} : { name }),
        ...(description === undefined ? {} : { description }),
        updatedAt: this.o.now(),
      };
      const ops: Op[] = [{ kind: 'put', key: entry.key, value: next }];
      if (next.name !== old.name) {
        ops.push({ kind: 'delete', key: projectNameKey(old.name) });
        ops.push({ kind: 'create', key: projectNameKey(next.name), value: { id: old.id } satisfies NameIndex });
      }
      const res = await this.o.store.txn(
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }],
        ops,
      );
      if (res.succeeded) {
        this.o.log.info({ projectId: old.id, project: next.name }, 'project updated');
        return next;
      }
      if (res.failed.source === 'op') {
        throw alreadyExists('PROJECT_EXISTS', `project ${next.name} already exists`, { details: { name: next.name } });
      }
    }
    throw new StratoError('ABORTED', 'PROJECT_CONTENDED', 'the project kept changing under concurrent calls; retry');
  }

  /**
   * Deletes an empty project with its role assignments and default security
   * group. Errors: NOT_FOUND; FAILED_PRECONDITION (PROJECT_NOT_EMPTY naming
   * what remains, PROJECT_PROTECTED for the admin project).
   */
  async delete(ref: unknown, holdings: readonly ProjectHoldings[]): Promise<ProjectRecord> {
    const p = await this.get(ref);
    if (p.name === ADMIN_PROJECT) throw protectedProject('deleted');
    const remaining = await holdingsOf(holdings, p.id);
    if (remaining.length > 0) throw projectNotEmpty(p.name, remaining);
    const entry = await this.entry(p.id);
    if (!entry) throw notFound('PROJECT_NOT_FOUND', `project ${p.name} not found`);
    const removal = await this.o.removal(p.id);
    const res = await this.o.store.txn(
      [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }, ...removal.compares],
      [{ kind: 'delete', key: entry.key }, { kind: 'delete', key: projectNameKey(p.name) }, ...removal.ops],
    );
    if (!res.succeeded) {
      throw new StratoError('ABORTED', 'PROJECT_CONTENDED', `project ${p.name} changed while being deleted; retry`);
    }
    // The project is gone, so its tokens already fail (authentication reads it);
    // the assignments are removed now so no listing shows them. One left behind
    // by a crash here names a project that does not exist and grants nothing.
    await this.dropAssignments(p.id).catch((err: unknown) =>
      this.o.log.warn({ err, projectId: p.id }, 'role assignments of a deleted project not removed'),
    );
    this.o.log.info({ projectId: p.id, project: p.name }, 'project deleted');
    return p;
  }

  private async dropAssignments(projectId: string): Promise<void> {
    for (const e of await this.o.assignments.ofProject(projectId)) {
      await this.o.store.txn([], this.o.assignments.deleteOps(e.value.userId, projectId)).catch((err: unknown) => {
        if (!isStratoError(err, 'NOT_FOUND')) throw err;
      });
    }
  }
}
