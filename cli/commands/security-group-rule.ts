// strato security group rule create|delete|list
import { type Command, Option } from 'commander';
import type { CreateSecurityGroupRuleRequest } from '../../common/gen/strato/network/v1/CreateSecurityGroupRuleRequest.ts';
import type { SecurityGroupRule__Output } from '../../common/gen/strato/network/v1/SecurityGroupRule.ts';
import { nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';
import { icmpValue, type PortRange, portRange, remoteIp } from './network-args.ts';

export const PROTOCOLS = ['tcp', 'udp', 'icmp', 'any'] as const;

/** tcp/udp ports ("22", "22:23", "any") or icmp type/code ("8/0", "8", "any"). */
export function matchText(r: SecurityGroupRule__Output): string {
  if (r.protocol === 'icmp') {
    if (r.icmpType === undefined) return 'any';
    return r.icmpCode === undefined ? `${r.icmpType}` : `${r.icmpType}/${r.icmpCode}`;
  }
  if (r.protocol !== 'tcp' && r.protocol !== 'udp') return '';
  if (!r.portRangeMin) return 'any';
  const max = r.portRangeMax || r.portRangeMin;
  return max === r.portRangeMin ? `${r.portRangeMin}` : `${r.portRangeMin}:${max}`;
}

const remoteText = (r: SecurityGroupRule__Output) =>
  r.remoteGroupId ? `group ${r.remoteGroupId}` : r.remoteIpPrefix || '0.0.0.0/0';

/** One line per rule in `security group show`. */
export function ruleSummary(r: SecurityGroupRule__Output): string {
  const match = matchText(r);
  const what = match && match !== 'any' ? `${r.protocol || 'any'} ${match}` : r.protocol || 'any';
  return `${r.direction} ${what} ${r.direction === 'egress' ? 'to' : 'from'} ${remoteText(r)} (id ${r.id})`;
}

export const RULE_COLUMNS: Column<SecurityGroupRule__Output>[] = [
  { header: 'ID', get: (r) => r.id },
  { header: 'Direction', get: (r) => r.direction },
  { header: 'Protocol', get: (r) => r.protocol || 'any' },
  { header: 'Ports', get: matchText },
  { header: 'Remote IP Prefix', get: (r) => r.remoteIpPrefix },
  { header: 'Remote Group', get: (r) => r.remoteGroupId },
];

const RULE_FIELDS: Column<SecurityGroupRule__Output>[] = [
  ...RULE_COLUMNS.slice(0, 2),
  { header: 'Ethertype', get: (r) => r.ethertype },
  ...RULE_COLUMNS.slice(2),
  { header: 'Security Group', get: (r) => r.securityGroupId },
];

export interface RuleCreateOpts {
  ingress?: boolean;
  egress?: boolean;
  protocol: (typeof PROTOCOLS)[number];
  dstPort?: PortRange;
  icmpType?: number;
  icmpCode?: number;
  remoteIp?: string;
  remoteGroup?: string;
}

/** The CreateSecurityGroupRule request, or a usage error for flags that do not fit together. */
export function ruleRequest(group: string, o: RuleCreateOpts): CreateSecurityGroupRuleRequest {
  if (o.ingress && o.egress) throw usageError('--ingress and --egress cannot be used together');
  if (o.remoteIp !== undefined && o.remoteGroup !== undefined) {
    throw usageError('--remote-ip and --remote-group cannot be used together');
  }
  const ported = o.protocol === 'tcp' || o.protocol === 'udp';
  if (o.dstPort && !ported) throw usageError('--dst-port needs --protocol tcp or udp');
  if ((o.icmpType !== undefined || o.icmpCode !== undefined) && o.protocol !== 'icmp') {
    throw usageError('--icmp-type and --icmp-code need --protocol icmp');
  }
  if (o.icmpCode !== undefined && o.icmpType === undefined) throw usageError('--icmp-code needs --icmp-type');
  const req: CreateSecurityGroupRuleRequest = {
    securityGroup: group,
    direction: o.egress ? 'egress' : 'ingress',
    ethertype: 'IPv4',
    protocol: o.protocol,
    portRangeMin: o.dstPort?.min ?? 0,
    portRangeMax: o.dstPort?.max ?? 0,
    remoteIpPrefix: o.remoteIp ?? '',
    remoteGroup: o.remoteGroup ?? '',
  };
  if (o.icmpType !== undefined) req.icmpType = o.icmpType;
  if (o.icmpCode !== undefined) req.icmpCode = o.icmpCode;
  return req;
}

export function registerSecurityGroupRule(group: Command, ctx: Ctx): void {
  const rule = group.command('rule').description("a security group's rules (what its members let through)");

  rule
    .command('create')
    .description('add a rule to a security group')
    .argument('<group>', 'group name or id', nameOrId)
    .addOption(new Option('--ingress', 'traffic into member ports (default)').conflicts('egress'))
    .addOption(new Option('--egress', 'traffic out of member ports').conflicts('ingress'))
    .addOption(new Option('--protocol <protocol>', 'IP protocol').choices(PROTOCOLS).default('any'))
    .option('--dst-port <port[:port]>', 'destination port or range (tcp and udp only; default all)', portRange)
    .option('--icmp-type <type>', 'ICMP type (icmp only; default any)', icmpValue)
    .option('--icmp-code <code>', 'ICMP code (needs --icmp-type)', icmpValue)
    .addOption(
      new Option('--remote-ip <cidr>', 'peer addresses (default 0.0.0.0/0)')
        .argParser(remoteIp)
        .conflicts('remoteGroup'),
    )
    .addOption(
      new Option('--remote-group <group>', "peers: the group's member ports").argParser(nameOrId).conflicts('remoteIp'),
    )
    .action(async (ref: string, o: RuleCreateOpts, cmd: Command) => {
      const req = ruleRequest(ref, o);
      const api = await (await ctx.session(cmd)).securityGroups();
      ctx.print(renderShow(await api.CreateSecurityGroupRule(req), RULE_FIELDS, ctx.output(cmd)));
    });

  rule
    .command('list')
    .description("a security group's rules")
    .argument('<group>', 'group name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).securityGroups();
      const g = await api.GetSecurityGroup({ securityGroup: ref });
      ctx.print(renderList(g.rules, RULE_COLUMNS, ctx.output(cmd)));
    });

  rule
    .command('delete')
    .description('delete rules by id')
    .argument('<rule-id...>', 'rule ids')
    .action(async (ids: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).securityGroups();
      for (const id of ids) await api.DeleteSecurityGroupRule({ ruleId: id });
    });
}
