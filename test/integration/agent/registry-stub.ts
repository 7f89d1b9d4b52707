// A TEST STUB of the conductor's strato.host.v1.Registry, for the agent's
// integration tests only: it accepts Register/Heartbeat/ReportInstance over
// mutual TLS (recording every call), serves PullImage from one image file, and
// answers with the expected instance ids the test sets, and GetInstanceMetadata from
// the guests the test sets. It is not the conductor.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { StratoError } from '../../../common/errors.ts';
import type { ProtoGrpcType as HostProto } from '../../../common/gen/host.ts';
import type { GetInstanceMetadataRequest__Output } from '../../../common/gen/strato/host/v1/GetInstanceMetadataRequest.ts';
import type { GetInstanceMetadataResponse } from '../../../common/gen/strato/host/v1/GetInstanceMetadataResponse.ts';
import type { Orphans__Output } from '../../../common/gen/strato/host/v1/Orphans.ts';
import type { InstanceReport__Output } from '../../../common/gen/strato/host/v1/InstanceReport.ts';
import type { RegisterRequest__Output } from '../../../common/gen/strato/host/v1/RegisterRequest.ts';
import type { StorageReport__Output } from '../../../common/gen/strato/host/v1/StorageReport.ts';
import type { RegistryHandlers } from '../../../common/gen/strato/host/v1/Registry.ts';
import { mtlsServerCredentials } from '../../../common/grpc/credentials.ts';
import { StratoServer } from '../../../common/grpc/server.ts';
import { log } from '../../../common/log.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';

export interface StubImage {
  id: string;
  path: string;
  sha256: string;
  sizeBytes: number;
  diskFormat: 'qcow2' | 'raw';
}

export async function stubImage(id: string, path: string): Promise<StubImage> {
  const sha256 = createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
  return { id, path, sha256, sizeBytes: (await stat(path)).size, diskFormat: 'qcow2' };
}

export interface ReportSeen {
  at: number;
  report: InstanceReport__Output;
}

export interface StubEvents {
  report: [ReportSeen];
  register: [RegisterRequest__Output];
}

export class RegistryStub extends EventEmitter<StubEvents> {
  readonly registers: RegisterRequest__Output[] = [];
  readonly heartbeats: InstanceReport__Output[][] = [];
  /** The storage report of each heartbeat (null: none sent). */
  readonly heartbeatStorage: (StorageReport__Output | null)[] = [];
  readonly reports: ReportSeen[] = [];
  /** The orphan counts of the last heartbeat (null before the first). */
  lastOrphans: Orphans__Output | null = null;
  pulls = 0;
  /** Wait before streaming, so concurrent pulls overlap. */
  pullDelayMs = 300;
  expected: string[] = [];
  heartbeatIntervalS = 1;
  /** Answer heartbeats NOT_FOUND until the next Register, as a conductor that lost the host would. */
  forgetHosts = false;
  port = 0;
  /** GetInstanceMetadata's answers by `${networkId} ${ip}`; anything else is NOT_FOUND. */
  readonly guests = new Map<string, GetInstanceMetadataResponse>();
  readonly metadataCalls: GetInstanceMetadataRequest__Output[] = [];
  private server: StratoServer | undefined;
  private readonly image: StubImage;

  constructor(image: StubImage) {
    super();
    this.image = image;
  }

  async start(tls: { caFile: string; certFile: string; keyFile: string }): Promise<number> {
    const pkg = await loadProtoPackage();
    const proto = toGrpcObject<HostProto>(pkg);
    this.server = new StratoServer({ log: log.child({ component: 'registry-stub' }) });
    const self = this;
    this.server.addService<RegistryHandlers>(proto.strato.host.v1.Registry.service, {
      async Register(req) {
        self.forgetHosts = false;
        self.registers.push(req);
        self.emit('register', req);
        return { heartbeatIntervalS: self.heartbeatIntervalS, expectedInstanceIds: self.expected, downAfterS: 60 };
      },
      async Heartbeat(req) {
        if (self.forgetHosts) throw new StratoError('NOT_FOUND', 'HOST_NOT_FOUND', `unknown host ${req.hostId}`);
        self.heartbeats.push(req.instances);
        self.heartbeatStorage.push(req.storage);
        self.lastOrphans = req.orphans;
        return { expectedInstanceIds: self.expected };
      },
      async ReportInstance(req) {
        if (req.instance) {
          const seen = { at: Date.now(), report: req.instance };
          self.reports.push(seen);
          self.emit('report', seen);
        }
        return {};
      },
      async *PullImage(req) {
        if (req.imageId !== self.image.id) throw new StratoError('NOT_FOUND', 'IMAGE_NOT_FOUND', 'no such image');
        self.pulls++;
        await new Promise((r) => setTimeout(r, self.pullDelayMs));
        let first = true;
        for await (const chunk of createReadStream(self.image.path, { highWaterMark: 1 << 20 })) {
          yield {
            sha256: first ? self.image.sha256 : '',
            sizeBytes: first ? String(self.image.sizeBytes) : '0',
            diskFormat: first ? self.image.diskFormat : '',
            data: chunk as Buffer,
          };
          first = false;
        }
      },
      async RenewCertificate() {
        throw new StratoError('FAILED_PRECONDITION', 'CA_UNAVAILABLE', 'the registry stub signs nothing');
      },
      async GetInstanceMetadata(req) {
        self.metadataCalls.push(req);
        const guest = self.guests.get(`${req.networkId} ${req.ip}`);
        if (guest === undefined) throw new StratoError('NOT_FOUND', 'INSTANCE_NOT_FOUND', 'no such guest in the stub');
        return guest;
      },
    });
    this.port = await this.server.listen('127.0.0.1:0', await mtlsServerCredentials(tls));
    return this.port;
  }

  /** Resolves with the first report (from now on) matching `test`; rejects after `timeoutMs`. */
  nextReport(test: (r: InstanceReport__Output) => boolean, timeoutMs: number): Promise<ReportSeen> {
    const p = new Promise<ReportSeen>((resolve, reject) => {
      const on = (seen: ReportSeen): void => {
        if (!test(seen.report)) return;
        clearTimeout(timer);
        this.off('report', on);
        resolve(seen);
      };
      const timer = setTimeout(() => {
        this.off('report', on);
        reject(new Error(`no matching ReportInstance within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on('report', on);
    });
    p.catch(() => {});
    return p;
  }

  nextRegister(timeoutMs: number): Promise<RegisterRequest__Output> {
    const p = new Promise<RegisterRequest__Output>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no Register within ${timeoutMs} ms`)), timeoutMs);
      this.once('register', (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    p.catch(() => {});
    return p;
  }

  async stop(): Promise<void> {
    await this.server?.shutdown(1000);
  }
}
