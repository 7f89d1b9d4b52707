// strato.identity.v1.Identity: a thin adapter from gRPC messages to Identity,
// in three parts: tokens (here), projects (projects-api.ts), users and roles
// (users-api.ts). Who may call what is the policy hook's business
// (call-policy.ts); the handlers take the Principal it established.
import type { IdentityHandlers } from '../../common/gen/strato/identity/v1/Identity.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import type { ProjectHoldings } from '../identity/project-holdings.ts';
import type { LoginCaller } from './audit.ts';
import { authenticate } from './auth.ts';
import { iso, projectToProto, userToProto } from './identity-convert.ts';
import { projectsApi } from './projects-api.ts';
import { usersApi } from './users-api.ts';

export { projectToProto, userToProto };

export interface IdentityApiOptions {
  /** What each domain still holds of a project (DeleteProject refuses while anything remains). @default none */
  holdings?: readonly ProjectHoldings[];
}

export function identityApi(identity: Identity, o: IdentityApiOptions = {}): Implementation<IdentityHandlers> {
  return {
    async Login(req, ctx) {
      // For the audit line: who the attempt was for, then who it logged in.
      ctx.caller = { userName: req.username } satisfies LoginCaller;
      const r = await identity.login({
        username: req.username,
        password: req.password,
        project: req.project,
        source: ctx.remoteAddress,
      });
      ctx.caller = {
        userName: r.user.name,
        userId: r.user.id,
        projectId: r.project.id,
        projectName: r.project.name,
      } satisfies LoginCaller;
      return {
        token: r.token,
        expiresAt: iso(r.expiresAtMs),
        user: userToProto(r.user, r.role),
        project: projectToProto(r.project),
      };
    },

    async Logout(_req, ctx) {
      const p = await authenticate(ctx, identity);
      await identity.revokeToken(p.tokenHash);
      ctx.log.info({ userId: p.userId }, 'logout');
      return {};
    },

    async RevokeToken(req, ctx) {
      const p = await authenticate(ctx, identity);
      await identity.revokeTokenValue(req.token);
      ctx.log.info({ userId: p.userId }, 'token revoked');
      return {};
    },

    async WhoAmI(_req, ctx) {
      const p = await authenticate(ctx, identity);
      const [user, project] = await Promise.all([identity.getUserById(p.userId), identity.getProjectById(p.projectId)]);
      return {
        // The effective role, which is what the caller may do.
        user: user ? userToProto(user, p.role) : null,
        project: project ? projectToProto(project) : null,
        expiresAt: iso(p.expiresAtMs),
      };
    },

    ...projectsApi(identity, o.holdings ?? []),
    ...usersApi(identity),
  };
}
