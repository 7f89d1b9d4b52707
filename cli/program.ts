// The whole command tree, every command module loaded: for the man page,
// the shell completions and tests. A command line builds only what it
// reaches (lazy-program.ts); commands/top-level.ts lists the top-level
// commands in this order, and test/unit/cli/lazy-commands.test.ts holds the two together.
import type { Command } from 'commander';
import { registerCompletion } from './commands/completion.ts';
import { registerConsole } from './commands/console.ts';
import { registerFlavor } from './commands/flavor.ts';
import { registerFloatingIp } from './commands/floating-ip.ts';
import { registerHost } from './commands/host.ts';
import { registerIdentity } from './commands/identity.ts';
import { registerImage } from './commands/image.ts';
import { registerKeyPair } from './commands/keypair.ts';
import { registerNetwork } from './commands/network.ts';
import { registerPort } from './commands/port.ts';
import { registerQuota } from './commands/quota.ts';
import { registerRouter } from './commands/router.ts';
import { registerSecurityGroup } from './commands/security-group.ts';
import { registerServer } from './commands/server.ts';
import { registerSubnet } from './commands/subnet.ts';
import { registerVolume } from './commands/volume.ts';
import type { Ctx } from './context.ts';
import { rootProgram } from './program-root.ts';

export { ROOT_NOTES } from './program-root.ts';

export function buildProgram(ctx: Ctx): Command {
  const program = rootProgram(ctx);
  registerIdentity(program, ctx);
  registerImage(program, ctx);
  registerFlavor(program, ctx);
  registerServer(program, ctx);
  registerKeyPair(program, ctx);
  registerConsole(program, ctx);
  registerHost(program, ctx);
  registerNetwork(program, ctx);
  registerSubnet(program, ctx);
  registerPort(program, ctx);
  registerRouter(program, ctx);
  registerFloatingIp(program, ctx);
  registerSecurityGroup(program, ctx);
  registerVolume(program, ctx);
  registerQuota(program, ctx);
  registerCompletion(program, ctx);
  return program;
}
