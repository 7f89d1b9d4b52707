// Builds what ships: one ES module per entry of common/dist-entries.ts into dist/
// (`dist/<name>.mjs`), bundled by esbuild, so a daemon or a CLI command loads one
// file of plain JavaScript instead of hundreds of TypeScript modules through Node's
// type stripping (amaro's WebAssembly costs every process ~17 MiB). tsc still
// type-checks the sources; esbuild only strips and joins them.
//
// Atomic: every bundle is written to a temporary name in dist/ and renamed over the
// old one, so a process starting meanwhile runs either the old or the new file,
// never half of one. Quick to call often: when dist/build-inputs.json says no source
// the bundles were made from (nor package-lock.json, nor this file) changed since the
// last build, it returns at once (`--force` builds anyway).
//
// What stays outside the bundles, resolved at run time from the install root:
// node-unix-socket (a native addon), build/native/strato_netns.node, proto/ (read by
// the reflection service on its first call), common/gen/descriptors and
// common/gen/service-descriptor.json (read by path: common/install-root.ts). Packages that read
// their own files through __dirname (the reflection service's .proto
// files, pino's worker) get their directory in node_modules, named from the bundle's
// own URL, so a moved checkout keeps working.
import { chmod, mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { DIST_ENTRIES } from '../../common/dist-entries.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INPUTS_FILE = 'build-inputs.json';

// `require` for the CommonJS packages inside an ES module; __stratoDir names a
// directory relative to the install root (dist/ is one level below it).
const BANNER = [
  "import { createRequire as __stratoCreateRequire } from 'node:module';",
  "import { fileURLToPath as __stratoFileURLToPath } from 'node:url';",
  'const require = __stratoCreateRequire(import.meta.url);',
  "const __stratoDir = (p) => __stratoFileURLToPath(new URL('../' + p, import.meta.url));",
].join('\n');

export interface BuildDistOptions {
  /** The install root (the checkout). @default this repository */
  root?: string;
  /** Build even when nothing changed. @default false */
  force?: boolean;
}

export interface BuildDistResult {
  /** dist/ under the root. */
  dir: string;
  /** False when the bundles were already up to date. */
  built: boolean;
}

interface InputsRecord {
  builtAtMs: number;
  inputs: string[];
}

/** Builds dist/*.mjs unless they are newer than everything they were built from. */
export async function buildDist(options: BuildDistOptions = {}): Promise<BuildDistResult> {
  const root = options.root ?? ROOT;
  const dir = join(root, 'dist');
  if (!options.force && (await upToDate(root, dir))) return { dir, built: false };
  const startedMs = Date.now();
  // Loaded only to build: the up-to-date check is what tests pay for most of the time.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(DIST_ENTRIES).map(([name, src]) => [name, join(root, src)])),
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Error names and class names show in logs and in what callers match on.
    keepNames: true,
    // Less source for V8 to hold: the idle conductor 7-10 MiB smaller (bench/footprint.bench.ts).
    // Identifiers stay as written; `node --enable-source-maps` maps stack traces back to the sources.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    sourcesContent: false,
    banner: { js: BANNER },
    define: { STRATO_BUNDLED: 'true' },
    external: ['node-unix-socket'],
    plugins: [nodeModulesDirname(await realpath(join(root, 'node_modules')))],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  // Readable by all whatever the builder's umask: the conductor runs as its own
  // account (install-host builds as root).
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.tmp-${process.pid}`;
    await writeFile(tmp, file.contents);
    await chmod(tmp, 0o644);
    await rename(tmp, file.path);
  }
  const inputs = Object.keys(result.metafile.inputs)
    .map((p) => relative(root, join(root, p)))
    .filter((p) => !p.split(sep).includes('node_modules'));
  const record: InputsRecord = { builtAtMs: startedMs, inputs };
  const tmp = join(dir, `${INPUTS_FILE}.tmp-${process.pid}`);
  await writeFile(tmp, `${JSON.stringify(record)}\n`);
  await chmod(tmp, 0o644);
  await rename(tmp, join(dir, INPUTS_FILE));
  return { dir, built: true };
}

async function upToDate(root: string, dir: string): Promise<boolean> {
  let record: InputsRecord;
  try {
    record = JSON.parse(await readFile(join(dir, INPUTS_FILE), 'utf8')) as InputsRecord;
  } catch {
    return false;
  }
  const outputs = Object.keys(DIST_ENTRIES).map((name) => join(dir, `${name}.mjs`));
  const sources = [
    ...record.inputs.map((p) => join(root, p)),
    join(root, 'package-lock.json'),
    fileURLToPath(import.meta.url),
    join(root, 'common/dist-entries.ts'),
  ];
  try {
    for (const out of outputs) await stat(out);
    for (const src of sources) if ((await stat(src)).mtimeMs >= record.builtAtMs) return false;
  } catch {
    return false; // an output or a source is gone: build again
  }
  return true;
}

/** Rewrites __dirname/__filename in node_modules to their real place under the install root. */
function nodeModulesDirname(nodeModules: string): Plugin {
  return {
    name: 'strato-node-modules-dirname',
    setup(b) {
      b.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, async (args) => {
        const contents = await readFile(args.path, 'utf8');
        if (!/\b__(dirname|filename)\b/.test(contents)) return { contents, loader: 'js' };
        const rel = relative(nodeModules, args.path);
        if (rel.startsWith('..')) return { contents, loader: 'js' };
        const file = ['node_modules', ...rel.split(sep)].join('/');
        const dirExpr = `__stratoDir(${JSON.stringify(dirname(file))})`;
        const fileExpr = `__stratoDir(${JSON.stringify(file)})`;
        return {
          contents: contents.replace(/\b__dirname\b/g, dirExpr).replace(/\b__filename\b/g, fileExpr),
          loader: 'js',
        };
      });
    },
  };
}

if (import.meta.main) {
  const force = process.argv.includes('--force');
  const t0 = performance.now();
  const { dir, built } = await buildDist({ force });
  const ms = Math.round(performance.now() - t0);
  console.log(
    built ? `build-dist: built ${relative(process.cwd(), dir) || dir} in ${ms} ms` : 'build-dist: up to date',
  );
}
