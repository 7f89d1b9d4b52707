// One CLI invocation: parse, run the command, turn any failure into one line
// on stderr and an exit code. Returns the exit code instead of exiting, so
// tests drive it in-process.
import { CommanderError } from 'commander';
import { Ctx, type Io, type SessionFactory } from './context.ts';
import { EXIT, errorLine, exitCodeOf, isApiError } from './errors.ts';
import { lazyProgram, NeedsModule } from './lazy-program.ts';

/** Opens sessions for real: the config file, then the gRPC client module (both loaded only now). */
export function defaultSessionFactory(io: Io): SessionFactory {
  return async (cloudFlag, requestId) => {
    const sessionModule = import('./session.ts');
    const { loadCloud } = await import('./config.ts');
    const cloud = await loadCloud(io.env, cloudFlag, io.home);
    const { Session } = await sessionModule;
    return new Session({ cloud, env: io.env, requestId, ...(io.home ? { home: io.home } : {}) });
  };
}

export async function run(argv: readonly string[], io: Io, factory?: SessionFactory): Promise<number> {
  const ctx = new Ctx(io, factory ?? defaultSessionFactory(io));
  const loaded = new Set<number>();
  try {
    for (;;) {
      const program = await lazyProgram(ctx, loaded);
      try {
        await program.parseAsync([...argv], { from: 'user' });
        return EXIT.OK;
      } catch (err) {
        // The line reached a command whose module is not loaded yet: load it, parse again.
        if (!(err instanceof NeedsModule) || loaded.has(err.index)) throw err;
        loaded.add(err.index);
      }
    }
  } catch (err) {
    if (err instanceof CommanderError) return commanderExit(err, io);
    io.stderr.write(`${errorLine(await explain(err, ctx), ctx.requestId)}\n`);
    return exitCodeOf(err);
  } finally {
    const opened = ctx.openedSession();
    if (opened) (await opened.catch(() => undefined))?.close();
  }
}

/** Where a user who cannot reach the API reads on. */
export const UNREACHABLE_DOC = 'docs/cli-output.md#errors-and-what-to-do-next';

/**
 * grpc-js's connection failures say neither where it tried to connect nor
 * what to check: add the endpoint and the next step (the daemon, or the CA
 * for a TLS failure).
 */
async function explain(err: unknown, ctx: Ctx): Promise<unknown> {
  if (!isApiError(err) || err.code !== 'UNAVAILABLE' || err.reason !== 'UNAVAILABLE') return err;
  const session = await ctx.openedSession()?.catch(() => undefined);
  if (!session) return err;
  let detail = err.message
    .replace(/\s*Resolution note:\s*$/, '')
    .replace(/^No connection established\. Last error: (Error: )?/, '')
    .replace(/;? ?if the root CA is installed locally, try running Node\.js with --use-system-ca\.?/, '');
  if (/certificate/i.test(detail)) {
    const ca = session.cloud.caFile ?? "the system's CA store";
    detail = `TLS: ${detail}; is ${ca} the CA that signed the server's certificate? see docs/tls.md`;
  } else {
    detail = `${detail}: is strato-conductor running and listening there? see ${UNREACHABLE_DOC}`;
  }
  err.message = `cannot reach the API at ${session.cloud.endpoint}: ${detail}`;
  return err;
}

function commanderExit(err: CommanderError, io: Io): number {
  // --help and --version print and succeed; a group without its subcommand
  // prints its help (on stderr) and is a usage error.
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.OK;
  if (err.code === 'commander.help' || err.code === 'commander.executeSubCommandAsync') return EXIT.USAGE;
  const message = err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
  io.stderr.write(`strato: error: ${message}\n`);
  return EXIT.USAGE;
}
