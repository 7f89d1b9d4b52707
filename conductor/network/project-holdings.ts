// The networks, subnets, ports, security groups, routers and floating IPs a project still owns, for
// identity's project deletion. Its default security group is not counted: it
// comes and goes with the project (SecurityGroups.defaultGroupRemoval).
import type { ProjectHoldings } from '../identity/project-holdings.ts';
import { countUnder } from '../store/count-under.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import type { NetCtx } from './context.ts';
import { defaultSgKey, namesPrefix } from './keys.ts';

export function networkHoldings(c: NetCtx): ProjectHoldings {
  return {
    async heldBy(projectId) {
      const [networks, subnets, ports, groups, defaultGroup, routers, floating_ips] = await Promise.all([
        countUnder(c.store, namesPrefix('networks', projectId)),
        countUnder(c.store, namesPrefix('subnets', projectId)),
        countUnder(c.store, namesPrefix('ports', projectId)),
        countUnder(c.store, namesPrefix('security-groups', projectId)),
        getOrUndefined<{ id: string }>(c.store, defaultSgKey(projectId)),
        countUnder(c.store, namesPrefix('routers', projectId)),
        countUnder(c.store, namesPrefix('floating-ips', projectId)),
      ]);
      const security_groups = defaultGroup ? Math.max(0, groups - 1) : groups;
      return { networks, subnets, ports, security_groups, routers, floating_ips };
    },
  };
}
