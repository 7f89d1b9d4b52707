// strato login|logout|whoami, project create|list, user create.
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { Project__Output } from '../../common/gen/strato/identity/v1/Project.ts';
import type { User__Output } from '../../common/gen/strato/identity/v1/User.ts';
import { allPages, nameOrId } from '../args.ts';
import { firstLine } from '../config.ts';
import { type Ctx, readAll } from '../context.ts';
import { usageError } from '../errors.ts';
import { type Column, renderList, renderShow } from '../output.ts';

const PROJECT_COLUMNS: Column<Project__Output>[] = [
  { header: 'ID', get: (p) => p.id },
  { header: 'Name', get: (p) => p.name },
  { header: 'Created', get: (p) => p.createdAt },
];

const USER_FIELDS: Column<User__Output>[] = [
  { header: 'ID', get: (u) => u.id },
  { header: 'Name', get: (u) => u.name },
  { header: 'Project', get: (u) => u.projectId },
  { header: 'Role', get: (u) => u.role },
  { header: 'Created', get: (u) => u.createdAt },
];

interface TokenInfo {
  user?: User__Output | null;
  project?: Project__Output | null;
  expiresAt: string;
}

const TOKEN_FIELDS: Column<TokenInfo>[] = [
  { header: 'User', get: (t) => t.user?.name },
  { header: 'User ID', get: (t) => t.user?.id },
  { header: 'Role', get: (t) => t.user?.role },
  { header: 'Project', get: (t) => t.project?.name },
  { header: 'Project ID', get: (t) => t.project?.id },
  { header: 'Expires', get: (t) => t.expiresAt },
];

async function readPasswordFile(ctx: Ctx, path: string): Promise<string> {
  let text: string;
  try {
    if (path === '-') {
      if (!ctx.io.stdin) throw usageError('--password-file -: no standard input');
      text = await readAll(ctx.io.stdin);
    } else {
      text = await readFile(path, 'utf8');
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'CliError') throw err;
    throw usageError(`cannot read --password-file ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  const password = firstLine(text);
  if (!password) throw usageError(`--password-file ${path} is empty`);
  return password;
}

export function registerIdentity(program: Command, ctx: Ctx): void {
  program
    .command('login')
    .description("log in with the cloud's password and cache the token")
    .option('--print-token', 'print the token only (for STRATO_TOKEN)')
    .action(async (o: { printToken?: boolean }, cmd: Command) => {
      const r = await (await ctx.session(cmd)).login();
      if (o.printToken) ctx.print(`${r.token}\n`);
      else ctx.print(renderShow<TokenInfo>(r, TOKEN_FIELDS, ctx.output(cmd)));
    });

  program
    .command('logout')
    .description('revoke the cached token and forget it')
    .action(async (_o: unknown, cmd: Command) => {
      const session = await ctx.session(cmd);
      await (await session.identity()).Logout({});
      await session.forgetToken();
    });

  program
    .command('whoami')
    .description('the user and project of the current token')
    .action(async (_o: unknown, cmd: Command) => {
      const r = await (await (await ctx.session(cmd)).identity()).WhoAmI({});
      ctx.print(renderShow<TokenInfo>(r, TOKEN_FIELDS, ctx.output(cmd)));
    });

  const project = program.command('project').description('projects: who owns what');
  project
    .command('create')
    .description('create a project (admin only)')
    .argument('<name>', 'project name', nameOrId)
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).identity();
      ctx.print(renderShow(await api.CreateProject({ name }), PROJECT_COLUMNS, ctx.output(cmd)));
    });
  project
    .command('list')
    .description('list projects (admins see all)')
    .action(async (_o: unknown, cmd: Command) => {
      const api = await (await ctx.session(cmd)).identity();
      const items = await allPages(async (pageToken) => {
        const r = await api.ListProjects({ pageToken });
        return { items: r.projects, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, PROJECT_COLUMNS, ctx.output(cmd)));
    });

  const user = program.command('user').description('users');
  user
    .command('create')
    .description('create a user in a project (admin only)')
    .argument('<name>', 'user name', nameOrId)
    .requiredOption('--project <project>', 'project name or id', nameOrId)
    .requiredOption('--password-file <file>', "a file holding the password ('-' for standard input)")
    .addOption(new Option('--role <role>', 'role in the project').choices(['admin', 'member']).default('member'))
    .action(async (name: string, o: { project: string; passwordFile: string; role: string }, cmd: Command) => {
      const password = await readPasswordFile(ctx, o.passwordFile);
      const api = await (await ctx.session(cmd)).identity();
      const u = await api.CreateUser({ name, password, project: o.project, role: o.role });
      ctx.print(renderShow(u, USER_FIELDS, ctx.output(cmd)));
    });
}
