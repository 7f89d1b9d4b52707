// strato.host.v1.Hosts' requests (the admin's view of hypervisor hosts).
import { z } from 'zod';
import { bool, hostRef, optionalHostRef, pageSize, pageToken, type RequestSchemas } from './fields.ts';

export const hostsRequests: RequestSchemas = {
  'strato.host.v1.ListHostsRequest': z.object({ pageSize, pageToken }),
  'strato.host.v1.GetHostRequest': z.object({ host: hostRef }),
  'strato.host.v1.SetHostEnabledRequest': z.object({ host: hostRef, enabled: bool }),
  'strato.host.v1.EvacuateHostRequest': z.object({ host: hostRef, targetHost: optionalHostRef }),
  'strato.host.v1.DrainHostRequest': z.object({ host: hostRef }),
};
