// The identity commands: login|logout|whoami|token, project, user, role.
import type { Command } from 'commander';
import type { Ctx } from '../context.ts';
import { registerLogin } from './login.ts';
import { registerProject } from './project.ts';
import { registerRole } from './role.ts';
import { registerUser } from './user.ts';

export function registerIdentity(program: Command, ctx: Ctx): void {
  registerLogin(program, ctx);
  registerProject(program, ctx);
  registerUser(program, ctx);
  registerRole(program, ctx);
}
