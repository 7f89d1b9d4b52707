// strato.agent.v1 move messages → plain data (compute/moves.ts), and back. Missing or
// malformed fields become INVALID_ARGUMENT naming the field.

import { isIP } from 'node:net';
import { isAbsolute } from 'node:path';
import { invalidArgument } from '../../common/errors.ts';
import type { FlavorSpec__Output } from '../../common/gen/strato/agent/v1/FlavorSpec.ts';
import type { MigrationStatus } from '../../common/gen/strato/agent/v1/MigrationStatus.ts';
import type { StartMigrationRequest__Output } from '../../common/gen/strato/agent/v1/StartMigrationRequest.ts';
import type { MigrationStatus as Status } from '../compute/migration-record.ts';
import type { StartMigrationRequest } from '../compute/migrations.ts';
import type { FlavorSpec } from '../hypervisor/hypervisor.ts';
import { IQN } from '../hypervisor/instance-spec-validate.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function field(name: string, message: string, reason = 'INVALID_MIGRATION_REQUEST'): never {
  throw invalidArgument(reason, `${name}: ${message}`, { details: { field: name } });
}

export function migrationIdFromProto(id: string): string {
  if (!UUID.test(id)) field('migration_id', 'must be a lower-case UUID');
  return id;
}

export function startMigrationFromProto(req: StartMigrationRequest__Output): StartMigrationRequest {
  const d = req.destination;
  if (!d) field('destination', 'is required (the PrepareIncoming answer)');
  if (isIP(d.migrationAddress) === 0) field('destination.migration_address', 'must be an IP address');
  if (!isAbsolute(d.instanceDir)) field('destination.instance_dir', 'must be an absolute path');
  if (d.imageDir !== '' && !isAbsolute(d.imageDir)) field('destination.image_dir', 'must be an absolute path');
  if (d.initiatorName !== '' && !IQN.test(d.initiatorName))
    field('destination.initiator_name', 'must be an iSCSI qualified name (iqn.YYYY-MM.domain[:name])');
  return {
    instanceId: req.instanceId,
    migrationId: migrationIdFromProto(req.migrationId),
    live: req.live,
    destination: {
      migrationAddress: d.migrationAddress,
      instanceDir: d.instanceDir,
      imageDir: d.imageDir,
      initiatorName: d.initiatorName,
    },
    bandwidthMiBs: req.bandwidthMibS,
    timeoutS: req.timeoutS,
  };
}

export function flavorFromProto(f: FlavorSpec__Output | null): FlavorSpec {
  if (!f) field('flavor', 'is required', 'INVALID_RESIZE_REQUEST');
  return { name: f.name, vcpus: f.vcpus, ramMiB: f.ramMib, diskGiB: f.diskGib };
}

export function migrationStatusToProto(s: Status): MigrationStatus {
  const p = s.progress;
  return {
    migrationId: s.migrationId,
    state: s.state,
    error: s.error,
    memoryTotalBytes: String(p.memoryTotal),
    memoryProcessedBytes: String(p.memoryProcessed),
    memoryRemainingBytes: String(p.memoryRemaining),
    diskTotalBytes: String(p.diskTotal),
    diskProcessedBytes: String(p.diskProcessed),
    diskRemainingBytes: String(p.diskRemaining),
    downtimeMs: s.downtimeMs,
    elapsedMs: String(s.elapsedMs),
  };
}
