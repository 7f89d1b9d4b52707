// Projects, users and tokens (the minimum of Keystone a multi-tenant cloud needs).
// Plain data in, plain data out; the gRPC adapter is conductor/api/identity-api.ts,
// the per-call authentication conductor/api/auth.ts and the access rules access.ts.
import { randomUUID } from 'node:crypto';
import { alreadyExists, invalidArgument, isStratoError, notFound, StratoError } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import { isUuid, nameProblem, requireField, validateName } from '../naming/names.ts';
import { resolveRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listAll } from '../store/list-all.ts';
import { listPage, type Page, type PageRequest, resolvePageSize } from '../store/paging.ts';
import type { Op, Store } from '../store/store.ts';
import {
  type NameIndex,
  PROJECTS,
  projectKey,
  projectNameKey,
  TOKENS,
  tokenKey,
  userKey,
  userNameKey,
} from './keys.ts';
import { type Principal, type ProjectRecord, ROLES, type Role, type UserRecord } from './model.ts';
import { DUMMY_HASH, hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './password.ts';
import { authenticateToken, type LoginResult, mintToken, sweepExpiredTokens } from './sessions.ts';
import { DEFAULT_TOKEN_TTL_MS } from './tokens.ts';

export interface IdentityOptions {
  store: Store;
  /** @default Date.now */
  clock?: () => number;
  /** Lifetime of a token from Login. @default 12 h (DEFAULT_TOKEN_TTL_MS) */
  tokenTtlMs?: number;
  /** @default the process logger */
  log?: Logger;
  /**
   * What every project owns from its first moment (its default security
   * group): store ops written in the same transaction as the project, so no
   * later call has to create them on the side. @default none
   */
  projectResources?: (projectId: string) => Op[];
}

export interface CreateUserInput {
  name: string;
  password: string;
  /** Project name or id. */
  project: string;
  role: string;
}

export interface LoginInput {
  username: string;
  password: string;
  /** Project name or id; '' for the user's own project. */
  project?: string;
}

const badCredentials = () =>
  new StratoError('UNAUTHENTICATED', 'BAD_CREDENTIALS', 'wrong user name, password or project');

export class Identity {
  readonly store: Store;
  readonly clock: () => number;
  readonly tokenTtlMs: number;
  readonly log: Logger;
  private readonly projectResources: (projectId: string) => Op[];

  constructor(o: IdentityOptions) {
    this.store = o.store;
    this.projectResources = o.projectResources ?? (() => []);
    this.clock = o.clock ?? Date.now;
    this.tokenTtlMs = o.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
    this.log = (o.log ?? rootLog).child({ component: 'identity' });
    if (!(this.tokenTtlMs > 0)) throw invalidArgument('BAD_IDENTITY_OPTION', 'tokenTtlMs must be > 0');
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }

  async createProject(name: unknown): Promise<ProjectRecord> {
    const project: ProjectRecord = { id: randomUUID(), name: validateName('name', name), createdAt: this.now() };
    const res = await this.store.txn(
      [],
      [
        { kind: 'create', key: projectKey(project.id), value: project },
        { kind: 'create', key: projectNameKey(project.name), value: { id: project.id } satisfies NameIndex },
        ...this.projectResources(project.id),
      ],
    );
    if (!res.succeeded) {
      throw alreadyExists('PROJECT_EXISTS', `project ${project.name} already exists`, {
        details: { name: project.name },
      });
    }
    this.log.info({ projectId: project.id, project: project.name }, 'project created');
    return project;
  }

  async getProjectById(id: string): Promise<ProjectRecord | undefined> {
    return (await getOrUndefined<ProjectRecord>(this.store, projectKey(id)))?.value;
  }

  async findProjectByName(name: string): Promise<ProjectRecord | undefined> {
    const idx = (await getOrUndefined<NameIndex>(this.store, projectNameKey(name)))?.value;
    return idx ? this.getProjectById(idx.id) : undefined;
  }

  /** By name or id. Errors: NOT_FOUND/PROJECT_NOT_FOUND. */
  async getProject(ref: unknown, field = 'project'): Promise<ProjectRecord> {
    return resolveRef(field, ref, {
      kind: 'project',
      byId: (id) => this.getProjectById(id),
      byName: async (name) => {
        const p = await this.findProjectByName(name);
        return p ? [p] : [];
      },
      idOf: (p) => p.id,
    });
  }

  /** Every project's id (start-up work over all projects). */
  async projectIds(): Promise<string[]> {
    return (await listAll<ProjectRecord>(this.store, PROJECTS)).entries.map((e) => e.value.id);
  }

  /** All projects in id order, or (for a non-admin caller) only `onlyId`. */
  async listProjects(req: PageRequest, onlyId?: string): Promise<Page<ProjectRecord>> {
    if (onlyId === undefined) {
      return listPage<ProjectRecord, ProjectRecord>(this.store, PROJECTS, req, (e) => e.value);
    }
    resolvePageSize(req.pageSize);
    const own = req.pageToken ? undefined : await this.getProjectById(onlyId);
    return { items: own ? [own] : [], nextPageToken: '' };
  }

  async createUser(input: CreateUserInput): Promise<UserRecord> {
    const name = validateName('name', input.name);
    const password = requireField('password', input.password);
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
      throw invalidArgument('PASSWORD_INVALID', `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long`, {
        details: { field: 'password' },
      });
    }
    const role = (input.role === '' ? 'member' : input.role) as Role;
    if (!ROLES.includes(role)) {
      throw invalidArgument('ROLE_INVALID', `role must be one of ${ROLES.join(', ')}`, { details: { field: 'role' } });
    }
    const project = await this.getProject(input.project);
    const user: UserRecord = {
      id: randomUUID(),
      name,
      projectId: project.id,
      role,
      passwordHash: await hashPassword(password),
      createdAt: this.now(),
    };
    const res = await this.store.txn(
      [{ kind: 'exists', key: projectKey(project.id) }],
      [
        { kind: 'create', key: userKey(user.id), value: user },
        { kind: 'create', key: userNameKey(name), value: { id: user.id } satisfies NameIndex },
      ],
    );
    if (!res.succeeded) {
      if (res.failed.source === 'compare') throw notFound('PROJECT_NOT_FOUND', `project ${input.project} not found`);
      throw alreadyExists('USER_EXISTS', `user ${name} already exists`, { details: { name } });
    }
    this.log.info({ userId: user.id, user: name, projectId: project.id, role }, 'user created');
    return user;
  }

  async getUserById(id: string): Promise<UserRecord | undefined> {
    return (await getOrUndefined<UserRecord>(this.store, userKey(id)))?.value;
  }

  async findUserByName(name: string): Promise<UserRecord | undefined> {
    const idx = (await getOrUndefined<NameIndex>(this.store, userNameKey(name)))?.value;
    return idx ? this.getUserById(idx.id) : undefined;
  }

  /**
   * Password login. Errors: INVALID_ARGUMENT (empty fields); UNAUTHENTICATED/
   * BAD_CREDENTIALS for an unknown user, a wrong password or another project
   * (one answer for all three, so names cannot be probed).
   */
  async login(input: LoginInput): Promise<LoginResult> {
    const username = requireField('username', input.username);
    const password = requireField('password', input.password);
    // A name no user can have (too long, control characters …) is an unknown user.
    const user = nameProblem(username) === undefined ? await this.findUserByName(username) : undefined;
    // Always pay for one scrypt, so timing does not tell unknown users apart.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !ok) throw badCredentials();
    const project = await this.getProjectById(user.projectId);
    if (!project) throw badCredentials();
    const want = input.project ?? '';
    if (want !== '' && want !== project.name && !(isUuid(want) && want.toLowerCase() === project.id)) {
      throw badCredentials();
    }
    const result = await mintToken(this.store, user, project, this.clock(), this.tokenTtlMs);
    this.log.info({ userId: user.id, projectId: project.id }, 'login');
    return result;
  }

  /** The principal behind a bearer token. Errors: UNAUTHENTICATED TOKEN_INVALID/TOKEN_EXPIRED. */
  async authenticate(token: string): Promise<Principal> {
    return authenticateToken(this.store, token, this.clock(), (id) => this.getUserById(id));
  }

  /** Revokes a token by its hash. Idempotent. */
  async revokeToken(tokenHash: string): Promise<void> {
    await this.store.delete(tokenKey(tokenHash)).catch((err: unknown) => {
      if (!isStratoError(err, 'NOT_FOUND')) throw err;
    });
  }

  /** Deletes every expired token; returns how many. */
  async sweepExpiredTokens(): Promise<number> {
    const n = await sweepExpiredTokens(this.store, TOKENS, this.clock());
    if (n > 0) this.log.info({ count: n }, 'expired tokens swept');
    return n;
  }

  /** Sweeps expired tokens every `intervalMs` until the returned stop function is called. */
  startTokenSweeper(intervalMs = 10 * 60 * 1000): () => void {
    const timer = setInterval(() => {
      this.sweepExpiredTokens().catch((err: unknown) => this.log.warn({ err }, 'token sweep failed'));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

export function createIdentity(o: IdentityOptions): Identity {
  return new Identity(o);
}
