// The cloud must keep an administrator: removing the admin role in project
// `admin` from its last enabled holder, or disabling or deleting that user,
// would leave nobody able to manage users, projects or hosts (recovering would
// take editing the store by hand). The check is atomic: it yields compares on
// every other cloud admin, so two concurrent removals cannot both pass.
import { failedPrecondition } from '../../common/errors.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Compare, Store } from '../store/store.ts';
import { assignmentKey, userKey } from './keys.ts';
import { isEnabled, type UserRecord } from './model.ts';
import type { RoleAssignments } from './role-assignments.ts';

/**
 * Compares that hold only while a cloud admin other than `leavingUserId`
 * remains (each other enabled admin of the admin project, unchanged).
 * Errors: FAILED_PRECONDITION/LAST_CLOUD_ADMIN when there is none.
 */
export async function otherCloudAdmins(
  store: Store,
  assignments: RoleAssignments,
  adminProjectId: string,
  leavingUserId: string,
): Promise<Compare[]> {
  const compares: Compare[] = [];
  for (const e of await assignments.ofProject(adminProjectId)) {
    const a = e.value;
    if (a.userId === leavingUserId || !a.roles.includes('admin')) continue;
    const user = await getOrUndefined<UserRecord>(store, userKey(a.userId));
    if (!user || !isEnabled(user.value)) continue;
    compares.push(
      // Both assignment keys share one modRevision (written together).
      { kind: 'modRevision', key: assignmentKey(a.userId, adminProjectId), modRevision: e.modRevision },
      { kind: 'modRevision', key: user.key, modRevision: user.modRevision },
    );
  }
  if (compares.length === 0) {
    throw failedPrecondition(
      'LAST_CLOUD_ADMIN',
      'this would leave the cloud without an enabled admin of project admin; grant the role to another user first',
    );
  }
  return compares;
}
