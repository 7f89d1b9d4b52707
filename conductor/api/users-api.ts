// The users and role assignments part of strato.identity.v1.Identity (all of
// it the cloud admin's, by the policy table).
import type { IdentityHandlers } from '../../common/gen/strato/identity/v1/Identity.ts';
import type { RoleAssignment } from '../../common/gen/strato/identity/v1/RoleAssignment.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import { ROLES, type RoleAssignmentRecord, type UserRecord } from '../identity/model.ts';
import { userToProto } from './identity-convert.ts';

type UserHandlers = Pick<
  Implementation<IdentityHandlers>,
  | 'CreateUser'
  | 'GetUser'
  | 'ListUsers'
  | 'UpdateUser'
  | 'DeleteUser'
  | 'AddRoleAssignment'
  | 'RemoveRoleAssignment'
  | 'ListRoleAssignments'
>;

export function usersApi(identity: Identity): UserHandlers {
  /** The user as a message, with its strongest role in its default project. */
  const show = async (u: UserRecord) => {
    const roles = await identity.assignments.rolesOf(u.id, u.projectId);
    return userToProto(u, [...ROLES].reverse().find((r) => roles.includes(r)) ?? '');
  };

  /** One message per role of each pair, with the names of users and projects (read once each). */
  const flatten = async (records: RoleAssignmentRecord[]): Promise<RoleAssignment[]> => {
    const names = new Map<string, Promise<string>>();
    const nameOf = (key: string, read: () => Promise<{ name: string } | undefined>) => {
      const known = names.get(key);
      if (known) return known;
      const n = read().then((r) => r?.name ?? '');
      names.set(key, n);
      return n;
    };
    const out: RoleAssignment[] = [];
    for (const a of records) {
      const [userName, projectName] = await Promise.all([
        nameOf(`u${a.userId}`, () => identity.getUserById(a.userId)),
        nameOf(`p${a.projectId}`, () => identity.getProjectById(a.projectId)),
      ]);
      // A pair left behind by a crash while its project was deleted names nothing.
      if (projectName === '' || userName === '') continue;
      for (const role of a.roles) out.push({ userId: a.userId, userName, projectId: a.projectId, projectName, role });
    }
    return out;
  };

  return {
    async CreateUser(req) {
      const { user, role } = await identity.users.create(req);
      return userToProto(user, role);
    },

    async GetUser(req) {
      return show(await identity.users.get(req.user));
    },

    async ListUsers(req) {
      const project = req.project ? await identity.getProject(req.project) : undefined;
      const page = await identity.users.list(req, project?.id);
      return { users: await Promise.all(page.items.map(show)), nextPageToken: page.nextPageToken };
    },

    async UpdateUser(req) {
      const change = {
        ...(req._name === 'name' ? { name: req.name } : {}),
        ...(req._password === 'password' ? { password: req.password } : {}),
        ...(req._enabled === 'enabled' ? { enabled: req.enabled } : {}),
        ...(req._project === 'project' ? { project: req.project } : {}),
      };
      return show(await identity.users.update(req.user, change));
    },

    async DeleteUser(req) {
      await identity.users.delete(req.user);
      return {};
    },

    async AddRoleAssignment(req) {
      const g = await identity.grantRole(req.user, req.project, req.role);
      return {
        userId: g.user.id,
        userName: g.user.name,
        projectId: g.project.id,
        projectName: g.project.name,
        role: g.role,
      };
    },

    async RemoveRoleAssignment(req) {
      await identity.revokeRole(req.user, req.project, req.role);
      return {};
    },

    async ListRoleAssignments(req) {
      const [user, project] = await Promise.all([
        req.user ? identity.users.get(req.user) : undefined,
        req.project ? identity.getProject(req.project) : undefined,
      ]);
      const page = await identity.assignments.list(
        { ...(user ? { userId: user.id } : {}), ...(project ? { projectId: project.id } : {}) },
        req,
      );
      return { assignments: await flatten(page.items), nextPageToken: page.nextPageToken };
    },
  };
}
