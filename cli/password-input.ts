// Where a command takes a password from, never from its command line (where
// `ps` and the shell history would show it): the first line of standard input
// (--password-stdin), an interactive prompt without echo (--password-prompt,
// or by default on a terminal), or a file (--password-file, '-' = stdin).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { firstLine } from './config.ts';
import { type Ctx, readAll } from './context.ts';
import { usageError } from './errors.ts';

/** Adds --password-stdin, --password-prompt (and with `file`, --password-file) to `cmd`. */
export function passwordOptions(cmd: Command, o: { file: boolean }): Command {
  cmd
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('--password-prompt', 'ask for the password on the terminal (the default there)');
  if (o.file) cmd.option('--password-file <file>', "a file holding the password ('-' for standard input)");
  return cmd;
}

export interface PasswordOptions {
  passwordStdin?: boolean;
  passwordPrompt?: boolean;
  passwordFile?: string;
}

async function fromStdin(ctx: Ctx, flag: string): Promise<string> {
  if (!ctx.io.stdin) throw usageError(`${flag}: no standard input`);
  const password = firstLine(await readAll(ctx.io.stdin));
  if (!password) throw usageError(`${flag}: standard input holds no password`);
  return password;
}

async function fromFile(ctx: Ctx, path: string): Promise<string> {
  if (path === '-') return fromStdin(ctx, '--password-file -');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw usageError(`cannot read --password-file ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  const password = firstLine(text);
  if (!password) throw usageError(`--password-file ${path} is empty`);
  return password;
}

async function fromPrompt(ctx: Ctx, confirm: boolean): Promise<string> {
  const prompt = ctx.io.promptSecret;
  if (!prompt) throw usageError('--password-prompt needs a terminal; use --password-stdin');
  const password = await prompt('Password: ');
  if (!password) throw usageError('no password given');
  if (confirm && (await prompt('Repeat password: ')) !== password) throw usageError('the passwords differ');
  return password;
}

/**
 * The password the options name, or (none given) a prompt when the terminal
 * allows one and `required`, else undefined. A new password is asked twice.
 */
export async function readPassword(
  ctx: Ctx,
  o: PasswordOptions,
  how: { required: boolean; isNew: boolean },
): Promise<string | undefined> {
  const given = [o.passwordStdin, o.passwordPrompt, o.passwordFile !== undefined].filter(Boolean).length;
  if (given > 1) throw usageError('give one of --password-stdin, --password-prompt and --password-file');
  if (o.passwordStdin) return fromStdin(ctx, '--password-stdin');
  if (o.passwordFile !== undefined) return fromFile(ctx, o.passwordFile);
  if (o.passwordPrompt || (how.required && ctx.io.promptSecret)) return fromPrompt(ctx, how.isNew);
  if (how.required) throw usageError('a password is needed: --password-stdin or --password-prompt');
  return undefined;
}
