// strato role add|remove, role assignment list (admin).
import { type Command, InvalidArgumentError } from 'commander';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { renderList, renderShow } from '../output.ts';
import { ASSIGNMENT_COLUMNS, ROLE_CHOICES } from './identity-fields.ts';

function roleArg(value: string): string {
  if (!ROLE_CHOICES.includes(value)) throw new InvalidArgumentError(`must be one of ${ROLE_CHOICES.join(', ')}`);
  return value;
}

export function registerRole(program: Command, ctx: Ctx): void {
  const role = program
    .command('role')
    .description(
      'roles of users in projects: reader reads, member also changes, admin of project admin runs the cloud',
    );
  const api = async (cmd: Command) => (await ctx.session(cmd)).identity();

  const pairCommand = (name: string, description: string) =>
    role
      .command(name)
      .description(description)
      .requiredOption('--user <user>', 'user name or id', nameOrId)
      .requiredOption('--project <project>', 'project name or id', nameOrId)
      .argument('<role>', ROLE_CHOICES.join('|'), roleArg);

  pairCommand('add', 'grant a user a role in a project').action(
    async (r: string, o: { user: string; project: string }, cmd: Command) => {
      const a = await (await api(cmd)).AddRoleAssignment({ user: o.user, project: o.project, role: r });
      ctx.print(renderShow(a, ASSIGNMENT_COLUMNS, ctx.output(cmd)));
    },
  );

  pairCommand('remove', "revoke a user's role in a project (its tokens there lose it at once)").action(
    async (r: string, o: { user: string; project: string }, cmd: Command) => {
      await (await api(cmd)).RemoveRoleAssignment({ user: o.user, project: o.project, role: r });
    },
  );

  role
    .command('assignment')
    .description('role assignments')
    .command('list')
    .description('list role assignments, of a user and/or in a project')
    .option('--user <user>', 'user name or id', nameOrId)
    .option('--project <project>', 'project name or id', nameOrId)
    .action(async (o: { user?: string; project?: string }, cmd: Command) => {
      const identity = await api(cmd);
      const items = await allPages(async (pageToken) => {
        const r = await identity.ListRoleAssignments({ pageToken, user: o.user ?? '', project: o.project ?? '' });
        return { items: r.assignments, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, ASSIGNMENT_COLUMNS, ctx.output(cmd)));
    });
}
