// Original file: strato/network/v1/router.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateFloatingIpRequest as _strato_network_v1_CreateFloatingIpRequest, CreateFloatingIpRequest__Output as _strato_network_v1_CreateFloatingIpRequest__Output } from '../../../strato/network/v1/CreateFloatingIpRequest.ts';
import type { DeleteFloatingIpRequest as _strato_network_v1_DeleteFloatingIpRequest, DeleteFloatingIpRequest__Output as _strato_network_v1_DeleteFloatingIpRequest__Output } from '../../../strato/network/v1/DeleteFloatingIpRequest.ts';
import type { DeleteFloatingIpResponse as _strato_network_v1_DeleteFloatingIpResponse, DeleteFloatingIpResponse__Output as _strato_network_v1_DeleteFloatingIpResponse__Output } from '../../../strato/network/v1/DeleteFloatingIpResponse.ts';
import type { FloatingIp as _strato_network_v1_FloatingIp, FloatingIp__Output as _strato_network_v1_FloatingIp__Output } from '../../../strato/network/v1/FloatingIp.ts';
import type { GetFloatingIpRequest as _strato_network_v1_GetFloatingIpRequest, GetFloatingIpRequest__Output as _strato_network_v1_GetFloatingIpRequest__Output } from '../../../strato/network/v1/GetFloatingIpRequest.ts';
import type { ListFloatingIpsRequest as _strato_network_v1_ListFloatingIpsRequest, ListFloatingIpsRequest__Output as _strato_network_v1_ListFloatingIpsRequest__Output } from '../../../strato/network/v1/ListFloatingIpsRequest.ts';
import type { ListFloatingIpsResponse as _strato_network_v1_ListFloatingIpsResponse, ListFloatingIpsResponse__Output as _strato_network_v1_ListFloatingIpsResponse__Output } from '../../../strato/network/v1/ListFloatingIpsResponse.ts';
import type { SetFloatingIpPortRequest as _strato_network_v1_SetFloatingIpPortRequest, SetFloatingIpPortRequest__Output as _strato_network_v1_SetFloatingIpPortRequest__Output } from '../../../strato/network/v1/SetFloatingIpPortRequest.ts';
import type { UnsetFloatingIpPortRequest as _strato_network_v1_UnsetFloatingIpPortRequest, UnsetFloatingIpPortRequest__Output as _strato_network_v1_UnsetFloatingIpPortRequest__Output } from '../../../strato/network/v1/UnsetFloatingIpPortRequest.ts';

export interface FloatingIpsClient extends grpc.Client {
  /**
   * CreateFloatingIp allocates an address of `floating_network` (an external
   * network) for the caller's project: `floating_ip_address` if given (it must
   * be free and in the subnet's pools), else the next free one. With `port`,
   * as SetFloatingIpPort in the same call.
   * Errors: NOT_FOUND/NETWORK_NOT_FOUND; INVALID_ARGUMENT
   * (NETWORK_NOT_EXTERNAL, FLOATING_IP_ADDRESS_INVALID: not an address of the
   * network's subnets); ALREADY_EXISTS/IP_ADDRESS_IN_USE;
   * RESOURCE_EXHAUSTED (IP_POOL_EXHAUSTED, QUOTA_EXCEEDED).
   */
  CreateFloatingIp(argument: _strato_network_v1_CreateFloatingIpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  CreateFloatingIp(argument: _strato_network_v1_CreateFloatingIpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  CreateFloatingIp(argument: _strato_network_v1_CreateFloatingIpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  CreateFloatingIp(argument: _strato_network_v1_CreateFloatingIpRequest, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  /**
   * CreateFloatingIp allocates an address of `floating_network` (an external
   * network) for the caller's project: `floating_ip_address` if given (it must
   * be free and in the subnet's pools), else the next free one. With `port`,
   * as SetFloatingIpPort in the same call.
   * Errors: NOT_FOUND/NETWORK_NOT_FOUND; INVALID_ARGUMENT
   * (NETWORK_NOT_EXTERNAL, FLOATING_IP_ADDRESS_INVALID: not an address of the
   * network's subnets); ALREADY_EXISTS/IP_ADDRESS_IN_USE;
   * RESOURCE_EXHAUSTED (IP_POOL_EXHAUSTED, QUOTA_EXCEEDED).
   */
  createFloatingIp(argument: _strato_network_v1_CreateFloatingIpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  createFloatingIp(argument: _strato_network_v1_CreateFloatingIpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  createFloatingIp(argument: _strato_network_v1_CreateFloatingIpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  createFloatingIp(argument: _strato_network_v1_CreateFloatingIpRequest, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteFloatingIp frees the address (disassociating it first).
   * Errors: NOT_FOUND/FLOATING_IP_NOT_FOUND.
   */
  DeleteFloatingIp(argument: _strato_network_v1_DeleteFloatingIpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteFloatingIpResponse__Output>): grpc.ClientUnaryCall;
  DeleteFloatingIp(argument: _strato_network_v1_DeleteFloatingIpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteFloatingIpResponse__Output>): grpc.ClientUnaryCall;
  DeleteFloatingIp(argument: _strato_network_v1_DeleteFloatingIpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteFloatingIpResponse__Output>): grpc.ClientUnaryCall;
  DeleteFloatingIp(argument: _strato_network_v1_DeleteFloatingIpRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteFloatingIpResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteFloatingIp frees the address (disassociating it first).
   * Errors: NOT_FOUND/FLOATING_IP_NOT_FOUND.
   */
  deleteFloatingIp(argument: _strato_network_v1_DeleteFloatingIpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteFloatingIpResponse__Output>): grpc.ClientUnaryCall;
  deleteFloatingIp(argument: _strato_network_v1_DeleteFloatingIpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteFloatingIpResponse__Output>): grpc.ClientUnaryCall;
  deleteFloatingIp(argument: _strato_network_v1_DeleteFloatingIpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteFloatingIpResponse__Output>): grpc.ClientUnaryCall;
  deleteFloatingIp(argument: _strato_network_v1_DeleteFloatingIpRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteFloatingIpResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetFloatingIp by id or address. Errors: NOT_FOUND/FLOATING_IP_NOT_FOUND.
   */
  GetFloatingIp(argument: _strato_network_v1_GetFloatingIpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  GetFloatingIp(argument: _strato_network_v1_GetFloatingIpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  GetFloatingIp(argument: _strato_network_v1_GetFloatingIpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  GetFloatingIp(argument: _strato_network_v1_GetFloatingIpRequest, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  /**
   * GetFloatingIp by id or address. Errors: NOT_FOUND/FLOATING_IP_NOT_FOUND.
   */
  getFloatingIp(argument: _strato_network_v1_GetFloatingIpRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  getFloatingIp(argument: _strato_network_v1_GetFloatingIpRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  getFloatingIp(argument: _strato_network_v1_GetFloatingIpRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  getFloatingIp(argument: _strato_network_v1_GetFloatingIpRequest, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListFloatingIps: the caller's project's floating IPs, ordered by address.
   */
  ListFloatingIps(argument: _strato_network_v1_ListFloatingIpsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListFloatingIpsResponse__Output>): grpc.ClientUnaryCall;
  ListFloatingIps(argument: _strato_network_v1_ListFloatingIpsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListFloatingIpsResponse__Output>): grpc.ClientUnaryCall;
  ListFloatingIps(argument: _strato_network_v1_ListFloatingIpsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListFloatingIpsResponse__Output>): grpc.ClientUnaryCall;
  ListFloatingIps(argument: _strato_network_v1_ListFloatingIpsRequest, callback: grpc.requestCallback<_strato_network_v1_ListFloatingIpsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListFloatingIps: the caller's project's floating IPs, ordered by address.
   */
  listFloatingIps(argument: _strato_network_v1_ListFloatingIpsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListFloatingIpsResponse__Output>): grpc.ClientUnaryCall;
  listFloatingIps(argument: _strato_network_v1_ListFloatingIpsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListFloatingIpsResponse__Output>): grpc.ClientUnaryCall;
  listFloatingIps(argument: _strato_network_v1_ListFloatingIpsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListFloatingIpsResponse__Output>): grpc.ClientUnaryCall;
  listFloatingIps(argument: _strato_network_v1_ListFloatingIpsRequest, callback: grpc.requestCallback<_strato_network_v1_ListFloatingIpsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * SetFloatingIpPort associates the floating IP with a port of the caller's
   * project (or moves it from the port it had): traffic to the floating
   * address reaches `fixed_ip_address` (default: the port's first address),
   * subject to the port's security groups. The port's subnet must be on a
   * router whose external gateway is the floating IP's network.
   * Errors: NOT_FOUND (FLOATING_IP_NOT_FOUND, PORT_NOT_FOUND); INVALID_ARGUMENT
   * (FIXED_IP_INVALID: not an address of the port); FAILED_PRECONDITION
   * (EXTERNAL_NETWORK_UNREACHABLE: no router joins the port's subnet to the
   * floating IP's network; FIXED_IP_IN_USE: another floating IP of the same
   * network maps the same fixed address; PORT_IS_ROUTER: a router's own port).
   * A port deleted (also with its server) takes its floating IPs'
   * associations with it; a port only unbound from a deleted server keeps
   * them (as Neutron does).
   */
  SetFloatingIpPort(argument: _strato_network_v1_SetFloatingIpPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  SetFloatingIpPort(argument: _strato_network_v1_SetFloatingIpPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  SetFloatingIpPort(argument: _strato_network_v1_SetFloatingIpPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  SetFloatingIpPort(argument: _strato_network_v1_SetFloatingIpPortRequest, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  /**
   * SetFloatingIpPort associates the floating IP with a port of the caller's
   * project (or moves it from the port it had): traffic to the floating
   * address reaches `fixed_ip_address` (default: the port's first address),
   * subject to the port's security groups. The port's subnet must be on a
   * router whose external gateway is the floating IP's network.
   * Errors: NOT_FOUND (FLOATING_IP_NOT_FOUND, PORT_NOT_FOUND); INVALID_ARGUMENT
   * (FIXED_IP_INVALID: not an address of the port); FAILED_PRECONDITION
   * (EXTERNAL_NETWORK_UNREACHABLE: no router joins the port's subnet to the
   * floating IP's network; FIXED_IP_IN_USE: another floating IP of the same
   * network maps the same fixed address; PORT_IS_ROUTER: a router's own port).
   * A port deleted (also with its server) takes its floating IPs'
   * associations with it; a port only unbound from a deleted server keeps
   * them (as Neutron does).
   */
  setFloatingIpPort(argument: _strato_network_v1_SetFloatingIpPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  setFloatingIpPort(argument: _strato_network_v1_SetFloatingIpPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  setFloatingIpPort(argument: _strato_network_v1_SetFloatingIpPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  setFloatingIpPort(argument: _strato_network_v1_SetFloatingIpPortRequest, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  
  /**
   * UnsetFloatingIpPort disassociates it (the address stays allocated).
   * Unsetting an unassociated floating IP succeeds. Errors: NOT_FOUND.
   */
  UnsetFloatingIpPort(argument: _strato_network_v1_UnsetFloatingIpPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  UnsetFloatingIpPort(argument: _strato_network_v1_UnsetFloatingIpPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  UnsetFloatingIpPort(argument: _strato_network_v1_UnsetFloatingIpPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  UnsetFloatingIpPort(argument: _strato_network_v1_UnsetFloatingIpPortRequest, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  /**
   * UnsetFloatingIpPort disassociates it (the address stays allocated).
   * Unsetting an unassociated floating IP succeeds. Errors: NOT_FOUND.
   */
  unsetFloatingIpPort(argument: _strato_network_v1_UnsetFloatingIpPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  unsetFloatingIpPort(argument: _strato_network_v1_UnsetFloatingIpPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  unsetFloatingIpPort(argument: _strato_network_v1_UnsetFloatingIpPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  unsetFloatingIpPort(argument: _strato_network_v1_UnsetFloatingIpPortRequest, callback: grpc.requestCallback<_strato_network_v1_FloatingIp__Output>): grpc.ClientUnaryCall;
  
}

export interface FloatingIpsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateFloatingIp allocates an address of `floating_network` (an external
   * network) for the caller's project: `floating_ip_address` if given (it must
   * be free and in the subnet's pools), else the next free one. With `port`,
   * as SetFloatingIpPort in the same call.
   * Errors: NOT_FOUND/NETWORK_NOT_FOUND; INVALID_ARGUMENT
   * (NETWORK_NOT_EXTERNAL, FLOATING_IP_ADDRESS_INVALID: not an address of the
   * network's subnets); ALREADY_EXISTS/IP_ADDRESS_IN_USE;
   * RESOURCE_EXHAUSTED (IP_POOL_EXHAUSTED, QUOTA_EXCEEDED).
   */
  CreateFloatingIp: grpc.handleUnaryCall<_strato_network_v1_CreateFloatingIpRequest__Output, _strato_network_v1_FloatingIp>;
  
  /**
   * DeleteFloatingIp frees the address (disassociating it first).
   * Errors: NOT_FOUND/FLOATING_IP_NOT_FOUND.
   */
  DeleteFloatingIp: grpc.handleUnaryCall<_strato_network_v1_DeleteFloatingIpRequest__Output, _strato_network_v1_DeleteFloatingIpResponse>;
  
  /**
   * GetFloatingIp by id or address. Errors: NOT_FOUND/FLOATING_IP_NOT_FOUND.
   */
  GetFloatingIp: grpc.handleUnaryCall<_strato_network_v1_GetFloatingIpRequest__Output, _strato_network_v1_FloatingIp>;
  
  /**
   * ListFloatingIps: the caller's project's floating IPs, ordered by address.
   */
  ListFloatingIps: grpc.handleUnaryCall<_strato_network_v1_ListFloatingIpsRequest__Output, _strato_network_v1_ListFloatingIpsResponse>;
  
  /**
   * SetFloatingIpPort associates the floating IP with a port of the caller's
   * project (or moves it from the port it had): traffic to the floating
   * address reaches `fixed_ip_address` (default: the port's first address),
   * subject to the port's security groups. The port's subnet must be on a
   * router whose external gateway is the floating IP's network.
   * Errors: NOT_FOUND (FLOATING_IP_NOT_FOUND, PORT_NOT_FOUND); INVALID_ARGUMENT
   * (FIXED_IP_INVALID: not an address of the port); FAILED_PRECONDITION
   * (EXTERNAL_NETWORK_UNREACHABLE: no router joins the port's subnet to the
   * floating IP's network; FIXED_IP_IN_USE: another floating IP of the same
   * network maps the same fixed address; PORT_IS_ROUTER: a router's own port).
   * A port deleted (also with its server) takes its floating IPs'
   * associations with it; a port only unbound from a deleted server keeps
   * them (as Neutron does).
   */
  SetFloatingIpPort: grpc.handleUnaryCall<_strato_network_v1_SetFloatingIpPortRequest__Output, _strato_network_v1_FloatingIp>;
  
  /**
   * UnsetFloatingIpPort disassociates it (the address stays allocated).
   * Unsetting an unassociated floating IP succeeds. Errors: NOT_FOUND.
   */
  UnsetFloatingIpPort: grpc.handleUnaryCall<_strato_network_v1_UnsetFloatingIpPortRequest__Output, _strato_network_v1_FloatingIp>;
  
}

export interface FloatingIpsDefinition extends grpc.ServiceDefinition {
  CreateFloatingIp: MethodDefinition<_strato_network_v1_CreateFloatingIpRequest, _strato_network_v1_FloatingIp, _strato_network_v1_CreateFloatingIpRequest__Output, _strato_network_v1_FloatingIp__Output>
  DeleteFloatingIp: MethodDefinition<_strato_network_v1_DeleteFloatingIpRequest, _strato_network_v1_DeleteFloatingIpResponse, _strato_network_v1_DeleteFloatingIpRequest__Output, _strato_network_v1_DeleteFloatingIpResponse__Output>
  GetFloatingIp: MethodDefinition<_strato_network_v1_GetFloatingIpRequest, _strato_network_v1_FloatingIp, _strato_network_v1_GetFloatingIpRequest__Output, _strato_network_v1_FloatingIp__Output>
  ListFloatingIps: MethodDefinition<_strato_network_v1_ListFloatingIpsRequest, _strato_network_v1_ListFloatingIpsResponse, _strato_network_v1_ListFloatingIpsRequest__Output, _strato_network_v1_ListFloatingIpsResponse__Output>
  SetFloatingIpPort: MethodDefinition<_strato_network_v1_SetFloatingIpPortRequest, _strato_network_v1_FloatingIp, _strato_network_v1_SetFloatingIpPortRequest__Output, _strato_network_v1_FloatingIp__Output>
  UnsetFloatingIpPort: MethodDefinition<_strato_network_v1_UnsetFloatingIpPortRequest, _strato_network_v1_FloatingIp, _strato_network_v1_UnsetFloatingIpPortRequest__Output, _strato_network_v1_FloatingIp__Output>
}
