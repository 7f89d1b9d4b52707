// scripts/gen-config-docs: writes the reference pages (reference-docs.ts), or with
// --check says which are stale and exits 1.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_DOCS, renderReferenceDocs } from './reference-docs.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const check = process.argv[2] === '--check';
const pages = await renderReferenceDocs(root);
const stale: string[] = [];
for (const doc of REFERENCE_DOCS) {
  const path = join(root, doc);
  const now = await readFile(path, 'utf8').catch(() => undefined);
  if (now === pages[doc]) continue;
  stale.push(doc);
  if (!check) {
    await writeFile(`${path}.tmp`, pages[doc]);
    await rename(`${path}.tmp`, path);
  }
}
if (check && stale.length > 0) {
  process.stderr.write(`stale: ${stale.join(', ')} (run scripts/gen-config-docs)\n`);
  process.exit(1);
}
process.stdout.write(stale.length === 0 ? 'reference pages up to date\n' : `wrote ${stale.join(', ')}\n`);
