// strato keypair create|import|list|show|delete
import { type FileHandle, open, readFile, rm } from 'node:fs/promises';
import type { Command } from 'commander';
import type { KeyPair__Output } from '../../common/gen/strato/compute/v1/KeyPair.ts';
import { allPages, nameOrId } from '../args.ts';
import { type Ctx, readAll } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';

const KEYPAIR_COLUMNS: Column<KeyPair__Output>[] = [
  { header: 'Name', get: (k) => k.name },
  { header: 'Fingerprint', get: (k) => k.fingerprint },
  { header: 'Type', get: (k) => k.type },
];

const KEYPAIR_FIELDS: Column<KeyPair__Output>[] = [
  ...KEYPAIR_COLUMNS,
  { header: 'Bits', get: (k) => k.bits },
  { header: 'Public Key', get: (k) => k.publicKey },
  { header: 'User', get: (k) => k.userId },
  { header: 'Created', get: (k) => k.createdAt },
];

/**
 * Opens `path` for a new private key before the key pair is made: a new file,
 * mode 0600 from its first byte, never over an existing one — so a path that
 * cannot take the key fails before anything is created.
 */
async function openKeyFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw usageError(
      code === 'EEXIST' ? `--private-key ${path} exists` : `cannot write --private-key ${path}: ${code ?? err}`,
    );
  }
}

export function registerKeyPair(program: Command, ctx: Ctx): void {
  const keypair = program.command('keypair').description('key pairs: SSH keys for your servers (yours only)');

  keypair
    .command('create')
    .description('generate an Ed25519 key pair; its private key is shown once (or written with --private-key)')
    .argument('<name>', 'key pair name', nameOrId)
    .option('--private-key <file>', 'write the private key to this new file (mode 0600) instead of printing it')
    .action(async (name: string, o: { privateKey?: string }, cmd: Command) => {
      const api = await (await ctx.session(cmd)).keyPairs();
      if (!o.privateKey) {
        // The key is the output (ssh -i wants it as is); a table would only get in the way.
        ctx.print((await api.CreateKeyPair({ name })).privateKey);
        return;
      }
      const file = await openKeyFile(o.privateKey);
      try {
        const r = await api.CreateKeyPair({ name });
        await file.writeFile(r.privateKey, { encoding: 'utf8' });
        if (r.keyPair) ctx.print(renderShow(r.keyPair, KEYPAIR_FIELDS, ctx.output(cmd)));
      } catch (err) {
        await rm(o.privateKey, { force: true });
        throw err;
      } finally {
        await file.close();
      }
    });

  keypair
    .command('import')
    .description('store your own public key (ssh-ed25519, ssh-rsa >= 2048 bits, ecdsa-sha2-nistp256)')
    .argument('<name>', 'key pair name', nameOrId)
    .requiredOption(
      '--public-key <file>',
      "an OpenSSH public key file (e.g. ~/.ssh/id_ed25519.pub; '-' for standard input)",
    )
    .action(async (name: string, o: { publicKey: string }, cmd: Command) => {
      let publicKey: string;
      try {
        publicKey =
          o.publicKey === '-' && ctx.io.stdin ? await readAll(ctx.io.stdin) : await readFile(o.publicKey, 'utf8');
      } catch (err) {
        throw usageError(`cannot read --public-key ${o.publicKey}: ${(err as NodeJS.ErrnoException).code ?? err}`);
      }
      const api = await (await ctx.session(cmd)).keyPairs();
      ctx.print(renderShow(await api.ImportKeyPair({ name, publicKey }), KEYPAIR_FIELDS, ctx.output(cmd)));
    });

  keypair
    .command('list')
    .description('list your key pairs')
    .action(async (_o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).keyPairs();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListKeyPairs({ pageToken });
        return { items: r.keyPairs, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, KEYPAIR_COLUMNS, ctx.output(cmd)));
    });

  keypair
    .command('show')
    .description('show a key pair')
    .argument('<name>', 'key pair name', nameOrId)
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).keyPairs();
      ctx.print(renderShow(await api.GetKeyPair({ keyPair: name }), KEYPAIR_FIELDS, ctx.output(cmd)));
    });

  keypair
    .command('delete')
    .description('delete key pairs (servers keep the key they got)')
    .argument('<name...>', 'key pair names')
    .action(async (names: string[], _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).keyPairs();
      for (const name of names) await api.DeleteKeyPair({ keyPair: name });
    });
}
