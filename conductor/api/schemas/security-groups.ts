// strato.network.v1.SecurityGroups' requests.
import { z } from 'zod';
import { DIRECTIONS, RULE_PROTOCOLS } from '../../network/model.ts';
import {
  bool,
  description,
  idRef,
  int,
  name,
  oneOf,
  optionalInt,
  optionalPrefix,
  optionalRef,
  pageSize,
  pageToken,
  type RequestSchemas,
  ref,
} from './fields.ts';

// Which ports and ICMP fields a protocol takes, and their order, are the domain's rules.
const port = int('PORT_RANGE_INVALID', 0, 65535);
const icmp = optionalInt('ICMP_INVALID', 0, 255);

export const securityGroupsRequests: RequestSchemas = {
  'strato.network.v1.CreateSecurityGroupRequest': z.object({ name, description }),
  'strato.network.v1.GetSecurityGroupRequest': z.object({ securityGroup: ref('security_group') }),
  'strato.network.v1.ListSecurityGroupsRequest': z.object({ pageSize, pageToken, allProjects: bool }),
  'strato.network.v1.DeleteSecurityGroupRequest': z.object({ securityGroup: ref('security_group') }),
  'strato.network.v1.CreateSecurityGroupRuleRequest': z.object({
    securityGroup: ref('security_group'),
    direction: oneOf('DIRECTION_INVALID', DIRECTIONS),
    // IPv6 is not supported.
    ethertype: oneOf('ETHERTYPE_INVALID', ['IPv4'], { empty: true }),
    protocol: oneOf('PROTOCOL_INVALID', RULE_PROTOCOLS, { empty: true, anyCase: true }),
    portRangeMin: port,
    portRangeMax: port,
    icmpType: icmp,
    icmpCode: icmp,
    remoteIpPrefix: optionalPrefix('REMOTE_IP_PREFIX_INVALID'),
    remoteGroup: optionalRef('security_group'),
  }),
  'strato.network.v1.DeleteSecurityGroupRuleRequest': z.object({ ruleId: idRef('security_group_rule') }),
};
