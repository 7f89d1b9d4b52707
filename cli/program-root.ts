// The root of the command tree: the global flags, accepted anywhere on the
// line (`strato -f json flavor list` and `strato flavor list -f json`), and
// the output and error settings every subcommand inherits. No command here:
// program.ts adds all of them, lazy-program.ts only the ones a line reaches.
import { Command, Option } from 'commander';
import { packageVersion } from '../common/version.ts';
import { collect } from './args.ts';
import type { Ctx } from './context.ts';
import { FORMATS } from './output.ts';

/** The root help's closing text (also the man page's NOTES). */
export const ROOT_NOTES =
  'Configuration: $STRATO_CONFIG or ~/.config/strato/clouds.yaml; STRATO_URL, STRATO_CA_FILE and\n' +
  'STRATO_TOKEN override it. Exit codes: 0 ok, 1 API error, 2 usage, 3 configuration,\n' +
  '4 authentication/permission, 5 not found, 6 unavailable or timed out.\n';

export function rootProgram(ctx: Ctx): Command {
  return (
    new Command('strato')
      .description('strato: servers, images, flavors, networks, volumes, key pairs and quotas on a strato cloud')
      .version(`strato ${packageVersion()}`, '-V, --version', 'print the version of strato')
      .addOption(new Option('--os-cloud <name>', 'the cloud in clouds.yaml').env('STRATO_CLOUD'))
      .addOption(
        new Option('-f, --format <format>', 'output format (see docs/cli-output.md)').choices(FORMATS).default('table'),
      )
      .option('-c, --column <name>', 'print only this column (repeatable, in this order; every format)', collect)
      .addHelpText('after', `\n${ROOT_NOTES}`)
      // Settings made before .command() are inherited by every subcommand.
      .exitOverride()
      .configureOutput({
        writeOut: (s) => ctx.io.stdout.write(s),
        writeErr: (s) => ctx.io.stderr.write(s),
        // run() prints usage errors itself, in the CLI's one-line format.
        outputError: () => {},
      })
      .showSuggestionAfterError(true)
      // Every subcommand's help lists -f, -c and --os-cloud too: they are
      // accepted anywhere on the line.
      .configureHelp({ showGlobalOptions: true })
  );
}
