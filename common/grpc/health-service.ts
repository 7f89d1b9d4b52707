// The standard grpc.health.v1.Health service (Check, Watch, List), written
// here instead of taken from grpc-health-check: that package runs
// proto-loader on its health.proto as soon as it is imported, which cost
// every daemon ~23 ms of start and some MiB for three tiny messages. Their
// wire format is fixed by the standard (health/v1/health.proto, the copy in
// node_modules/grpc-health-check/proto that test/unit/grpc/health-service.test.ts
// checks this encoding against), so they are encoded by hand, and no .proto
// is parsed nor protobufjs type built at start:
//   HealthCheckRequest  { string service = 1; }
//   HealthCheckResponse { ServingStatus status = 1; }  (an enum: a varint)
//   HealthListRequest   {}
//   HealthListResponse  { map<string, HealthCheckResponse> statuses = 1; }
// Semantics are the standard's, as grpc-health-check implements them: Check
// answers NOT_FOUND for a service it has no status for; Watch sends the
// current status (SERVICE_UNKNOWN when there is none), then each change;
// List gives every status, RESOURCE_EXHAUSTED past 100 services.
import {
  type sendUnaryData,
  type Server,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  status as grpcStatus,
} from '@grpc/grpc-js';

/** What a service reports (SERVICE_UNKNOWN is only ever sent by Watch). */
export type ServingStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING';
type WireStatus = ServingStatus | 'SERVICE_UNKNOWN';

const STATUS_NUMBER: Record<WireStatus, number> = { UNKNOWN: 0, SERVING: 1, NOT_SERVING: 2, SERVICE_UNKNOWN: 3 };
/** As grpc-health-check caps List. */
const LIST_LIMIT = 100;

// --- wire format -----------------------------------------------------------

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

function lengthDelimited(field: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([(field << 3) | 2, ...varint(body.length)]), body]);
}

/** HealthCheckResponse; UNKNOWN (0) is proto3's default, so it is not written. */
export function encodeStatus(status: WireStatus): Buffer {
  const n = STATUS_NUMBER[status];
  return n === 0 ? Buffer.alloc(0) : Buffer.from([0x08, n]);
}

/** HealthListResponse: one map entry (key = 1, value = 2) per service. */
export function encodeList(statuses: ReadonlyMap<string, ServingStatus>): Buffer {
  const entries = [...statuses].map(([service, status]) =>
    lengthDelimited(
      1,
      Buffer.concat([lengthDelimited(1, Buffer.from(service, 'utf8')), lengthDelimited(2, encodeStatus(status))]),
    ),
  );
  return Buffer.concat(entries);
}

/** A HealthCheckRequest's `service` ('' when absent); unknown fields are skipped, as protobuf requires. */
export function decodeCheckRequest(buf: Buffer): { service: string } {
  let pos = 0;
  const readVarint = (): number => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const b = buf[pos++]!;
      // Above 2^53 only the tags' and lengths' sanity matters: a length that large is rejected below.
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      if (shift > 63) throw new Error('varint too long');
    }
  };
  let service = '';
  while (pos < buf.length) {
    const tag = readVarint();
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (field === 0) throw new Error('field number 0');
    switch (wire) {
      case 0:
        readVarint();
        break;
      case 1:
        pos += 8;
        break;
      case 5:
        pos += 4;
        break;
      case 2: {
        const len = readVarint();
        if (pos + len > buf.length) throw new Error('truncated field');
        if (field === 1) service = buf.toString('utf8', pos, pos + len);
        pos += len;
        break;
      }
      default:
        throw new Error(`unsupported wire type ${wire}`);
    }
    if (pos > buf.length) throw new Error('truncated field');
  }
  return { service };
}

// --- service ---------------------------------------------------------------

const raw = (b: Buffer): Buffer => b;
const ignore = (): object => ({});

const HEALTH_SERVICE: ServiceDefinition = {
  Check: {
    path: '/grpc.health.v1.Health/Check',
    requestStream: false,
    responseStream: false,
    requestSerialize: raw,
    requestDeserialize: decodeCheckRequest,
    responseSerialize: raw,
    responseDeserialize: raw,
  },
  Watch: {
    path: '/grpc.health.v1.Health/Watch',
    requestStream: false,
    responseStream: true,
    requestSerialize: raw,
    requestDeserialize: decodeCheckRequest,
    responseSerialize: raw,
    responseDeserialize: raw,
  },
  List: {
    path: '/grpc.health.v1.Health/List',
    requestStream: false,
    responseStream: false,
    requestSerialize: raw,
    // HealthListRequest has no fields: whatever it carries is unknown fields, skipped.
    requestDeserialize: ignore,
    responseSerialize: raw,
    responseDeserialize: raw,
  },
};

/** Per-service health statuses ('' is the whole server), served as grpc.health.v1.Health. */
export class HealthService {
  private readonly statuses = new Map<string, ServingStatus>();
  private readonly watchers = new Map<string, Set<(status: ServingStatus) => void>>();

  constructor(initial: Readonly<Record<string, ServingStatus>> = {}) {
    for (const [service, status] of Object.entries(initial)) this.statuses.set(service, status);
  }

  setStatus(service: string, status: ServingStatus): void {
    const before = this.statuses.get(service);
    this.statuses.set(service, status);
    // Watch sends changes only, as the standard says.
    if (before === status) return;
    for (const watcher of this.watchers.get(service) ?? []) watcher(status);
  }

  getStatus(service: string): ServingStatus | undefined {
    return this.statuses.get(service);
  }

  addToServer(server: Server): void {
    server.addService(HEALTH_SERVICE, {
      Check: (call: ServerUnaryCall<{ service: string }, Buffer>, callback: sendUnaryData<Buffer>) => {
        const { service } = call.request;
        const status = this.statuses.get(service);
        if (status === undefined) {
          callback({ code: grpcStatus.NOT_FOUND, details: `Health status unknown for service ${service}` });
        } else {
          callback(null, encodeStatus(status));
        }
      },
      Watch: (call: ServerWritableStream<{ service: string }, Buffer>) => {
        const { service } = call.request;
        const watcher = (status: ServingStatus) => call.write(encodeStatus(status));
        let set = this.watchers.get(service);
        if (!set) {
          set = new Set();
          this.watchers.set(service, set);
        }
        set.add(watcher);
        const stop = () => {
          const s = this.watchers.get(service);
          s?.delete(watcher);
          if (s?.size === 0) this.watchers.delete(service);
        };
        call.on('cancelled', stop);
        call.on('close', stop);
        call.on('error', stop);
        call.write(encodeStatus(this.statuses.get(service) ?? 'SERVICE_UNKNOWN'));
      },
      List: (_call: ServerUnaryCall<object, Buffer>, callback: sendUnaryData<Buffer>) => {
        if (this.statuses.size > LIST_LIMIT) {
          callback({ code: grpcStatus.RESOURCE_EXHAUSTED, details: 'Too many services to list.' });
          return;
        }
        callback(null, encodeList(this.statuses));
      },
    });
  }
}
