// Security groups and their rules. Every project has one group named
// "default", written in the same transaction as the project itself (identity
// takes its ops through `projectResources`; projects older than that rule get
// theirs when the conductor starts), so no call ever creates it on the side:
// a call that fails changes nothing. It admits inbound traffic from its own
// members and all outbound traffic, and cannot be deleted. Rules live inside
// their group's record (changed with compare-and-swap) with an index from rule
// id to group.
import { randomUUID } from 'node:crypto';
import {
  alreadyExists,
  clip,
  echo,
  failedPrecondition,
  invalidArgument,
  isStratoError,
  notFound,
  StratoError,
} from '../../common/errors.ts';
import { canSee } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { isUuid, } from '../naming/names.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { Page } from '../store/paging.ts';
import type { Compare, Entry, Op } from '../store/store.ts';
import { contended, MAX_ATTEMPTS, type NetCtx, tryTxn } from './context.ts';
import { defaultSgKey, epochKey, sgMembersPrefix, sgRemoteRefKey, sgRemoteRefsPrefix, sgRuleKey } from './keys.ts';
import { DEFAULT_SECURITY_GROUP, type SecurityGroupRecord, type SecurityGroupRuleRecord } from './model.ts';
import { anyUnder, guardUnchanged, type ListRequest, readGuard } from './resource-table.ts';
import { defaultGroupRules, type RuleRequest, sameRule, validateRule } from './sg-rules.ts';
import { securityGroupUsage } from './usage.ts';

export const MAX_DESCRIPTION = 255;

export interface RuleInput extends Omit<RuleRequest, 'remoteGroupId'> {
  /** Id or name; '' = none. */
  remoteGroup: string;
}

interface RuleIndex {
  groupId: string;
}

export class SecurityGroups {
  readonly c: NetCtx;

  constructor(c: NetCtx) {
    this.c = c;
  }

  /** A new default group for `projectId`: its record and the ops that write it (with its index keys). */
  private newDefault(projectId: string): { rec: SecurityGroupRecord; ops: Op[] } {
    const id = randomUUID();
    const rules = defaultGroupRules(id).map((r) => ({ id: randomUUID(), ...r }));
    const rec: SecurityGroupRecord = {
      id,
      name: DEFAULT_SECURITY_GROUP,
      projectId,
      description: 'Default security group',
      rules,
      createdAt: this.c.now(),
    };
    const ops: Op[] = [
      { kind: 'create', key: defaultSgKey(projectId), value: { id } },
      ...this.c.groups.createOps(rec),
      ...rules.flatMap((r) => ruleIndexOps(id, r, 'create')),
    ];
    return { rec, ops };
  }

  /**
   * The ops that create a new project's default group: for the project's own
   * creation transaction, which also writes the project's first quota usage
   * (this group, which counts as in Neutron).
   */
  defaultGroupOps(projectId: string): Op[] {
    const { rec, ops } = this.newDefault(projectId);
    return [...ops, ...this.c.quotas.newProjectOps(projectId, securityGroupUsage.usageOf(rec).delta)];
  }

  /** The project's default group, or undefined when it has none (yet). */
  async findDefault(projectId: string): Promise<SecurityGroupRecord | undefined> {
    const index = await getOrUndefined<{ id: string }>(this.c.store, defaultSgKey(projectId));
    return index && (await this.c.groups.entry(index.value.id))?.value;
  }

  /**
   * The project's default group, read only. Errors: FAILED_PRECONDITION/
   * DEFAULT_SECURITY_GROUP_MISSING when the project has none, which only a
   * project made outside Identity (or before the conductor's start-up
   * back-fill) can lack.
   */
  async requireDefault(projectId: string): Promise<SecurityGroupRecord> {
    const g = await this.findDefault(projectId);
    if (g) return g;
    throw failedPrecondition(
      'DEFAULT_SECURITY_GROUP_MISSING',
      `project ${projectId} has no default security group; restarting the conductor creates it`,
      { details: { project_id: projectId } },
    );
  }

  /**
   * Start-up back-fill: gives each project that lacks one its default group
   * (exactly once, also when several conductors start together). Returns the
   * projects that got one.
   */
  async ensureDefaults(projectIds: Iterable<string>): Promise<string[]> {
    const made: string[] = [];
    for (const projectId of projectIds) {
      if (await this.ensureDefault(projectId)) made.push(projectId);
    }
    return made;
  }

  /** Creates the project's default group unless it has one; true when this call created it. */
  async ensureDefault(projectId: string): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await this.findDefault(projectId)) return false;
      const { rec, ops } = this.newDefault(projectId);
      // Counted whatever the limit: every project has its default group.
      const quota = await this.c.quotas.count(projectId, securityGroupUsage.usageOf(rec).delta);
      // Create ops: a conductor that made it at the same moment wins, and this one reads it next round.
      if ((await tryTxn(this.c.store, quota.compares, [...ops, ...quota.ops])) === undefined) {
        this.c.log.info({ securityGroupId: rec.id, projectId }, 'default security group created');
        return true;
      }
    }
    throw contended('security_group', `default of ${projectId}`);
  }

  async create(principal: Principal, input: { name: string; description: string }): Promise<SecurityGroupRecord> {
    // Each field's format was checked at the API edge (conductor/api/schemas/).
    const name = input.name;
    if (name === DEFAULT_SECURITY_GROUP) {
      throw alreadyExists('SECURITY_GROUP_EXISTS', 'every project already has its "default" security group', {
        details: { name },
      });
    }
    const rec: SecurityGroupRecord = {
      id: randomUUID(),
      name,
      projectId: principal.projectId,
      description: input.description,
      rules: [],
      createdAt: this.c.now(),
    };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const quota = await this.c.quotas.claim(rec.projectId, securityGroupUsage.usageOf(rec).delta);
      // Only the quota usage's compare can fail (another create or delete of the project): retry.
      if ((await tryTxn(this.c.store, quota.compares, [...this.c.groups.createOps(rec), ...quota.ops])) === undefined) {
        this.c.log.info({ securityGroupId: rec.id, projectId: rec.projectId }, 'security group created');
        return rec;
      }
    }
    throw contended('security_group', rec.id);
  }

  resolve(principal: Principal, ref: unknown, field = 'security_group'): Promise<Entry<SecurityGroupRecord>> {
    return this.c.groups.resolve(principal, ref, field);
  }

  async get(principal: Principal, ref: unknown): Promise<SecurityGroupRecord> {
    return (await this.resolve(principal, ref)).value;
  }

  list(principal: Principal, req: ListRequest): Promise<Page<SecurityGroupRecord>> {
    return this.c.groups.list(principal, req);
  }

  async delete(principal: Principal, ref: unknown): Promise<void> {
    let id = '';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.resolve(principal, id || ref);
      const g = entry.value;
      id = g.id;
      if (await this.isDefault(g)) {
        throw failedPrecondition(
          'DEFAULT_SECURITY_GROUP',
          `security group ${id} is its project's default group and cannot be deleted`,
          {
            details: { security_group_id: id },
          },
        );
      }
      const removal = await this.removal(entry);
      const quota = await this.c.quotas.release(g.projectId, securityGroupUsage.usageOf(g).delta);
      const failed = await tryTxn(
        this.c.store,
        [...removal.compares, ...quota.compares],
        [...removal.ops, ...quota.ops],
      );
      if (failed === undefined) {
        this.c.log.info({ securityGroupId: id, projectId: g.projectId }, 'security group deleted');
        return;
      }
    }
    throw contended('security_group', id);
  }

  /**
   * What deleting an unused group takes: compares that hold while it stays
   * unchanged and unused, and the ops removing it with its index keys.
   * Errors: FAILED_PRECONDITION/SECURITY_GROUP_IN_USE.
   */
  private async removal(entry: Entry<SecurityGroupRecord>): Promise<{ compares: Compare[]; ops: Op[] }> {
    const g = entry.value;
    const id = g.id;
    const guard = await readGuard(this.c.store, epochKey(id));
    const member = await anyUnder(this.c.store, sgMembersPrefix(id));
    const ref2 = member ? undefined : await anyUnder(this.c.store, sgRemoteRefsPrefix(id));
    if (member !== undefined || ref2 !== undefined) {
      const why = member
        ? `port ${member.slice(sgMembersPrefix(id).length)} is a member`
        : 'another group has a rule naming it as remote group';
      throw failedPrecondition('SECURITY_GROUP_IN_USE', `security group ${id} is in use: ${why}`, {
        details: { security_group_id: id },
      });
    }
    const ops: Op[] = [...this.c.groups.deleteOps(g), { kind: 'delete', key: epochKey(id) }];
    for (const r of g.rules) ops.push(...ruleIndexOps(id, r, 'delete'));
    return {
      compares: [
        { kind: 'modRevision', key: entry.key, modRevision: entry.modRevision },
        guardUnchanged(epochKey(id), guard),
      ],
      ops,
    };
  }

  /**
   * What deleting a project takes of its default group (for identity's
   * delete, in the project's own transaction): the group with its rules and
   * index keys, while unused. Errors: FAILED_PRECONDITION/SECURITY_GROUP_IN_USE
   * (a port of the project in it, or another project's rule naming it).
   */
  async defaultGroupRemoval(projectId: string): Promise<{ compares: Compare[]; ops: Op[] }> {
    const index = await getOrUndefined<{ id: string }>(this.c.store, defaultSgKey(projectId));
    if (!index) return { compares: [], ops: [] };
    const indexCompare: Compare = { kind: 'modRevision', key: index.key, modRevision: index.modRevision };
    const entry = await this.c.groups.entry(index.value.id);
    if (!entry) return { compares: [indexCompare], ops: [{ kind: 'delete', key: index.key }] };
    const removal = await this.removal(entry);
    return { compares: [indexCompare, ...removal.compares], ops: [{ kind: 'delete', key: index.key }, ...removal.ops] };
  }

  async addRule(
    principal: Principal,
    groupRef: unknown,
    input: RuleInput,
  ): Promise<SecurityGroupRuleRecord & { securityGroupId: string }> {
    let entry: Entry<SecurityGroupRecord> | undefined = await this.resolve(principal, groupRef);
    const groupId = entry.value.id;
    const remoteGroupId =
      input.remoteGroup === '' ? '' : (await this.resolve(principal, input.remoteGroup, 'remote_group')).value.id;
    const spec = validateRule({ ...input, remoteGroupId });
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (!entry) throw groupNotFound(groupId);
      const g = entry.value;
      const dup = g.rules.find((r) => sameRule(r, spec));
      if (dup) {
        throw alreadyExists(
          'SECURITY_GROUP_RULE_EXISTS',
          `security group ${groupId} already has this rule (${dup.id})`,
          {
            details: { rule_id: dup.id },
          },
        );
      }
      if (g.rules.length >= this.c.maxRulesPerGroup) {
        throw new StratoError(
          'RESOURCE_EXHAUSTED',
          'SECURITY_GROUP_RULE_LIMIT',
          `security group ${groupId} has the maximum of ${this.c.maxRulesPerGroup} rules`,
        );
      }
      const rule: SecurityGroupRuleRecord = { id: randomUUID(), ...spec };
      const compares: Compare[] = [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }];
      const ops: Op[] = [
        { kind: 'put', key: entry.key, value: { ...g, rules: [...g.rules, rule] } },
        ...ruleIndexOps(groupId, rule, 'create'),
      ];
      if (remoteGroupId !== '' && remoteGroupId !== groupId) {
        compares.push({ kind: 'exists', key: this.c.groups.key(remoteGroupId) });
        // Tells a concurrent delete of the remote group that it gained a user.
        ops.push({ kind: 'put', key: epochKey(remoteGroupId), value: {} });
      }
      const failed = await tryTxn(this.c.store, compares, ops);
      if (failed === undefined) {
        this.c.log.info({ securityGroupId: groupId, ruleId: rule.id }, 'security group rule created');
        return { ...rule, securityGroupId: groupId };
      }
      if (failed === this.c.groups.key(remoteGroupId)) throw groupNotFound(remoteGroupId);
      entry = await this.c.groups.entry(groupId);
    }
    throw contended('security_group', groupId);
  }

  async deleteRule(principal: Principal, ruleId: string): Promise<void> {
    const missing = () =>
      notFound('SECURITY_GROUP_RULE_NOT_FOUND', `security group rule ${echo(ruleId)} not found`, {
        details: { rule_id: clip(ruleId) },
      });
    if (ruleId === '')
      throw invalidArgument('FIELD_REQUIRED', 'rule_id is required', { details: { field: 'rule_id' } });
    // Rule ids are UUIDs: anything else names no rule (and fits no key).
    if (!isUuid(ruleId)) throw missing();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let groupId: string;
      try {
        groupId = (await this.c.store.get<RuleIndex>(sgRuleKey(ruleId))).value.groupId;
      } catch (err) {
        if (isStratoError(err, 'NOT_FOUND') || isStratoError(err, 'INVALID_ARGUMENT')) throw missing();
        throw err;
      }
      const entry = await this.c.groups.entry(groupId);
      const rule = entry?.value.rules.find((r) => r.id === ruleId);
      if (!entry || !rule || !canSee(principal, entry.value.projectId)) throw missing();
      const g = entry.value;
      const failed = await tryTxn(
        this.c.store,
        [{ kind: 'modRevision', key: entry.key, modRevision: entry.modRevision }],
        [
          { kind: 'put', key: entry.key, value: { ...g, rules: g.rules.filter((r) => r.id !== ruleId) } },
          ...ruleIndexOps(groupId, rule, 'delete'),
        ],
      );
      if (failed === undefined) {
        this.c.log.info({ securityGroupId: groupId, ruleId }, 'security group rule deleted');
        return;
      }
    }
    throw contended('security_group_rule', ruleId);
  }

  async isDefault(g: SecurityGroupRecord): Promise<boolean> {
    if (g.name !== DEFAULT_SECURITY_GROUP) return false;
    return (await getOrUndefined<{ id: string }>(this.c.store, defaultSgKey(g.projectId)))?.value.id === g.id;
  }
}

/** The index keys of one rule: id → group, and the reference to a remote group other than its own. */
function ruleIndexOps(groupId: string, r: SecurityGroupRuleRecord, kind: 'create' | 'delete'): Op[] {
  const keys = [sgRuleKey(r.id)];
  if (r.remoteGroupId !== '' && r.remoteGroupId !== groupId) keys.push(sgRemoteRefKey(r.remoteGroupId, r.id));
  return keys.map((key) => (kind === 'create' ? { kind, key, value: { groupId } satisfies RuleIndex } : { kind, key }));
}

export function groupNotFound(id: string) {
  return notFound('SECURITY_GROUP_NOT_FOUND', `security_group ${id} not found`, { details: { security_group: id } });
}
