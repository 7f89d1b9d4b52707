// grpc.reflection v1 and v1alpha, built on their first call instead of at
// start. @grpc/reflection wants the file descriptors of the services it
// describes, and its addToServer parses its own reflection.proto twice: done
// at every start, that cost each daemon tens of milliseconds and MiBs for a
// service only grpcurl and operators call. Here the port serves both
// ServerReflectionInfo methods at once with raw bytes; the first message loads
// @grpc/reflection and the descriptors (`load`), and from then on every
// message goes through @grpc/reflection's own handler and (de)serializers, so
// the answers are exactly what it answers when built at start.
import { EventEmitter } from 'node:events';
import {
  type Server,
  type ServerDuplexStream,
  type ServiceDefinition,
  type UntypedHandleCall,
  status,
} from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import type { Logger } from '../log.ts';

const VERSIONS = ['v1', 'v1alpha'] as const;
type Version = (typeof VERSIONS)[number];

/** One version's service as @grpc/reflection adds it: its definition (the (de)serializers) and its handler. */
interface Built {
  def: ServiceDefinition;
  handle: (stream: EventEmitter) => void;
}

const raw = (b: Buffer): Buffer => b;

/**
 * Adds both reflection services to `server` (before it binds). `load` gives
 * the package describing `services` (what `new ReflectionService(pkg, {services})`
 * takes); it runs once, on the first reflection message.
 */
export function addLazyReflection(
  server: Server,
  services: readonly string[],
  load: () => Promise<PackageDefinition>,
  log: Logger,
): void {
  let built: Promise<Record<Version, Built>> | undefined;
  const build = async (): Promise<Record<Version, Built>> => {
    const [{ ReflectionService }, pkg] = await Promise.all([import('@grpc/reflection'), load()]);
    const out: Partial<Record<Version, Built>> = {};
    const reflection = new ReflectionService(pkg, { services: [...services] });
    // addToServer's only use of the server is one addService per version: catch them.
    const catcher = {
      addService(def: ServiceDefinition, impl: Record<string, unknown>) {
        const version = Object.values(def)[0]?.path.split('.')[2] as Version;
        out[version] = { def, handle: impl.ServerReflectionInfo as Built['handle'] };
      },
    };
    reflection.addToServer(catcher as unknown as Server);
    if (!out.v1 || !out.v1alpha) throw new Error('@grpc/reflection added no v1 and v1alpha services');
    log.info({ services }, 'grpc reflection built');
    return out as Record<Version, Built>;
  };

  for (const version of VERSIONS) {
    const path = `/grpc.reflection.${version}.ServerReflection/ServerReflectionInfo`;
    const def: ServiceDefinition = {
      ServerReflectionInfo: {
        path,
        requestStream: true,
        responseStream: true,
        requestSerialize: raw,
        requestDeserialize: raw,
        responseSerialize: raw,
        responseDeserialize: raw,
      },
    };
    const handler = (call: ServerDuplexStream<Buffer, Buffer>) => {
      // What @grpc/reflection's handler sees: decoded requests in, objects out.
      let facade: EventEmitter | undefined;
      let chain: Promise<unknown> = Promise.resolve();
      let failed = false;
      const ready = async (): Promise<{ facade: EventEmitter; b: Built }> => {
        built ??= build();
        const b = (await built)[version];
        if (!facade) {
          facade = Object.assign(new EventEmitter(), {
            write: (msg: object) => call.write(b.def.ServerReflectionInfo!.responseSerialize(msg)),
            end: () => call.end(),
          });
          b.handle(facade);
        }
        return { facade, b };
      };
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        // A failed build is retried by the next call, not remembered.
        built = undefined;
        log.error({ err }, 'grpc reflection failed');
        call.emit('error', { code: status.INTERNAL, details: 'reflection unavailable' });
      };
      // In order: each message waits for the build and for the one before it.
      call.on('data', (bytes: Buffer) => {
        chain = chain.then(async () => {
          if (failed) return;
          const { facade: f, b } = await ready();
          f.emit('data', b.def.ServerReflectionInfo!.requestDeserialize(bytes));
        });
        chain = chain.catch(fail);
      });
      call.on('end', () => {
        chain = chain.then(() => failed || (facade ? facade.emit('end') : call.end())).catch(fail);
      });
    };
    server.addService(def, { ServerReflectionInfo: handler as UntypedHandleCall });
  }
}
