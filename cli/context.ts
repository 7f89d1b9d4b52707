// What every command gets: where to write, the environment, the global flags
// (--os-cloud, -f, -c) and a lazily opened Session. Tests build one with
// captured output and a session factory of their own.
import type { Command } from 'commander';
import type { Env } from './config.ts';
import type { Format, OutputOptions } from './output.ts';
import type { Session } from './session.ts';

export interface Sink {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: Sink;
  stderr: Sink;
  /** For `--password-stdin` and `--password-file -`. */
  stdin?: AsyncIterable<Buffer | string>;
  /** Asks for a secret on the terminal without echo; absent when there is no terminal. */
  promptSecret?: (question: string) => Promise<string>;
  env: Env;
  home?: string;
}

export interface GlobalOptions {
  osCloud?: string;
  format: Format;
  column?: string[];
}

export type SessionFactory = (cloudFlag: string | undefined, requestId: string) => Promise<Session>;

export class Ctx {
  readonly io: Io;
  private readonly factory: SessionFactory;
  private opened: Promise<Session> | undefined;
  private id: string | undefined;

  /** Without a request id, one is made on first use: `--help` never loads node:crypto (measured: several ms of start-up). */
  constructor(io: Io, factory: SessionFactory, requestId?: string) {
    this.io = io;
    this.factory = factory;
    this.id = requestId;
  }

  /** The one request id of every call this command makes. */
  get requestId(): string {
    this.id ??= globalThis.crypto.randomUUID();
    return this.id;
  }

  globals(cmd: Command): GlobalOptions {
    return cmd.optsWithGlobals<GlobalOptions>();
  }

  output(cmd: Command): OutputOptions {
    const g = this.globals(cmd);
    return g.column ? { format: g.format, columns: g.column } : { format: g.format };
  }

  /** The session for this command, opened on first use (config, credentials, channel). */
  session(cmd: Command): Promise<Session> {
    this.opened ??= this.factory(this.globals(cmd).osCloud, this.requestId);
    return this.opened;
  }

  /** The session if one was opened (to close it at the end). */
  openedSession(): Promise<Session> | undefined {
    return this.opened;
  }

  print(text: string): void {
    this.io.stdout.write(text);
  }

  /** Progress and notes for people: stderr, never mixed into stdout that scripts parse. */
  note(text: string): void {
    this.io.stderr.write(text);
  }
}

/** Reads all of an async iterable (stdin) as text. */
export async function readAll(input: AsyncIterable<Buffer | string>): Promise<string> {
  let out = '';
  for await (const chunk of input) out += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  return out;
}
