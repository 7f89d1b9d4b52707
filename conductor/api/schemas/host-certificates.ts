// strato.host.v1.HostCertificates' requests. What reaches openssl's command
// line (the host id in -subj, names and addresses in -addext) is the
// certificate domain's to rule (conductor/certificates/certificate-input.ts):
// the edge applies those very checks, so both answer alike.
import { z } from 'zod';
import {
  certifiableHost,
  dnsNames,
  hostField,
  ipAddresses,
  serialField,
  validityDays,
} from '../../certificates/certificate-input.ts';
import { domainCheck, type RequestSchemas } from './fields.ts';

const host = z.string().check(domainCheck((v: string) => hostField(v)));

export const hostCertificatesRequests: RequestSchemas = {
  'strato.host.v1.IssueHostCertificateRequest': z.object({
    host: z.string().check(domainCheck((v: string) => certifiableHost(v))),
    ipAddresses: z.array(z.string()).check(domainCheck(ipAddresses)),
    dnsNames: z.array(z.string()).check(domainCheck(dnsNames)),
    // 0 is the conductor's default (whichever it is, it is valid).
    validityDays: z.number().check(domainCheck((v: number) => validityDays(v, 1))),
  }),
  'strato.host.v1.RotateHostCertificateRequest': z.object({ host }),
  'strato.host.v1.RevokeHostCertificateRequest': z.object({ host, serial: z.string().check(domainCheck(serialField)) }),
  'strato.host.v1.GetHostCertificatesRequest': z.object({ host }),
};
