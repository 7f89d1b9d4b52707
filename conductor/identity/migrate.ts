// Stores from before role assignments kept ONE role on each user record
// (`role: admin|member`, in the user's project). At start-up each such user is
// rewritten to the current shape and given that role as an assignment in that
// project, in one transaction per user (compare-and-swap on the record), so
// a crash half-way, a second run or two conductors at once all end the same:
// idempotent.
import type { Logger } from '../../common/log.ts';
import { listAll } from '../store/list-all.ts';
import type { Store } from '../store/store.ts';
import { USERS } from './keys.ts';
import type { Role, UserRecord } from './model.ts';
import type { RoleAssignments } from './role-assignments.ts';

interface LegacyUser extends UserRecord {
  role?: Role;
}

/** Migrates every legacy user; returns how many this call rewrote. */
export async function migrateLegacyUsers(store: Store, assignments: RoleAssignments, log: Logger): Promise<number> {
  let migrated = 0;
  for (const e of (await listAll<LegacyUser>(store, USERS)).entries) {
    const { role, ...user } = e.value;
    if (role === undefined) continue;
    const held = await assignments.get(user.id, user.projectId);
    const roles = [...(held?.value.roles ?? []), role];
    const res = await store.txn(
      [{ kind: 'modRevision', key: e.key, modRevision: e.modRevision }],
      [
        { kind: 'put', key: e.key, value: { ...user, enabled: user.enabled ?? true } satisfies UserRecord },
        ...assignments.writeOps(assignments.record(user.id, user.projectId, roles)),
      ],
    );
    // Lost to another conductor migrating the same user: it is done either way.
    if (!res.succeeded) continue;
    migrated++;
    log.info({ userId: user.id, projectId: user.projectId, role }, 'user migrated to a role assignment');
  }
  return migrated;
}
