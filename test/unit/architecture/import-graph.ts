// The repository's import graph, read from the sources: every .ts file's import
// specifiers (static `import`, `export … from`, `import type`, side-effect imports and
// dynamic `import()` with a constant specifier), as TypeScript's own pre-processor
// finds them, so comments and strings never count. Relative specifiers are resolved to
// files; package imports are kept as written.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Directories never scanned: dependencies, build output, VCS. */
const SKIP = new Set(['node_modules', 'build', '.git']);

export interface LocalImport {
  /** As written (`../../agent/network/network-driver.ts`). */
  specifier: string;
  /** The repository file it names (repository-relative). */
  path: string;
}

export interface SourceFile {
  /** Repository-relative, with forward slashes (`conductor/network/ports.ts`). */
  path: string;
  /** Every import specifier, in source order, packages included. */
  specifiers: string[];
  /** The relative ones, resolved. */
  imports: LocalImport[];
}

/** Top-level directory → the top-level directories it must never import from. */
export const FORBIDDEN_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  conductor: ['agent'],
  agent: ['conductor'],
  cli: ['agent', 'conductor'],
  common: ['agent', 'conductor', 'cli'],
};

export const topDir = (path: string): string => path.split('/')[0]!;

/** `file: specifier` for every import that crosses a line of FORBIDDEN_IMPORTS. */
export function layeringViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const forbidden = FORBIDDEN_IMPORTS[topDir(f.path)] ?? [];
    for (const i of f.imports) if (forbidden.includes(topDir(i.path))) out.push(`${f.path}: ${i.specifier}`);
  }
  return out;
}

async function listTs(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listTs(full)));
    else if (e.isFile() && e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

const toRepoPath = (abs: string): string => relative(REPO, abs).split(sep).join('/');

export function importSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const isRelative = (specifier: string): boolean => specifier.startsWith('./') || specifier.startsWith('../');

/** A file's imports from its path (repository-relative) and source text. */
export function sourceFile(path: string, source: string): SourceFile {
  const specifiers = importSpecifiers(source);
  const dir = dirname(join(REPO, path));
  const imports = specifiers
    .filter(isRelative)
    .map((specifier) => ({ specifier, path: toRepoPath(resolve(dir, specifier)) }));
  return { path, specifiers, imports };
}

/** Every .ts file under the repository (tests included), with its imports. */
export async function readSources(): Promise<SourceFile[]> {
  return (await readSourceTexts()).map((f) => sourceFile(f.path, f.text));
}

/** Every .ts file under the repository (tests included), with its text. */
export async function readSourceTexts(): Promise<{ path: string; text: string }[]> {
  const files = (await listTs(REPO)).sort();
  return Promise.all(files.map(async (abs) => ({ path: toRepoPath(abs), text: await readFile(abs, 'utf8') })));
}

/**
 * The import circles among `files`, one per strongly connected component that has
 * one (Tarjan), each as a closed path of files `a → b → … → a`, in a stable order.
 */
export function importCircles(files: readonly SourceFile[]): string[][] {
  const known = new Set(files.map((f) => f.path));
  const edges = new Map(
    files.map((f) => [f.path, [...new Set(f.imports.map((i) => i.path))].filter((p) => known.has(p)).sort()]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = edges.get(v)?.includes(v) ?? false;
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const f of [...known].sort()) if (!index.has(f)) visit(f);
  return components.map((c) => circleThrough(c, edges)).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** One closed path inside a strongly connected component, from its first file. */
function circleThrough(component: string[], edges: ReadonlyMap<string, string[]>): string[] {
  const inside = new Set(component);
  const start = component[0]!;
  // Breadth-first from the start's successors back to the start: the shortest circle through it.
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = prev.get(u)!) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
