// Preloaded into a CLI process (NODE_OPTIONS=--import) by lazy-commands.test.ts:
// at exit, writes what the process loaded to $STRATO_LOAD_PROBE_OUT as JSON:
// every module URL resolved (ESM and CommonJS), the CommonJS module cache and
// Node's own list of the built-in modules it loaded.
import { writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';

const out = process.env['STRATO_LOAD_PROBE_OUT'];
const resolved = new Set<string>();
registerHooks({
  resolve(specifier, context, next) {
    const r = next(specifier, context);
    resolved.add(r.url);
    return r;
  },
});
process.on('exit', () => {
  if (!out) return;
  const cjs = Object.keys(createRequire(import.meta.url).cache);
  const builtins = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
  writeFileSync(out, JSON.stringify({ resolved: [...resolved], cjs, builtins }));
});
