// A grpc-js server with strato's conventions: every service's handlers are
// wrapped (request id, logging, error model; see handlers.ts), its requests
// decoded strictly (request-decoding.ts) and checked by the daemon's own
// validation when it gives one (validateRequest), messages bounded per port
// (message-limits.ts), the standard grpc.health.v1 service (health-service.ts)
// reports per-service status, server reflection lets grpcurl list and call the
// services this server serves (and only those), and shutdown drains calls for
// a grace period before cutting the rest.
import {
  type MethodDefinition,
  Server,
  type ServerCredentials,
  type ServerOptions,
  type ServiceDefinition,
} from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { type Logger, log as rootLog } from '../log.ts';
import { loadProtoPackage, protoFilesDeclaring } from '../proto.ts';
import {
  type CallHook,
  type CallObserver,
  type ErrorMapper,
  type Implementation,
  type RequestCheck,
  wrapHandler,
} from './handlers.ts';
import { HealthService, type ServingStatus } from './health-service.ts';
import { addLazyReflection } from './lazy-reflection.ts';
import { type MessageLimits, serverMessageOptions } from './message-limits.ts';
import { requestTypeName, strictRequestDecoding } from './request-decoding.ts';

/**
 * The check for a method's requests (see RequestCheck), given the method and
 * its request message's fully qualified name (`strato.compute.v1.GetServerRequest`;
 * undefined when no descriptor names it), or undefined to check nothing.
 * Asked once per method when its service is added.
 */
export type RequestValidation = (
  method: MethodDefinition<unknown, unknown>,
  requestType: string | undefined,
) => RequestCheck | undefined;

export interface StratoServerOptions {
  /** @default the process logger */
  log?: Logger;
  /** grpc-js options (keepalive …). */
  serverOptions?: ServerOptions;
  /** The largest request taken and answer sent (MESSAGE_LIMITS.<port>). @default grpc-js's (4 MiB in, unbounded out) */
  messageLimits?: MessageLimits;
  /** Checks every request of every service added, before its handler. @default none */
  validateRequest?: RequestValidation;
  /** Rewrites errors before they reach callers (see ErrorMapper). @default none */
  mapError?: ErrorMapper;
  /** Runs around every call of every service added (see CallHook). @default none */
  hook?: CallHook;
  /** Hears how every call of the added services ended (metrics; see CallObserver). @default none */
  observeCall?: CallObserver;
}

/** `strato.agent.v1.Agent` from a definition whose paths are `/strato.agent.v1.Agent/Spawn`. */
export function serviceName(def: ServiceDefinition): string {
  const first = Object.values(def)[0];
  if (!first) throw new Error('service definition has no methods');
  return first.path.split('/')[1] ?? '';
}

export class StratoServer {
  readonly grpc: Server;
  private readonly log: Logger;
  // '' is the whole server, as the health protocol defines.
  private readonly health = new HealthService({ '': 'NOT_SERVING' });
  private readonly services = new Set<string>();
  private readonly methods: string[] = [];
  private readonly mapError: ErrorMapper | undefined;
  private readonly hook: CallHook | undefined;
  private readonly observeCall: CallObserver | undefined;
  private readonly validateRequest: RequestValidation | undefined;
  /** Set once shutdown began: health stays NOT_SERVING whatever a dependency says. */
  private stopping = false;
  /** Set by addReflection: the package describing the services, or 'files' to load their proto files. */
  private reflection: PackageDefinition | 'files' | undefined;
  private port: number | undefined;
  /** The address listen() bound, with the port it got (what grpc-js keys the port by). */
  private boundAddress: string | undefined;

  constructor(options: StratoServerOptions = {}) {
    this.log = (options.log ?? rootLog).child({ component: 'grpc-server' });
    const limits = options.messageLimits ? serverMessageOptions(options.messageLimits) : {};
    this.grpc = new Server({ ...options.serverOptions, ...limits });
    this.mapError = options.mapError;
    this.hook = options.hook;
    this.observeCall = options.observeCall;
    this.validateRequest = options.validateRequest;
    this.health.addToServer(this.grpc);
  }

  /**
   * Adds a service: `addService<AgentHandlers>(pkg.strato.agent.v1.Agent.service, impl)`.
   * Its health status starts SERVING.
   */
  addService<H>(def: ServiceDefinition, impl: Implementation<H>): this {
    if (this.port !== undefined) throw new Error('add services before listen()');
    const handlers = impl as Record<string, (...args: never[]) => unknown>;
    const wrapped: Record<string, ReturnType<typeof wrapHandler>> = {};
    const strict: Record<string, MethodDefinition<unknown, unknown>> = {};
    for (const [name, method] of Object.entries(def)) {
      const handler = handlers[name];
      if (typeof handler !== 'function') throw new Error(`${method.path}: no handler`);
      wrapped[name] = wrapHandler(method, handler.bind(impl), {
        log: this.log,
        mapError: this.mapError,
        observe: this.observeCall,
        hook: this.hook,
        check: this.validateRequest?.(method, requestTypeName(method)),
      });
      strict[name] = strictRequestDecoding(method);
      this.methods.push(method.path);
    }
    this.grpc.addService(strict, wrapped);
    const name = serviceName(def);
    this.services.add(name);
    this.health.setStatus(name, 'SERVING');
    return this;
  }

  /**
   * Serves grpc.reflection v1 and v1alpha for the services added to this
   * server, whenever they are added: it lists only those, so a port does not
   * advertise what another port serves. `pkg` describes them; without it the
   * strato proto files that declare them (and their imports) are loaded at
   * the first reflection call (not at start: lazy-reflection.ts), so the
   * port's reflection cannot describe other services' files either.
   */
  addReflection(pkg?: PackageDefinition): this {
    this.reflection = pkg ?? 'files';
    return this;
  }

  /** Full paths (`/strato.agent.v1.Agent/Spawn`) of every method of the services added so far. */
  methodPaths(): string[] {
    return [...this.methods];
  }

  /** Fully qualified names of the services added so far. */
  serviceNames(): string[] {
    return [...this.services];
  }

  /** Sets one service's health status ('' for the whole server); once shutdown began, all stay NOT_SERVING. */
  setHealth(service: string, status: ServingStatus): void {
    if (this.stopping) return;
    this.health.setStatus(service, status);
  }

  /** Binds (e.g. `127.0.0.1:0`, `[::]:7443`) and returns the bound port. */
  async listen(address: string, credentials: ServerCredentials): Promise<number> {
    if (this.reflection !== undefined) {
      const services = this.serviceNames();
      const given = this.reflection;
      const load = async () =>
        given === 'files' ? await loadProtoPackage(await protoFilesDeclaring(services)) : given;
      addLazyReflection(this.grpc, services, load, this.log);
    }
    this.port = await new Promise<number>((resolve, reject) =>
      this.grpc.bindAsync(address, credentials, (err, port) => (err ? reject(err) : resolve(port))),
    );
    // grpc-js keys a port bound as `:0` by the port it got.
    this.boundAddress = address.replace(/:\d+$/, `:${this.port}`);
    this.health.setStatus('', 'SERVING');
    this.log.info({ address, port: this.port, services: [...this.services] }, 'grpc server listening');
    return this.port;
  }

  /**
   * Closes the connections open now (HTTP/2 GOAWAY) while the port keeps
   * listening: clients reconnect for their next call, e.g. to meet the
   * certificate the server was just given (reloadable-credentials.ts). Calls
   * running on them get `graceMs` to finish, then are cancelled.
   */
  drainConnections(graceMs: number): void {
    if (this.boundAddress === undefined) throw new Error('drainConnections() before listen()');
    this.grpc.drain(this.boundAddress, graceMs);
    this.log.info({ port: this.port, graceMs }, 'grpc connections drained');
  }

  /**
   * Stops: health turns NOT_SERVING (so balancers stop sending), new calls are
   * refused, running calls get `graceMs` to finish, then are cancelled.
   */
  async shutdown(graceMs = 5000): Promise<void> {
    this.stopping = true;
    this.health.setStatus('', 'NOT_SERVING');
    for (const s of this.services) this.health.setStatus(s, 'NOT_SERVING');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.log.warn({ graceMs }, 'grpc server forced shutdown');
        this.grpc.forceShutdown();
        resolve();
      }, graceMs);
      this.grpc.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.log.info({ port: this.port }, 'grpc server stopped');
  }
}
