// Security group rules (pure): validation and normalisation of a requested rule,
// duplicate detection, and the rules of a project's default group.
import { echo, invalidArgument } from '../../common/errors.ts';
import { formatCidr, parseCidrLenient } from './ipv4.ts';
import {
  DIRECTIONS,
  type Direction,
  RULE_PROTOCOLS,
  type RuleProtocol,
  type SecurityGroupRuleRecord,
} from './model.ts';

export interface RuleRequest {
  direction: string;
  /** '' = IPv4. */
  ethertype: string;
  /** '' = any. */
  protocol: string;
  portRangeMin: number;
  portRangeMax: number;
  icmpType?: number | undefined;
  icmpCode?: number | undefined;
  remoteIpPrefix: string;
  /** Already resolved to an id; '' for none. */
  remoteGroupId: string;
}

export type RuleSpec = Omit<SecurityGroupRuleRecord, 'id'>;

const bad = (reason: string, message: string, field: string) =>
  invalidArgument(reason, message, { details: { field } });

function validatePorts(protocol: RuleProtocol, min: number, max: number): { portMin: number; portMax: number } {
  if (min === 0 && max === 0) return { portMin: 0, portMax: 0 };
  if (protocol !== 'tcp' && protocol !== 'udp') {
    throw bad('PORT_RANGE_INVALID', `port ranges apply to tcp and udp only, not ${protocol}`, 'port_range_min');
  }
  if (min === 0) throw bad('PORT_RANGE_INVALID', 'port_range_max needs port_range_min', 'port_range_min');
  const hi = max === 0 ? min : max;
  if (min < 1 || hi > 65535 || min > hi) {
    throw bad('PORT_RANGE_INVALID', `port range ${min}:${hi} must satisfy 1 <= min <= max <= 65535`, 'port_range_min');
  }
  return { portMin: min, portMax: hi };
}

function validateIcmp(protocol: RuleProtocol, type: number | undefined, code: number | undefined) {
  if (type === undefined && code === undefined) return { icmpType: null, icmpCode: null };
  if (protocol !== 'icmp')
    throw bad('ICMP_INVALID', `icmp_type and icmp_code apply to icmp only, not ${protocol}`, 'icmp_type');
  if (type === undefined) throw bad('ICMP_INVALID', 'icmp_code needs icmp_type', 'icmp_code');
  if (type > 255 || (code !== undefined && code > 255))
    throw bad('ICMP_INVALID', 'icmp_type and icmp_code must be 0..255', 'icmp_type');
  return { icmpType: type, icmpCode: code ?? null };
}

/**
 * Validates and normalises a rule. Remote IP prefixes are normalised (host bits
 * cleared, a bare address is /32), as Neutron does for rules, because a rule's
 * prefix only matches and never names a network.
 * Errors: INVALID_ARGUMENT DIRECTION_INVALID, ETHERTYPE_INVALID, PROTOCOL_INVALID,
 * PORT_RANGE_INVALID, ICMP_INVALID, REMOTE_IP_PREFIX_INVALID, REMOTE_CONFLICT.
 */
export function validateRule(req: RuleRequest): RuleSpec {
  if (!DIRECTIONS.includes(req.direction as Direction)) {
    throw bad('DIRECTION_INVALID', `direction must be ingress or egress, got ${echo(req.direction)}`, 'direction');
  }
  if (req.ethertype !== '' && req.ethertype !== 'IPv4') {
    throw bad(
      'ETHERTYPE_INVALID',
      `ethertype must be IPv4 (IPv6 is not supported), got ${echo(req.ethertype)}`,
      'ethertype',
    );
  }
  const protocol = (req.protocol === '' ? 'any' : req.protocol.toLowerCase()) as RuleProtocol;
  if (!RULE_PROTOCOLS.includes(protocol)) {
    throw bad(
      'PROTOCOL_INVALID',
      `protocol must be one of ${RULE_PROTOCOLS.join(', ')}, got ${echo(req.protocol)}`,
      'protocol',
    );
  }
  const ports = validatePorts(protocol, req.portRangeMin, req.portRangeMax);
  const icmp = validateIcmp(protocol, req.icmpType, req.icmpCode);
  if (req.remoteIpPrefix !== '' && req.remoteGroupId !== '') {
    throw bad('REMOTE_CONFLICT', 'give remote_ip_prefix or remote_group, not both', 'remote_ip_prefix');
  }
  let remoteIpPrefix = '';
  if (req.remoteIpPrefix !== '') {
    const c = parseCidrLenient(req.remoteIpPrefix);
    if (!c)
      throw bad(
        'REMOTE_IP_PREFIX_INVALID',
        `remote_ip_prefix ${echo(req.remoteIpPrefix)} is not an IPv4 CIDR`,
        'remote_ip_prefix',
      );
    remoteIpPrefix = formatCidr(c);
  } else if (req.remoteGroupId === '') {
    remoteIpPrefix = '0.0.0.0/0';
  }
  return {
    direction: req.direction as Direction,
    ethertype: 'IPv4',
    protocol,
    ...ports,
    ...icmp,
    remoteIpPrefix,
    remoteGroupId: req.remoteGroupId,
  };
}

/** Two rules that match the same traffic the same way (ids aside). */
export function sameRule(a: RuleSpec, b: RuleSpec): boolean {
  return (
    a.direction === b.direction &&
    a.protocol === b.protocol &&
    a.portMin === b.portMin &&
    a.portMax === b.portMax &&
    a.icmpType === b.icmpType &&
    a.icmpCode === b.icmpCode &&
    a.remoteIpPrefix === b.remoteIpPrefix &&
    a.remoteGroupId === b.remoteGroupId
  );
}

/**
 * The default group's rules, as Neutron's: inbound from members of the group
 * itself, everything outbound.
 */
export function defaultGroupRules(groupId: string): RuleSpec[] {
  const any = {
    protocol: 'any' as const,
    portMin: 0,
    portMax: 0,
    icmpType: null,
    icmpCode: null,
    ethertype: 'IPv4' as const,
  };
  return [
    { ...any, direction: 'ingress', remoteIpPrefix: '', remoteGroupId: groupId },
    { ...any, direction: 'egress', remoteIpPrefix: '0.0.0.0/0', remoteGroupId: '' },
  ];
}
