// strato host certificate issue|rotate|revoke|show HOST (admin only): the
// mutual-TLS certificates hosts present to the conductor. `issue --out` writes
// the bundle `scripts/install-host --cert-bundle` takes (ca.crt, HOST.crt,
// HOST.key): it holds the host's private key, the only copy.
import { type FileHandle, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { HostCertificate__Output } from '../../common/gen/strato/host/v1/HostCertificate.ts';
import type { HostCertificateSet__Output } from '../../common/gen/strato/host/v1/HostCertificateSet.ts';
import { collect, nameOrId, positiveInt } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, isStructured, renderDocument, renderList, renderShow } from '../output.ts';

export const CERTIFICATE_COLUMNS: Column<HostCertificate__Output>[] = [
  { header: 'Serial', get: (c) => c.serial },
  { header: 'State', get: (c) => (c.revocationReason ? `${c.state} (${c.revocationReason})` : c.state) },
  { header: 'Origin', get: (c) => c.origin },
  { header: 'Not After', get: (c) => c.notAfter },
  { header: 'Names', get: (c) => [...c.dnsNames, ...c.ipAddresses].join(', ') },
];

const CERTIFICATE_FIELDS: Column<HostCertificate__Output>[] = [
  ...CERTIFICATE_COLUMNS,
  { header: 'Not Before', get: (c) => c.notBefore },
  { header: 'SHA-256 Fingerprint', get: (c) => c.fingerprintSha256 },
  { header: 'Recorded', get: (c) => c.recordedAt },
];

function printSet(ctx: Ctx, cmd: Command, set: HostCertificateSet__Output): void {
  const output = ctx.output(cmd);
  if (isStructured(output.format)) {
    // The whole set; with -c, the chosen columns of its certificates.
    ctx.print(
      output.columns?.length
        ? renderList(set.certificates, CERTIFICATE_COLUMNS, output)
        : renderDocument(set, output.format),
    );
    return;
  }
  const pending = set.rotationPending ? `rotation pending since ${set.rotationRequestedAt}` : 'no rotation pending';
  // A line for people; csv and value stay rows only, for scripts.
  if (output.format === 'table')
    ctx.print(`host ${set.host}: in use ${set.inUseSerial || 'none seen yet'}, ${pending}\n`);
  ctx.print(renderList(set.certificates, CERTIFICATE_COLUMNS, output));
}

/** A new file, 0600 from its first byte, never over an existing one: checked before anything is issued. */
async function openBundle(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw usageError(code === 'EEXIST' ? `--out ${path} exists` : `cannot write --out ${path}: ${code ?? err}`);
  }
}

/** The tar install-host reads: ca.crt, HOST.crt, HOST.key (packed by tar, from a private temporary directory). */
async function bundleTar(host: string, files: { ca: string; cert: string; key: string }): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'strato-bundle-'));
  try {
    await writeFile(join(dir, 'ca.crt'), files.ca, { mode: 0o644 });
    await writeFile(join(dir, `${host}.crt`), files.cert, { mode: 0o644 });
    await writeFile(join(dir, `${host}.key`), files.key, { mode: 0o600 });
    // Loaded here: an ESM import of node:util at the top made every command's start-up slower.
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { stdout } = await promisify(execFile)('tar', ['-C', dir, '-cf', '-', 'ca.crt', `${host}.crt`, `${host}.key`], {
      encoding: 'buffer',
      maxBuffer: 1 << 20,
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function registerHostCertificate(host: Command, ctx: Ctx): void {
  const cert = host.command('certificate').description("hosts' mutual-TLS certificates (admin only)");

  cert
    .command('issue')
    .description('issue a key and certificate for a host (CN and DNS name the host id), e.g. to install it')
    .argument('<host>', 'host id', nameOrId)
    .option('--ip <address>', 'an IP address the host is reached at (repeatable)', collect)
    .option('--dns <name>', 'another DNS name of the host (repeatable)', collect)
    .option('--validity-days <n>', "days the certificate is valid (default: the conductor's)", positiveInt)
    .requiredOption('--out <file>', 'write the bundle for install-host --cert-bundle here (a new file, mode 0600)')
    .action(
      async (ref: string, o: { ip?: string[]; dns?: string[]; validityDays?: number; out: string }, cmd: Command) => {
        const api = await (await ctx.session(cmd)).hostCertificates();
        const file = await openBundle(o.out);
        try {
          const r = await api.IssueHostCertificate({
            host: ref,
            ipAddresses: o.ip ?? [],
            dnsNames: o.dns ?? [],
            validityDays: o.validityDays ?? 0,
          });
          await file.writeFile(
            await bundleTar(ref, { ca: r.caCertificatePem, cert: r.certificatePem, key: r.privateKeyPem }),
          );
          if (r.certificate) ctx.print(renderShow(r.certificate, CERTIFICATE_FIELDS, ctx.output(cmd)));
        } catch (err) {
          await rm(o.out, { force: true });
          throw err;
        } finally {
          await file.close();
        }
      },
    );

  cert
    .command('rotate')
    .description("ask a host's agent for a new key and certificate (it renews and reloads; guests keep running)")
    .argument('<host>', 'host id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).hostCertificates();
      printSet(ctx, cmd, await api.RotateHostCertificate({ host: ref }));
    });

  cert
    .command('revoke')
    .description('revoke one certificate of a host, or all of them (the host is cut off and down at once)')
    .argument('<host>', 'host id', nameOrId)
    .option('--serial <hex>', 'only this certificate (default: every certificate of the host)')
    .action(async (ref: string, o: { serial?: string }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).hostCertificates();
      printSet(ctx, cmd, await api.RevokeHostCertificate({ host: ref, serial: o.serial ?? '' }));
    });

  cert
    .command('show')
    .description("a host's certificates, the one in use and whether a rotation is pending")
    .argument('<host>', 'host id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).hostCertificates();
      printSet(ctx, cmd, await api.GetHostCertificates({ host: ref }));
    });
}
