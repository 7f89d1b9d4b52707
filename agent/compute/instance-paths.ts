// Where an instance's files live on the host: `<state>/instances/<id>/` holds the
// qcow2 overlay, the config drive and the serial console log; removing the
// directory removes the instance's every file.
import { join } from 'node:path';
import { invalidArgument } from '../../common/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface InstancePaths {
  dir: string;
  disk: string;
  configDrive: string;
  consoleLog: string;
}

/** Throws INVALID_ARGUMENT unless `id` is a lower-case UUID (it becomes a path). */
export function checkInstanceId(id: string): void {
  if (!UUID.test(id)) {
    throw invalidArgument('INVALID_INSTANCE_ID', `instance_id must be a lower-case UUID, got ${JSON.stringify(id)}`, {
      details: { field: 'instance_id' },
    });
  }
}

export function isInstanceId(id: string): boolean {
  return UUID.test(id);
}

export function instancesDir(stateDir: string): string {
  return join(stateDir, 'instances');
}

export function instancePaths(stateDir: string, id: string): InstancePaths {
  checkInstanceId(id);
  const dir = join(instancesDir(stateDir), id);
  return {
    dir,
    disk: join(dir, 'disk.qcow2'),
    configDrive: join(dir, 'disk.config'),
    consoleLog: join(dir, 'console.log'),
  };
}
