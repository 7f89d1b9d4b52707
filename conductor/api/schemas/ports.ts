// strato.network.v1.Ports' requests.
import { z } from 'zod';
import { DEVICE_FIELD_MAX, MAX_FIXED_IPS, MAX_PORT_GROUPS } from '../../network/ports.ts';
import {
  bool,
  boundedText,
  list,
  optionalHostId,
  optionalIpv4,
  optionalMac,
  optionalName,
  optionalRef,
  pageSize,
  pageToken,
  type RequestSchemas,
  ref,
} from './fields.ts';

/** A subnet, an address, or both (an entry with neither is the domain's FIELD_REQUIRED). */
const fixedIp = z.object({ subnet: optionalRef('subnet'), ipAddress: optionalIpv4('IP_ADDRESS_INVALID') });
const deviceId = boundedText('DEVICE_ID_INVALID', DEVICE_FIELD_MAX);

export const portsRequests: RequestSchemas = {
  'strato.network.v1.CreatePortRequest': z.object({
    name: optionalName,
    network: ref('network'),
    fixedIps: list(fixedIp, 'TOO_MANY_FIXED_IPS', MAX_FIXED_IPS),
    securityGroups: list(ref('security_group'), 'TOO_MANY_SECURITY_GROUPS', MAX_PORT_GROUPS),
    noSecurityGroups: bool,
    macAddress: optionalMac,
    deviceId,
    deviceOwner: boundedText('DEVICE_OWNER_INVALID', DEVICE_FIELD_MAX),
    bindingHost: optionalHostId('BINDING_HOST_INVALID'),
  }),
  'strato.network.v1.GetPortRequest': z.object({ port: ref('port') }),
  'strato.network.v1.ListPortsRequest': z.object({
    pageSize,
    pageToken,
    network: optionalRef('network'),
    deviceId,
    allProjects: bool,
  }),
  'strato.network.v1.DeletePortRequest': z.object({ port: ref('port') }),
};
