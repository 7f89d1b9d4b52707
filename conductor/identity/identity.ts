// Projects, users, role assignments and tokens (what Keystone does, the part a
// multi-tenant cloud needs). Plain data in, plain data out; the gRPC adapter is
// conductor/api/identity-api.ts, the per-call authentication and policy
// conductor/api/call-policy.ts, and the access rules of the domains access.ts.
import { clip, invalidArgument, isStratoError, StratoError } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import { nameProblem, requireField } from '../naming/names.ts';
import type { Op, Store } from '../store/store.ts';
import { otherCloudAdmins } from './cloud-admins.ts';
import { TOKENS, tokenKey } from './keys.ts';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './login-limiter.ts';
import { migrateLegacyUsers } from './migrate.ts';
import {
  ADMIN_PROJECT,
  effectiveRole,
  isEnabled,
  type Principal,
  type ProjectRecord,
  type Role,
  type UserRecord,
} from './model.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { type ProjectRemoval, Projects } from './projects.ts';
import { RoleAssignments } from './role-assignments.ts';
import { authenticateToken, type LoginResult, mintToken, sweepExpiredTokens } from './sessions.ts';
import { DEFAULT_TOKEN_TTL_MS, hashToken, looksLikeToken } from './tokens.ts';
import { type CreateUserInput, parseRole, Users } from './users.ts';

export type { CreateUserInput };

export interface RoleGrant {
  user: UserRecord;
  project: ProjectRecord;
  role: Role;
}

export interface IdentityOptions {
  store: Store;
  /** @default Date.now */
  clock?: () => number;
  /** Lifetime of a token from Login. @default 1 h (DEFAULT_TOKEN_TTL_MS) */
  tokenTtlMs?: number;
  /** @default the process logger */
  log?: Logger;
  /**
   * What every project owns from its first moment (its default security
   * group): store ops written in the same transaction as the project, so no
   * later call has to create them on the side. @default none
   */
  projectResources?: (projectId: string) => Op[];
  /** What goes with a deleted project (the ops undoing projectResources). @default nothing */
  projectRemoval?: (projectId: string) => Promise<ProjectRemoval>;
  /**
   * Told once a user is deleted, to remove what was only that user's (its key
   * pairs). Its failure is logged: the user is gone either way. @default nothing
   */
  userRemoved?: (userId: string) => Promise<void>;
  /** @default DEFAULT_LOGIN_LIMITS */
  loginLimits?: Partial<LoginLimits>;
}

export interface LoginInput {
  username: string;
  password: string;
  /** Project name or id; '' for the user's default project. */
  project?: string;
  /** The caller's address (`host:port`), for the login limits. @default 'local' */
  source?: string;
}

const badCredentials = () =>
  new StratoError('UNAUTHENTICATED', 'BAD_CREDENTIALS', 'wrong user name, password or project');

export class Identity {
  readonly store: Store;
  readonly clock: () => number;
  readonly tokenTtlMs: number;
  readonly log: Logger;
  readonly assignments: RoleAssignments;
  readonly projects: Projects;
  readonly users: Users;
  readonly limiter: LoginLimiter;

  constructor(o: IdentityOptions) {
    this.store = o.store;
    this.clock = o.clock ?? Date.now;
    this.tokenTtlMs = o.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
    this.log = (o.log ?? rootLog).child({ component: 'identity' });
    if (!(this.tokenTtlMs > 0)) throw invalidArgument('BAD_IDENTITY_OPTION', 'tokenTtlMs must be > 0');
    const now = () => new Date(this.clock()).toISOString();
    this.assignments = new RoleAssignments(this.store, now);
    this.projects = new Projects({
      store: this.store,
      now,
      log: this.log,
      assignments: this.assignments,
      createOps: o.projectResources ?? (() => []),
      removal: o.projectRemoval ?? (async () => ({ compares: [], ops: [] })),
    });
    this.users = new Users({
      store: this.store,
      clock: this.clock,
      log: this.log,
      projects: this.projects,
      assignments: this.assignments,
      removed: o.userRemoved ?? (async () => undefined),
    });
    this.limiter = new LoginLimiter({ ...DEFAULT_LOGIN_LIMITS, ...o.loginLimits });
  }

  createProject(name: unknown, description?: unknown): Promise<ProjectRecord> {
    return this.projects.create(name, description);
  }

  getProjectById(id: string): Promise<ProjectRecord | undefined> {
    return this.projects.getById(id);
  }

  findProjectByName(name: string): Promise<ProjectRecord | undefined> {
    return this.projects.findByName(name);
  }

  /** By name or id. Errors: NOT_FOUND/PROJECT_NOT_FOUND. */
  getProject(ref: unknown, field = 'project'): Promise<ProjectRecord> {
    return this.projects.get(ref, field);
  }

  /** Every project's id (start-up work over all projects). */
  projectIds(): Promise<string[]> {
    return this.projects.ids();
  }

  /** A user with `role` in its default project. */
  async createUser(input: CreateUserInput): Promise<UserRecord> {
    return (await this.users.create(input)).user;
  }

  getUserById(id: string): Promise<UserRecord | undefined> {
    return this.users.getById(id);
  }

  findUserByName(name: string): Promise<UserRecord | undefined> {
    return this.users.findByName(name);
  }

  /**
   * Grants `role` to a user in a project (both by name or id). Idempotent.
   * Errors: NOT_FOUND (USER_NOT_FOUND, PROJECT_NOT_FOUND); INVALID_ARGUMENT
   * (ROLE_INVALID).
   */
  async grantRole(userRef: unknown, projectRef: unknown, roleName: string): Promise<RoleGrant> {
    const role = parseRole(roleName);
    const [user, project] = await Promise.all([this.users.get(userRef), this.projects.get(projectRef)]);
    await this.assignments.add(user.id, project.id, role);
    this.log.info({ userId: user.id, projectId: project.id, role }, 'role granted');
    return { user, project, role };
  }

  /**
   * Revokes `role` from a user in a project; the user's tokens for that
   * project lose it at once. Errors: NOT_FOUND (USER_NOT_FOUND,
   * PROJECT_NOT_FOUND, ROLE_ASSIGNMENT_NOT_FOUND); INVALID_ARGUMENT
   * (ROLE_INVALID); FAILED_PRECONDITION (LAST_CLOUD_ADMIN).
   */
  async revokeRole(userRef: unknown, projectRef: unknown, roleName: string): Promise<RoleGrant> {
    const role = parseRole(roleName);
    const [user, project] = await Promise.all([this.users.get(userRef), this.projects.get(projectRef)]);
    const cloudAdmin = project.name === ADMIN_PROJECT && role === 'admin';
    await this.assignments.remove(user.id, project.id, role, async () =>
      cloudAdmin ? otherCloudAdmins(this.store, this.assignments, project.id, user.id) : [],
    );
    this.log.info({ userId: user.id, projectId: project.id, role }, 'role revoked');
    return { user, project, role };
  }

  /** Rewrites users of older stores to role assignments (idempotent; at start-up). */
  migrate(): Promise<number> {
    return migrateLegacyUsers(this.store, this.assignments, this.log);
  }

  /**
   * Password login, scoped to one project the user holds a role in. Errors:
   * INVALID_ARGUMENT (empty fields); UNAUTHENTICATED/BAD_CREDENTIALS for an
   * unknown or disabled user, a wrong password or a project without a role
   * (one answer for all, so names cannot be probed); RESOURCE_EXHAUSTED/
   * LOGIN_THROTTLED with details.retryAfterS after too many failures
   * (login-limiter.ts), before the password is even checked.
   */
  async login(input: LoginInput): Promise<LoginResult> {
    const username = requireField('username', input.username);
    const password = requireField('password', input.password);
    const source = input.source ?? 'local';
    const waitMs = this.limiter.check(username, source, this.clock());
    if (waitMs > 0) {
      const retryAfterS = Math.ceil(waitMs / 1000);
      throw new StratoError(
        'RESOURCE_EXHAUSTED',
        'LOGIN_THROTTLED',
        `too many failed logins; retry in ${retryAfterS} s`,
        { details: { retryAfterS: String(retryAfterS) } },
      );
    }
    const failed = () => {
      this.limiter.failed(username, source, this.clock());
      this.log.info({ user: clip(username), source }, 'login failed');
      return badCredentials();
    };
    // A name no user can have (too long, control characters …) is an unknown user.
    const user = nameProblem(username) === undefined ? await this.users.findByName(username) : undefined;
    // Always pay for one scrypt, so timing does not tell unknown users apart.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !ok || !isEnabled(user)) throw failed();
    const want = input.project ?? '';
    const project =
      want === ''
        ? await this.projects.getById(user.projectId)
        : await this.projects.get(want).catch((err: unknown) => {
            if (isStratoError(err, 'NOT_FOUND')) return undefined;
            throw err;
          });
    const role = project && effectiveRole(await this.assignments.rolesOf(user.id, project.id), project.name);
    if (!project || !role) {
      // The password was right: not a guess, so it counts against no limit (a
      // mistyped project must not throttle the user); the answer is the same.
      this.log.info({ user: clip(username), source }, 'login failed');
      throw badCredentials();
    }
    this.limiter.succeeded(username, source);
    const result = await mintToken(this.store, user, project, role, this.clock(), this.tokenTtlMs);
    this.log.info({ userId: user.id, projectId: project.id, source }, 'login');
    return result;
  }

  /** The principal behind a bearer token. Errors: UNAUTHENTICATED TOKEN_INVALID/TOKEN_EXPIRED. */
  async authenticate(token: string): Promise<Principal> {
    return authenticateToken(this.store, token, this.clock(), {
      user: (id) => this.users.getById(id),
      project: (id) => this.projects.getById(id),
      roles: (userId, projectId) => this.assignments.rolesOf(userId, projectId),
    });
  }

  /** Revokes a token by its hash. Idempotent. */
  async revokeToken(tokenHash: string): Promise<void> {
    await this.store.delete(tokenKey(tokenHash)).catch((err: unknown) => {
      if (!isStratoError(err, 'NOT_FOUND')) throw err;
    });
  }

  /**
   * Revokes the token given in full (whoever holds a token may end it).
   * Idempotent: an unknown or expired token is no error (nothing is revealed
   * about it). Errors: INVALID_ARGUMENT (FIELD_REQUIRED, TOKEN_MALFORMED: not
   * the shape every token has, which is public).
   */
  async revokeTokenValue(token: string): Promise<void> {
    requireField('token', token);
    if (!looksLikeToken(token)) {
      throw invalidArgument('TOKEN_MALFORMED', 'token is not a token: 43 characters of base64url', {
        details: { field: 'token' },
      });
    }
    await this.revokeToken(hashToken(token));
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
