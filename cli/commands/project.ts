// strato project create|list|show|set|delete
import type { Command } from 'commander';
import { allPages, nameOrId } from '../args.ts';
import type { Ctx } from '../context.ts';
import { usageError } from '../errors.ts';
import { renderList, renderShow } from '../output.ts';
import { PROJECT_COLUMNS, PROJECT_FIELDS } from './identity-fields.ts';

export function registerProject(program: Command, ctx: Ctx): void {
  const project = program.command('project').description('projects: who owns what');
  const api = async (cmd: Command) => (await ctx.session(cmd)).identity();

  project
    .command('create')
    .description('create a project (admin); it comes with its default security group')
    .argument('<name>', 'project name', nameOrId)
    .option('--description <text>', 'what the project is for', '')
    .action(async (name: string, o: { description: string }, cmd: Command) => {
      const p = await (await api(cmd)).CreateProject({ name, description: o.description });
      ctx.print(renderShow(p, PROJECT_FIELDS, ctx.output(cmd)));
    });

  project
    .command('list')
    .description('list projects (the admin sees all, others those they hold a role in)')
    .action(async (_o: unknown, cmd: Command) => {
      const identity = await api(cmd);
      const items = await allPages(async (pageToken) => {
        const r = await identity.ListProjects({ pageToken });
        return { items: r.projects, nextPageToken: r.nextPageToken };
      });
      ctx.print(renderList(items, PROJECT_COLUMNS, ctx.output(cmd)));
    });

  project
    .command('show')
    .description('show a project')
    .argument('<project>', 'project name or id', nameOrId)
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      ctx.print(renderShow(await (await api(cmd)).GetProject({ project: ref }), PROJECT_FIELDS, ctx.output(cmd)));
    });

  project
    .command('set')
    .description('rename a project or set its description (admin)')
    .argument('<project>', 'project name or id', nameOrId)
    .option('--name <name>', 'new name', nameOrId)
    .option('--description <text>', 'new description ("" clears it)')
    .action(async (ref: string, o: { name?: string; description?: string }, cmd: Command) => {
      if (o.name === undefined && o.description === undefined)
        throw usageError('nothing to set: --name or --description');
      const p = await (await api(cmd)).UpdateProject({ project: ref, ...o });
      ctx.print(renderShow(p, PROJECT_FIELDS, ctx.output(cmd)));
    });

  project
    .command('delete')
    .description('delete projects that own nothing any more (admin)')
    .argument('<project...>', 'project names or ids')
    .action(async (refs: string[], _o: unknown, cmd: Command) => {
      const identity = await api(cmd);
      for (const ref of refs) await identity.DeleteProject({ project: ref });
    });
}
