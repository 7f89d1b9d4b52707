// How identity objects print: projects, users, role assignments, tokens.
import type { Project__Output } from '../../common/gen/strato/identity/v1/Project.ts';
import type { RoleAssignment__Output } from '../../common/gen/strato/identity/v1/RoleAssignment.ts';
import type { User__Output } from '../../common/gen/strato/identity/v1/User.ts';
import type { Column } from '../output.ts';

export const PROJECT_COLUMNS: Column<Project__Output>[] = [
  { header: 'ID', get: (p) => p.id },
  { header: 'Name', get: (p) => p.name },
  { header: 'Description', get: (p) => p.description },
];

export const PROJECT_FIELDS: Column<Project__Output>[] = [
  ...PROJECT_COLUMNS,
  { header: 'Created', get: (p) => p.createdAt },
  { header: 'Updated', get: (p) => p.updatedAt },
];

export const USER_COLUMNS: Column<User__Output>[] = [
  { header: 'ID', get: (u) => u.id },
  { header: 'Name', get: (u) => u.name },
  { header: 'Project', get: (u) => u.projectId },
  { header: 'Role', get: (u) => u.role },
  { header: 'Enabled', get: (u) => u.enabled },
];

export const USER_FIELDS: Column<User__Output>[] = [
  ...USER_COLUMNS,
  { header: 'Created', get: (u) => u.createdAt },
  { header: 'Updated', get: (u) => u.updatedAt },
];

export const ASSIGNMENT_COLUMNS: Column<RoleAssignment__Output>[] = [
  { header: 'User', get: (a) => a.userName },
  { header: 'User ID', get: (a) => a.userId },
  { header: 'Project', get: (a) => a.projectName },
  { header: 'Project ID', get: (a) => a.projectId },
  { header: 'Role', get: (a) => a.role },
];

export interface TokenInfo {
  user?: User__Output | null;
  project?: Project__Output | null;
  expiresAt: string;
}

export const TOKEN_FIELDS: Column<TokenInfo>[] = [
  { header: 'User', get: (t) => t.user?.name },
  { header: 'User ID', get: (t) => t.user?.id },
  { header: 'Role', get: (t) => t.user?.role },
  { header: 'Project', get: (t) => t.project?.name },
  { header: 'Project ID', get: (t) => t.project?.id },
  { header: 'Expires', get: (t) => t.expiresAt },
];

export const ROLE_CHOICES = ['admin', 'member', 'reader'];
