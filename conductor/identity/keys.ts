// Where identity lives in the store. Names are unique through index keys that are
// created in the same transaction as the record (a `create` op fails if the name
// is taken), so two concurrent creates of one name cannot both succeed.
//
//   /identity/projects/<id>                      ProjectRecord
//   /identity/project-names/<name>               { id }                unique project names
//   /identity/users/<id>                         UserRecord
//   /identity/user-names/<name>                  { id }                unique user names (login by name)
//   /identity/assignments/<user>/<project>       RoleAssignmentRecord  the roles of one user in one project
//   /identity/project-members/<project>/<user>   RoleAssignmentRecord  the same record, by project
//   /identity/tokens/<sha256 hex>                TokenRecord           the token itself is never stored
//
// The two assignment keys are always written together (one transaction), so
// "who is in this project" needs no scan of every user.
// ids are UUIDs (crypto.randomUUID), names follow conductor/naming/names.ts.

export const PROJECTS = '/identity/projects/';
export const PROJECT_NAMES = '/identity/project-names/';
export const USERS = '/identity/users/';
export const USER_NAMES = '/identity/user-names/';
export const ASSIGNMENTS = '/identity/assignments/';
export const PROJECT_MEMBERS = '/identity/project-members/';
export const TOKENS = '/identity/tokens/';

export const projectKey = (id: string): string => PROJECTS + id;
export const projectNameKey = (name: string): string => PROJECT_NAMES + name;
export const userKey = (id: string): string => USERS + id;
export const userNameKey = (name: string): string => USER_NAMES + name;
export const userAssignmentsPrefix = (userId: string): string => `${ASSIGNMENTS}${userId}/`;
export const assignmentKey = (userId: string, projectId: string): string => userAssignmentsPrefix(userId) + projectId;
export const projectMembersPrefix = (projectId: string): string => `${PROJECT_MEMBERS}${projectId}/`;
export const projectMemberKey = (projectId: string, userId: string): string => projectMembersPrefix(projectId) + userId;
export const tokenKey = (hash: string): string => TOKENS + hash;

export interface NameIndex {
  id: string;
}
