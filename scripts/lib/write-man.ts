// scripts/gen-man: writes docs/strato.1 from the CLI's command tree, or with
// --check says it is stale and exits 1.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stratoManPage } from '../../cli/help/man.ts';

const path = join(fileURLToPath(new URL('../../', import.meta.url)), 'docs', 'strato.1');
const page = stratoManPage();
const now = await readFile(path, 'utf8').catch(() => undefined);
if (now === page) {
  process.stdout.write('docs/strato.1 up to date\n');
} else if (process.argv[2] === '--check') {
  process.stderr.write('stale: docs/strato.1 (run scripts/gen-man)\n');
  process.exit(1);
} else {
  await writeFile(`${path}.tmp`, page);
  await rename(`${path}.tmp`, path);
  process.stdout.write('wrote docs/strato.1\n');
}
