// strato security group create|list|show|delete (rules: security-group-rule.ts)
import type { Command } from 'commander';
import type { SecurityGroup__Output } from '../../common/gen/strato/network/v1/SecurityGroup.ts';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import { registerSecurityGroupRule, ruleSummary } from './security-group-rule.ts';

export const GROUP_COLUMNS: Column<SecurityGroup__Output>[] = [
  { header: 'ID', get: (g) => g.id },
  { header: 'Name', get: (g) => g.name },
  { header: 'Description', get: (g) => g.description },
  { header: 'Project', get: (g) => g.projectId },
];

const GROUP_FIELDS: Column<SecurityGroup__Output>[] = [
  ...GROUP_COLUMNS,
  { header: 'Rules', get: (g) => g.rules.map(ruleSummary) },
  { header: 'Created', get: (g) => g.createdAt },
];

export function registerSecurityGroup(program: Command, ctx: Ctx): void {
  const group = program
    .command('security')
    .description('security groups and their rules')
    .command('group')
    .description('security groups: stateful firewall rules applied to member ports');

  group
    .command('create')
    .description('create a security group (with no rules: nothing in, nothing out)')
    .argument('<name>', 'group name', nameOrId)
    .option('--description <text>', 'what the group is for', '')
    .action(async (name: string, o: { description: string }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).securityGroups();
      const g = await api.CreateSecurityGroup({ name, description: o.description });
      ctx.print(renderShow(g, GROUP_FIELDS, ctx.output(cmd)));
    });

  group
    .command('list')
    .description('list security groups')
    .option('--all-projects', "every project's groups (admin only)")
    .action(async (o: { allProjects?: boolean }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).securityGroups();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListSecurityGroups({ pageToken, allProjects: !!o.allProjects });
        return { items: r.securityGroups, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, GROUP_COLUMNS, ctx.output(cmd)));
    });

  group
    .command('show')
    .description('show a security group with its rules')
    .argument('<group>', 'group name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).securityGroups();
      ctx.print(renderShow(await api.GetSecurityGroup({ securityGroup: ref }), GROUP_FIELDS, ctx.output(cmd)));
    });

  group
    .command('delete')
    .description('delete security groups (no port may be a member; not the default group)')
    .argument('<group...>', 'group names or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).securityGroups();
      for (const ref of refs) await api.DeleteSecurityGroup({ securityGroup: ref });
    });

  registerSecurityGroupRule(group, ctx);
}
