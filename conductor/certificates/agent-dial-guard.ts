// The conductor's side of revocation when it calls an agent: at every TLS
// handshake the agent's server certificate must be one its host's record holds
// as valid (checkServerIdentity), and before every call the certificate the
// host's connection was opened with must still be, and the host must not be
// cut off (per-call credentials: they run on connections already open, so a
// revocation takes effect on the next call, not the next connection). A
// refused handshake leaves the call UNAVAILABLE; a refused call is
// PERMISSION_DENIED. Synchronous checks read the CertificateView.
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { type CallCredentials, type ChannelCredentials, credentials, Metadata, status } from '@grpc/grpc-js';
import {
  certificateDate,
  mtlsChannelCredentialsFrom,
  normalizeSerial,
  subjectAltNames,
  type TlsMaterial,
} from '../../common/grpc/credentials.ts';
import type { Logger } from '../../common/log.ts';
import type { CertificateFacts } from './certificate-record.ts';
import { hostCutOff, judgePresented } from './certificate-rules.ts';
import type { CertificateView } from './certificate-view.ts';

function facts(cert: PeerCertificate): CertificateFacts {
  return {
    serial: normalizeSerial(cert.serialNumber ?? ''),
    fingerprint256: cert.fingerprint256,
    notBefore: certificateDate(cert.valid_from),
    notAfter: certificateDate(cert.valid_to),
    ...subjectAltNames(cert.subjectaltname),
  };
}

/** `https://<authority>/<service>` → the authority: the host id (host-clients.ts sets it). */
const hostOfServiceUrl = (url: string): string => url.replace(/^https:\/\//, '').split('/')[0] ?? '';

export class AgentDialGuard {
  private readonly view: CertificateView;
  private readonly clock: () => number;
  private readonly log: Logger;
  /** Host id → the agent certificate its connections were last opened with. */
  private readonly serving = new Map<string, CertificateFacts>();

  constructor(view: CertificateView, log: Logger, clock: () => number = Date.now) {
    this.view = view;
    this.log = log;
    this.clock = clock;
  }

  /** Why calling `hostId`'s agent is refused now, or undefined. */
  refusal(hostId: string, cert: CertificateFacts | undefined = this.serving.get(hostId)): string | undefined {
    const rec = this.view.record(hostId);
    const now = this.clock();
    if (hostCutOff(rec, now)) return `host ${hostId} has no valid certificate: it was revoked`;
    if (cert === undefined) return undefined;
    const j = judgePresented(rec, hostId, cert, now);
    return j.kind === 'refuse' ? j.error.message : undefined;
  }

  /** grpc-js's checkServerIdentity: the name check, then the record's. */
  readonly checkServerIdentity = (hostname: string, cert: PeerCertificate): Error | undefined => {
    const nameError = checkServerIdentity(hostname, cert);
    if (nameError) return nameError;
    const presented = facts(cert);
    const why = this.refusal(hostname, presented);
    if (why !== undefined) {
      this.log.warn({ hostId: hostname, serial: presented.serial, why }, 'agent certificate refused');
      return new Error(why);
    }
    this.serving.set(hostname, presented);
    return undefined;
  };

  private readonly perCall: CallCredentials = credentials.createFromMetadataGenerator((options, callback) => {
    const hostId = hostOfServiceUrl(options.service_url);
    const why = this.refusal(hostId);
    if (why === undefined) return callback(null, new Metadata());
    // grpc-js answers the call with this code and message; nothing reaches the agent.
    callback(Object.assign(new Error(`not calling the agent: ${why}`), { code: status.PERMISSION_DENIED }));
  });

  /** Mutual-TLS credentials for every agent channel, with both checks. */
  channelCredentials(m: TlsMaterial): ChannelCredentials {
    const tls = mtlsChannelCredentialsFrom(m, { checkServerIdentity: this.checkServerIdentity });
    return credentials.combineChannelCredentials(tls, this.perCall);
  }
}
