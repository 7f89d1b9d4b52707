// Runs libvirt's own schema check (virt-xml-validate, package libvirt-clients) on a
// document. Returns undefined when the tool is not installed, so callers can skip
// with that reason instead of passing silently.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../harness/exec.ts';

export interface ValidateResult {
  ok: boolean;
  output: string;
}

export async function virtXmlValidate(xml: string, schema = 'domain'): Promise<ValidateResult | undefined> {
  const dir = await mkdtemp(path.join(tmpdir(), 'strato-dxv-'));
  try {
    const file = path.join(dir, 'doc.xml');
    await writeFile(file, xml);
    try {
      const { stdout, stderr } = await run('virt-xml-validate', [file, schema], { timeout: 30_000 });
      return { ok: true, output: stdout + stderr };
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
      if (e.code === 'ENOENT') return undefined;
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
