// strato.identity.v1.Identity: a thin adapter from gRPC messages to Identity.
import type { IdentityHandlers } from '../../common/gen/strato/identity/v1/Identity.ts';
import type { Project } from '../../common/gen/strato/identity/v1/Project.ts';
import type { User } from '../../common/gen/strato/identity/v1/User.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import { isAdmin, requireAdmin } from '../identity/access.ts';
import type { Identity } from '../identity/identity.ts';
import type { ProjectRecord, UserRecord } from '../identity/model.ts';
import { authenticate } from './auth.ts';

export function projectToProto(p: ProjectRecord): Project {
  return { id: p.id, name: p.name, createdAt: p.createdAt };
}

/** Never carries the password hash. */
export function userToProto(u: UserRecord): User {
  return { id: u.id, name: u.name, projectId: u.projectId, role: u.role, createdAt: u.createdAt };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function identityApi(identity: Identity): Implementation<IdentityHandlers> {
  return {
    async Login(req) {
      const r = await identity.login({ username: req.username, password: req.password, project: req.project });
      return {
        token: r.token,
        expiresAt: iso(r.expiresAtMs),
        user: userToProto(r.user),
        project: projectToProto(r.project),
      };
    },

    async Logout(_req, ctx) {
      const p = await authenticate(ctx, identity);
      await identity.revokeToken(p.tokenHash);
      ctx.log.info({ userId: p.userId }, 'logout');
      return {};
    },

    async WhoAmI(_req, ctx) {
      const p = await authenticate(ctx, identity);
      const [user, project] = await Promise.all([identity.getUserById(p.userId), identity.getProjectById(p.projectId)]);
      return {
        // The effective role, which is what the caller may do.
        user: user ? { ...userToProto(user), role: p.role } : null,
        project: project ? projectToProto(project) : null,
        expiresAt: iso(p.expiresAtMs),
      };
    },

    async CreateProject(req, ctx) {
      requireAdmin(await authenticate(ctx, identity), 'creating a project');
      return projectToProto(await identity.createProject(req.name));
    },

    async ListProjects(req, ctx) {
      const p = await authenticate(ctx, identity);
      const page = await identity.listProjects(req, isAdmin(p) ? undefined : p.projectId);
      return { projects: page.items.map(projectToProto), nextPageToken: page.nextPageToken };
    },

    async CreateUser(req, ctx) {
      requireAdmin(await authenticate(ctx, identity), 'creating a user');
      return userToProto(await identity.createUser(req));
    },
  };
}
