// The projects part of strato.identity.v1.Identity.
import type { IdentityHandlers } from '../../common/gen/strato/identity/v1/Identity.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import { isAdmin } from '../identity/access.ts';
import type { Identity } from '../identity/identity.ts';
import type { Principal, ProjectRecord } from '../identity/model.ts';
import type { ProjectHoldings } from '../identity/project-holdings.ts';
import { authenticate } from './auth.ts';
import { projectToProto } from './identity-convert.ts';

type ProjectHandlers = Pick<
  Implementation<IdentityHandlers>,
  'CreateProject' | 'GetProject' | 'ListProjects' | 'UpdateProject' | 'DeleteProject'
>;

export function projectsApi(identity: Identity, holdings: readonly ProjectHoldings[]): ProjectHandlers {
  // A project the caller holds no role in does not exist for it (the cloud admin sees all).
  const visibleTo = (p: Principal) => async (project: ProjectRecord) =>
    isAdmin(p) || (await identity.assignments.rolesOf(p.userId, project.id)).length > 0;

  return {
    async CreateProject(req) {
      return projectToProto(await identity.createProject(req.name, req.description));
    },

    async GetProject(req, ctx) {
      const p = await authenticate(ctx, identity);
      return projectToProto(await identity.projects.get(req.project, 'project', visibleTo(p)));
    },

    async ListProjects(req, ctx) {
      const p = await authenticate(ctx, identity);
      const page = await identity.projects.list(req, isAdmin(p) ? undefined : p.userId);
      return { projects: page.items.map(projectToProto), nextPageToken: page.nextPageToken };
    },

    async UpdateProject(req) {
      const change = {
        ...(req._name === 'name' ? { name: req.name } : {}),
        ...(req._description === 'description' ? { description: req.description } : {}),
      };
      return projectToProto(await identity.projects.update(req.project, change));
    },

    async DeleteProject(req) {
      await identity.projects.delete(req.project, holdings);
      return {};
    },
  };
}
