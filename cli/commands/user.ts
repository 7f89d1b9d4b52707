// strato user create|list|show|set|delete (admin).
import { type Command, Option } from 'commander';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { renderList, renderShow } from '../output.ts';
import { type PasswordOptions, passwordOptions, readPassword } from '../password-input.ts';
import { ROLE_CHOICES, USER_COLUMNS, USER_FIELDS } from './identity-fields.ts';

interface SetOptions extends PasswordOptions {
  name?: string;
  enable?: boolean;
  disable?: boolean;
  project?: string;
}

export function registerUser(program: Command, ctx: Ctx): void {
  const user = program.command('user').description('users (admin)');
  const api = async (cmd: Command) => (await ctx.session(cmd)).identity();

  passwordOptions(
    user
      .command('create')
      .description('create a user with a role in its project (member unless --role)')
      .argument('<name>', 'user name', nameOrId)
      .requiredOption('--project <project>', 'its project (name or id)', nameOrId)
      .addOption(new Option('--role <role>', 'its role there').choices(ROLE_CHOICES).default('member')),
    { file: true },
  ).action(async (name: string, o: PasswordOptions & { project: string; role: string }, cmd: Command) => {
    const password = (await readPassword(ctx, o, { required: true, isNew: true })) as string;
    const u = await (await api(cmd)).CreateUser({ name, password, project: o.project, role: o.role });
    ctx.print(renderShow(u, USER_FIELDS, ctx.output(cmd)));
  });

  user
    .command('list')
    .description('list users, or those holding a role in a project')
    .option('--project <project>', 'only users with a role in this project', nameOrId)
    .action(async (o: { project?: string }, cmd: Command) => {
      const identity = await api(cmd);
      const items = await allPages(async (pageToken) => {
        const r = await identity.ListUsers({ pageToken, project: o.project ?? '' });
        return { items: r.users, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, USER_COLUMNS, ctx.output(cmd)));
    });

  user
    .command('show')
    .description('show a user')
    .argument('<user>', 'user name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      ctx.print(renderShow(await (await api(cmd)).GetUser({ user: ref }), USER_FIELDS, ctx.output(cmd)));
    });

  passwordOptions(
    user
      .command('set')
      .description(
        'rename, set the password of, enable or disable a user (a new password or --disable ends its tokens)',
      )
      .argument('<user>', 'user name or id', nameOrId)
      .option('--name <name>', 'new name', nameOrId)
      .option('--enable', 'allow it to log in again')
      .option('--disable', 'refuse its logins and end its tokens')
      .option('--project <project>', 'new default project', nameOrId),
    { file: true },
  ).action(async (ref: string, o: SetOptions, cmd: Command) => {
    if (o.enable && o.disable) throw usageError('--enable or --disable, not both');
    const password = await readPassword(ctx, o, { required: false, isNew: true });
    const change = {
      ...(o.name === undefined ? {} : { name: o.name }),
      ...(password === undefined ? {} : { password }),
      ...(o.enable || o.disable ? { enabled: !!o.enable } : {}),
      ...(o.project === undefined ? {} : { project: o.project }),
    };
    if (Object.keys(change).length === 0) {
      throw usageError('nothing to set: --name, --password-stdin/--password-prompt, --enable/--disable or --project');
    }
    const u = await (await api(cmd)).UpdateUser({ user: ref, ...change });
    ctx.print(renderShow(u, USER_FIELDS, ctx.output(cmd)));
  });

  user
    .command('delete')
    .description('delete users (their tokens stop at once)')
    .argument('<user...>', 'user names or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const identity = await api(cmd);
      for (const ref of refs) await identity.DeleteUser({ user: ref });
    });
}
