// Writes a config drive tree as an ISO9660 image labelled `config-2` with
// genisoimage (Joliet + Rock Ridge, as Nova does), staging the files in a
// directory next to the image and removing it whatever happens.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { runTool } from '../images/run-tool.ts';
import type { ConfigDriveFile } from './config-drive-tree.ts';

export const CONFIG_DRIVE_LABEL = 'config-2';

export async function writeConfigDrive(files: readonly ConfigDriveFile[], isoPath: string): Promise<void> {
  const staging = await mkdtemp(join(dirname(isoPath), '.config-drive-'));
  try {
    for (const f of files) {
      if (f.path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) {
        throw new Error(`config drive path ${JSON.stringify(f.path)} is not a plain relative path`);
      }
      const target = join(staging, f.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, f.content);
    }
    await runTool(
      'genisoimage',
      ['-quiet', '-V', CONFIG_DRIVE_LABEL, '-J', '-r', '-l', '-input-charset', 'utf-8', '-o', isoPath, staging],
      'CONFIG_DRIVE_FAILED',
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
