// The operator guide (docs/) stays true to the code: the generated reference pages
// match what scripts/gen-config-docs renders now (a new flag, default or metric
// without a regenerated page fails here), every metric the metric modules define is
// listed (so a registry wired in a daemon's main.ts but not in the generator shows
// up), and the guide's index and relative links point at files that exist.
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { REFERENCE_DOCS, renderReferenceDocs } from '../../../scripts/lib/reference-docs.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const METRIC_MODULES = ['common/metrics', 'conductor/metrics', 'agent/metrics'];

describe('docs: the generated reference pages', () => {
  it('match the code (run scripts/gen-config-docs after changing a flag, default or metric)', async () => {
    const pages = await renderReferenceDocs(ROOT);
    for (const doc of REFERENCE_DOCS) {
      const onDisk = await readFile(join(ROOT, doc), 'utf8').catch(() => '(missing)');
      const [have, want] = [onDisk.split('\n'), pages[doc].split('\n')];
      const line = want.findIndex((l, i) => have[i] !== l);
      const where = line < 0 ? 'extra lines at the end' : `line ${line + 1}: ${JSON.stringify(have[line] ?? '(none)')}`;
      assert.ok(onDisk === pages[doc], `${doc} is stale (${where}): run scripts/gen-config-docs`);
    }
  });

  it('list every metric the metric modules define', async () => {
    const page = await readFile(join(ROOT, 'docs/metrics.md'), 'utf8');
    const defined = new Set<string>();
    for (const dir of METRIC_MODULES) {
      for (const f of (await readdir(join(ROOT, dir))).filter((n) => n.endsWith('.ts'))) {
        const text = await readFile(join(ROOT, dir, f), 'utf8');
        for (const m of text.matchAll(/'(strato_[a-z0-9_]+)'/g)) defined.add(m[1]!);
      }
    }
    assert.ok(defined.size > 20, `found ${defined.size} metric names`);
    const missing = [...defined].filter((name) => !page.includes(`| \`${name}\` |`));
    assert.deepEqual(missing, [], 'defined but not in docs/metrics.md: register them in scripts/lib/reference-docs.ts');
  });
});

describe('docs: the guide', () => {
  it('indexes every page, and every relative link resolves', async () => {
    const pages = (await readdir(join(ROOT, 'docs'))).filter((n) => n.endsWith('.md'));
    const index = await readFile(join(ROOT, 'docs/README.md'), 'utf8');
    const unindexed = pages.filter((p) => p !== 'README.md' && !index.includes(`](${p})`));
    assert.deepEqual(unindexed, [], 'pages docs/README.md does not link');
    const broken: string[] = [];
    for (const file of [...pages.map((p) => join('docs', p)), 'README.md']) {
      const text = await readFile(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target)) continue; // http:, https:, mailto:
        const path = resolve(dirname(join(ROOT, file)), target);
        if (
          !(await stat(path).then(
            () => true,
            () => false,
          ))
        )
          broken.push(`${file} → ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
