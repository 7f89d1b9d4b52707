// Every request message of the public API with its schema, by the message's
// fully qualified name; a unit test walks the protos so that no public RPC is
// without one, and no schema misses or invents a field
// (test/unit/api/request-schemas.test.ts).

import type { RequestSchemas } from './fields.ts';
import { flavorsRequests } from './flavors.ts';
import { hostCertificatesRequests } from './host-certificates.ts';
import { hostsRequests } from './hosts.ts';
import { identityRequests } from './identity.ts';
import { imagesRequests } from './images.ts';
import { keyPairsRequests } from './keypairs.ts';
import { networksRequests } from './networks.ts';
import { portsRequests } from './ports.ts';
import { quotasRequests } from './quotas.ts';
import { floatingIpsRequests, routersRequests } from './routers.ts';
import { securityGroupsRequests } from './security-groups.ts';
import { serverConsoleRequests } from './server-console.ts';
import { serverMovesRequests } from './server-moves.ts';
import { serverVolumesRequests } from './server-volumes.ts';
import { serversRequests } from './servers.ts';
import { subnetsRequests } from './subnets.ts';
import { volumeSnapshotsRequests } from './volume-snapshots.ts';
import { volumesRequests } from './volumes.ts';

export const PUBLIC_REQUESTS: RequestSchemas = {
  ...identityRequests,
  ...quotasRequests,
  ...keyPairsRequests,
  ...imagesRequests,
  ...flavorsRequests,
  ...serversRequests,
  ...serverVolumesRequests,
  ...serverConsoleRequests,
  ...serverMovesRequests,
  ...hostsRequests,
  ...hostCertificatesRequests,
  ...networksRequests,
  ...subnetsRequests,
  ...portsRequests,
  ...securityGroupsRequests,
  ...routersRequests,
  ...floatingIpsRequests,
  ...volumesRequests,
  ...volumeSnapshotsRequests,
};
