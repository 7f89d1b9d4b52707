// strato login|logout|whoami, token revoke.
import type { Command } from 'commander';
import { nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { renderShow } from '../output.ts';
import { type PasswordOptions, passwordOptions, readPassword } from '../password-input.ts';
import { TOKEN_FIELDS, type TokenInfo } from './identity-fields.ts';

interface LoginOptions extends PasswordOptions {
  user?: string;
  project?: string;
  printToken?: boolean;
}

export function registerLogin(program: Command, ctx: Ctx): void {
  passwordOptions(
    program
      .command('login')
      .description(
        "log in and cache the token with its expiry: as --user (until it expires or 'strato logout'), else with the cloud's configured credentials",
      )
      .option('--user <name>', 'log in as this user (its password from --password-stdin or a prompt)', nameOrId)
      .option('--project <project>', "scope the token to this project (default: the user's own)", nameOrId)
      .option('--print-token', 'print the token only (for STRATO_TOKEN in scripts)'),
    { file: false },
  ).action(async (o: LoginOptions, cmd: Command) => {
    const explicit = o.user !== undefined;
    if (!explicit && (o.project !== undefined || o.passwordStdin || o.passwordPrompt)) {
      throw usageError('--project, --password-stdin and --password-prompt go with --user');
    }
    const password = explicit ? await readPassword(ctx, o, { required: true, isNew: false }) : undefined;
    const session = await ctx.session(cmd);
    const r =
      explicit && password !== undefined
        ? await session.loginWith({ username: o.user as string, password, project: o.project ?? '' }, true)
        : await session.login();
    if (o.printToken) ctx.print(`${r.token}\n`);
    else ctx.print(renderShow<TokenInfo>(r, TOKEN_FIELDS, ctx.output(cmd)));
  });

  program
    .command('logout')
    .description('revoke the token in use and forget the cached one')
    .action(async (_o: unknown, cmd: Command) => {
      const session = await ctx.session(cmd);
      // Nothing to revoke (or an explicit login that already expired): just forget it.
      if ((await session.existingToken(true)) !== undefined) await (await session.identity()).Logout({});
      await session.forgetToken();
    });

  program
    .command('whoami')
    .description('the user, project and effective role of the current token')
    .action(async (_o: unknown, cmd: Command) => {
      const r = await (await (await ctx.session(cmd)).identity()).WhoAmI({});
      ctx.print(renderShow<TokenInfo>(r, TOKEN_FIELDS, ctx.output(cmd)));
    });

  const token = program.command('token').description('bearer tokens');
  token
    .command('revoke')
    .description('revoke a token (default: the one in use, which is then forgotten); whoever holds a token may end it')
    .argument('[token]', 'the token to revoke')
    .action(async (given: string | undefined, _o: unknown, cmd: Command) => {
      const session = await ctx.session(cmd);
      const current = await session.currentToken();
      const target = given ?? current;
      await (await session.identity()).RevokeToken({ token: target });
      if (target === current) await session.forgetToken();
    });
}
