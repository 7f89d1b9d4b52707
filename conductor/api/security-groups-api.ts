// strato.network.v1.SecurityGroups (groups and their rules): a thin adapter
// from gRPC messages to the networking model (conductor/network/security-groups.ts).
import type { SecurityGroupsHandlers } from '../../common/gen/strato/network/v1/SecurityGroups.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import { groupToProto, ruleToProto } from '../network/convert.ts';
import type { SecurityGroups } from '../network/security-groups.ts';
import { authenticate } from './auth.ts';

export function securityGroupsApi(identity: Identity, groups: SecurityGroups): Implementation<SecurityGroupsHandlers> {
  return {
    async CreateSecurityGroup(req, ctx) {
      const g = await groups.create(await authenticate(ctx, identity), {
        name: req.name,
        description: req.description,
      });
      return groupToProto(g);
    },
    async GetSecurityGroup(req, ctx) {
      return groupToProto(await groups.get(await authenticate(ctx, identity), req.securityGroup));
    },
    async ListSecurityGroups(req, ctx) {
      const page = await groups.list(await authenticate(ctx, identity), req);
      return { securityGroups: page.items.map(groupToProto), nextPageToken: page.nextPageToken };
    },
    async DeleteSecurityGroup(req, ctx) {
      await groups.delete(await authenticate(ctx, identity), req.securityGroup);
      return {};
    },
    async CreateSecurityGroupRule(req, ctx) {
      const rule = await groups.addRule(await authenticate(ctx, identity), req.securityGroup, {
        direction: req.direction,
        ethertype: req.ethertype,
        protocol: req.protocol,
        portRangeMin: req.portRangeMin,
        portRangeMax: req.portRangeMax,
        icmpType: req.icmpType,
        icmpCode: req.icmpCode,
        remoteIpPrefix: req.remoteIpPrefix,
        remoteGroup: req.remoteGroup,
      });
      return ruleToProto(rule.securityGroupId, rule);
    },
    async DeleteSecurityGroupRule(req, ctx) {
      await groups.deleteRule(await authenticate(ctx, identity), req.ruleId);
      return {};
    },
  };
}
