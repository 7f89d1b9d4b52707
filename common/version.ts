// The version of strato: package.json's, the one source for `--version` of
// the CLI and both daemons and for what an agent registers with. Read
// synchronously, once: the file is small, and the CLI needs the string while
// it builds its command tree.
import { readFileSync } from 'node:fs';
import { installPath } from './install-root.ts';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(installPath('package.json'), 'utf8')) as { version?: unknown };
    cached = typeof pkg.version === 'string' && pkg.version !== '' ? pkg.version : '0.0.0';
  }
  return cached;
}
