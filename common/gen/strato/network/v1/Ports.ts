// Original file: strato/network/v1/network.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreatePortRequest as _strato_network_v1_CreatePortRequest, CreatePortRequest__Output as _strato_network_v1_CreatePortRequest__Output } from '../../../strato/network/v1/CreatePortRequest.ts';
import type { DeletePortRequest as _strato_network_v1_DeletePortRequest, DeletePortRequest__Output as _strato_network_v1_DeletePortRequest__Output } from '../../../strato/network/v1/DeletePortRequest.ts';
import type { DeletePortResponse as _strato_network_v1_DeletePortResponse, DeletePortResponse__Output as _strato_network_v1_DeletePortResponse__Output } from '../../../strato/network/v1/DeletePortResponse.ts';
import type { GetPortRequest as _strato_network_v1_GetPortRequest, GetPortRequest__Output as _strato_network_v1_GetPortRequest__Output } from '../../../strato/network/v1/GetPortRequest.ts';
import type { ListPortsRequest as _strato_network_v1_ListPortsRequest, ListPortsRequest__Output as _strato_network_v1_ListPortsRequest__Output } from '../../../strato/network/v1/ListPortsRequest.ts';
import type { ListPortsResponse as _strato_network_v1_ListPortsResponse, ListPortsResponse__Output as _strato_network_v1_ListPortsResponse__Output } from '../../../strato/network/v1/ListPortsResponse.ts';
import type { Port as _strato_network_v1_Port, Port__Output as _strato_network_v1_Port__Output } from '../../../strato/network/v1/Port.ts';

export interface PortsClient extends grpc.Client {
  /**
   * CreatePort on a network. Without fixed_ips, one address is allocated from
   * the first subnet (in creation order) that has a free one; with fixed_ips,
   * each entry names a subnet, an address, or both (an address alone selects
   * the subnet containing it); an entry with a subnet and no address gets the
   * lowest free address of that subnet's pools. Addresses are unique per subnet
   * even under concurrent creates. A fixed address may lie outside the
   * allocation pools but not on the network or broadcast address, the gateway
   * or the DHCP server's address. mac_address '' = a random fa:16:3e:xx:xx:xx.
   * security_groups empty = the project's "default" group unless
   * no_security_groups. binding_host is admins only (normally the
   * compute service binds a port to its instance's host).
   * Errors: NOT_FOUND (NETWORK_NOT_FOUND, also for another project's network;
   * SUBNET_NOT_FOUND; SECURITY_GROUP_NOT_FOUND); INVALID_ARGUMENT
   * (NAME_INVALID, IP_ADDRESS_INVALID, IP_NOT_IN_SUBNET: outside the named
   * subnet or in no subnet of the network, SUBNET_NOT_IN_NETWORK, IP_RESERVED:
   * network, broadcast, gateway or DHCP address, MAC_INVALID,
   * FIXED_IPS_CONFLICT: the same address twice, FIELD_REQUIRED: an entry with
   * neither subnet nor address, SECURITY_GROUPS_CONFLICT: groups given with
   * no_security_groups, TOO_MANY_FIXED_IPS and TOO_MANY_SECURITY_GROUPS: more
   * than 16, DEVICE_ID_INVALID and DEVICE_OWNER_INVALID: over 255 characters
   * or control characters, BINDING_HOST_INVALID: not a host name);
   * ALREADY_EXISTS (IP_IN_USE, MAC_IN_USE);
   * PERMISSION_DENIED/ADMIN_REQUIRED (binding_host); PERMISSION_DENIED/
   * NETWORK_EXTERNAL (details.field "network": an external network of another
   * project; only admins put ports there, users reach it through routers and
   * floating IPs; CreateServer and AddServerPort refuse a NIC on it the
   * same way, naming networks[i].network);
   * RESOURCE_EXHAUSTED/IP_POOL_EXHAUSTED (no free address in the pools).
   */
  CreatePort(argument: _strato_network_v1_CreatePortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  CreatePort(argument: _strato_network_v1_CreatePortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  CreatePort(argument: _strato_network_v1_CreatePortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  CreatePort(argument: _strato_network_v1_CreatePortRequest, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  /**
   * CreatePort on a network. Without fixed_ips, one address is allocated from
   * the first subnet (in creation order) that has a free one; with fixed_ips,
   * each entry names a subnet, an address, or both (an address alone selects
   * the subnet containing it); an entry with a subnet and no address gets the
   * lowest free address of that subnet's pools. Addresses are unique per subnet
   * even under concurrent creates. A fixed address may lie outside the
   * allocation pools but not on the network or broadcast address, the gateway
   * or the DHCP server's address. mac_address '' = a random fa:16:3e:xx:xx:xx.
   * security_groups empty = the project's "default" group unless
   * no_security_groups. binding_host is admins only (normally the
   * compute service binds a port to its instance's host).
   * Errors: NOT_FOUND (NETWORK_NOT_FOUND, also for another project's network;
   * SUBNET_NOT_FOUND; SECURITY_GROUP_NOT_FOUND); INVALID_ARGUMENT
   * (NAME_INVALID, IP_ADDRESS_INVALID, IP_NOT_IN_SUBNET: outside the named
   * subnet or in no subnet of the network, SUBNET_NOT_IN_NETWORK, IP_RESERVED:
   * network, broadcast, gateway or DHCP address, MAC_INVALID,
   * FIXED_IPS_CONFLICT: the same address twice, FIELD_REQUIRED: an entry with
   * neither subnet nor address, SECURITY_GROUPS_CONFLICT: groups given with
   * no_security_groups, TOO_MANY_FIXED_IPS and TOO_MANY_SECURITY_GROUPS: more
   * than 16, DEVICE_ID_INVALID and DEVICE_OWNER_INVALID: over 255 characters
   * or control characters, BINDING_HOST_INVALID: not a host name);
   * ALREADY_EXISTS (IP_IN_USE, MAC_IN_USE);
   * PERMISSION_DENIED/ADMIN_REQUIRED (binding_host); PERMISSION_DENIED/
   * NETWORK_EXTERNAL (details.field "network": an external network of another
   * project; only admins put ports there, users reach it through routers and
   * floating IPs; CreateServer and AddServerPort refuse a NIC on it the
   * same way, naming networks[i].network);
   * RESOURCE_EXHAUSTED/IP_POOL_EXHAUSTED (no free address in the pools).
   */
  createPort(argument: _strato_network_v1_CreatePortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  createPort(argument: _strato_network_v1_CreatePortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  createPort(argument: _strato_network_v1_CreatePortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  createPort(argument: _strato_network_v1_CreatePortRequest, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeletePort, releasing its addresses and MAC for reuse.
   * Errors: NOT_FOUND/PORT_NOT_FOUND; FAILED_PRECONDITION/PORT_IN_USE (attached
   * to an instance: detach it from the server first).
   */
  DeletePort(argument: _strato_network_v1_DeletePortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeletePortResponse__Output>): grpc.ClientUnaryCall;
  DeletePort(argument: _strato_network_v1_DeletePortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeletePortResponse__Output>): grpc.ClientUnaryCall;
  DeletePort(argument: _strato_network_v1_DeletePortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeletePortResponse__Output>): grpc.ClientUnaryCall;
  DeletePort(argument: _strato_network_v1_DeletePortRequest, callback: grpc.requestCallback<_strato_network_v1_DeletePortResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeletePort, releasing its addresses and MAC for reuse.
   * Errors: NOT_FOUND/PORT_NOT_FOUND; FAILED_PRECONDITION/PORT_IN_USE (attached
   * to an instance: detach it from the server first).
   */
  deletePort(argument: _strato_network_v1_DeletePortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeletePortResponse__Output>): grpc.ClientUnaryCall;
  deletePort(argument: _strato_network_v1_DeletePortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeletePortResponse__Output>): grpc.ClientUnaryCall;
  deletePort(argument: _strato_network_v1_DeletePortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeletePortResponse__Output>): grpc.ClientUnaryCall;
  deletePort(argument: _strato_network_v1_DeletePortRequest, callback: grpc.requestCallback<_strato_network_v1_DeletePortResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetPort by id or name. Errors: NOT_FOUND/PORT_NOT_FOUND.
   */
  GetPort(argument: _strato_network_v1_GetPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  GetPort(argument: _strato_network_v1_GetPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  GetPort(argument: _strato_network_v1_GetPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  GetPort(argument: _strato_network_v1_GetPortRequest, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  /**
   * GetPort by id or name. Errors: NOT_FOUND/PORT_NOT_FOUND.
   */
  getPort(argument: _strato_network_v1_GetPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  getPort(argument: _strato_network_v1_GetPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  getPort(argument: _strato_network_v1_GetPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  getPort(argument: _strato_network_v1_GetPortRequest, callback: grpc.requestCallback<_strato_network_v1_Port__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListPorts, optionally of one network and/or one device.
   * Errors: INVALID_ARGUMENT/DEVICE_ID_INVALID (as in CreatePort).
   */
  ListPorts(argument: _strato_network_v1_ListPortsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListPortsResponse__Output>): grpc.ClientUnaryCall;
  ListPorts(argument: _strato_network_v1_ListPortsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListPortsResponse__Output>): grpc.ClientUnaryCall;
  ListPorts(argument: _strato_network_v1_ListPortsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListPortsResponse__Output>): grpc.ClientUnaryCall;
  ListPorts(argument: _strato_network_v1_ListPortsRequest, callback: grpc.requestCallback<_strato_network_v1_ListPortsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListPorts, optionally of one network and/or one device.
   * Errors: INVALID_ARGUMENT/DEVICE_ID_INVALID (as in CreatePort).
   */
  listPorts(argument: _strato_network_v1_ListPortsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListPortsResponse__Output>): grpc.ClientUnaryCall;
  listPorts(argument: _strato_network_v1_ListPortsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListPortsResponse__Output>): grpc.ClientUnaryCall;
  listPorts(argument: _strato_network_v1_ListPortsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListPortsResponse__Output>): grpc.ClientUnaryCall;
  listPorts(argument: _strato_network_v1_ListPortsRequest, callback: grpc.requestCallback<_strato_network_v1_ListPortsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface PortsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreatePort on a network. Without fixed_ips, one address is allocated from
   * the first subnet (in creation order) that has a free one; with fixed_ips,
   * each entry names a subnet, an address, or both (an address alone selects
   * the subnet containing it); an entry with a subnet and no address gets the
   * lowest free address of that subnet's pools. Addresses are unique per subnet
   * even under concurrent creates. A fixed address may lie outside the
   * allocation pools but not on the network or broadcast address, the gateway
   * or the DHCP server's address. mac_address '' = a random fa:16:3e:xx:xx:xx.
   * security_groups empty = the project's "default" group unless
   * no_security_groups. binding_host is admins only (normally the
   * compute service binds a port to its instance's host).
   * Errors: NOT_FOUND (NETWORK_NOT_FOUND, also for another project's network;
   * SUBNET_NOT_FOUND; SECURITY_GROUP_NOT_FOUND); INVALID_ARGUMENT
   * (NAME_INVALID, IP_ADDRESS_INVALID, IP_NOT_IN_SUBNET: outside the named
   * subnet or in no subnet of the network, SUBNET_NOT_IN_NETWORK, IP_RESERVED:
   * network, broadcast, gateway or DHCP address, MAC_INVALID,
   * FIXED_IPS_CONFLICT: the same address twice, FIELD_REQUIRED: an entry with
   * neither subnet nor address, SECURITY_GROUPS_CONFLICT: groups given with
   * no_security_groups, TOO_MANY_FIXED_IPS and TOO_MANY_SECURITY_GROUPS: more
   * than 16, DEVICE_ID_INVALID and DEVICE_OWNER_INVALID: over 255 characters
   * or control characters, BINDING_HOST_INVALID: not a host name);
   * ALREADY_EXISTS (IP_IN_USE, MAC_IN_USE);
   * PERMISSION_DENIED/ADMIN_REQUIRED (binding_host); PERMISSION_DENIED/
   * NETWORK_EXTERNAL (details.field "network": an external network of another
   * project; only admins put ports there, users reach it through routers and
   * floating IPs; CreateServer and AddServerPort refuse a NIC on it the
   * same way, naming networks[i].network);
   * RESOURCE_EXHAUSTED/IP_POOL_EXHAUSTED (no free address in the pools).
   */
  CreatePort: grpc.handleUnaryCall<_strato_network_v1_CreatePortRequest__Output, _strato_network_v1_Port>;
  
  /**
   * DeletePort, releasing its addresses and MAC for reuse.
   * Errors: NOT_FOUND/PORT_NOT_FOUND; FAILED_PRECONDITION/PORT_IN_USE (attached
   * to an instance: detach it from the server first).
   */
  DeletePort: grpc.handleUnaryCall<_strato_network_v1_DeletePortRequest__Output, _strato_network_v1_DeletePortResponse>;
  
  /**
   * GetPort by id or name. Errors: NOT_FOUND/PORT_NOT_FOUND.
   */
  GetPort: grpc.handleUnaryCall<_strato_network_v1_GetPortRequest__Output, _strato_network_v1_Port>;
  
  /**
   * ListPorts, optionally of one network and/or one device.
   * Errors: INVALID_ARGUMENT/DEVICE_ID_INVALID (as in CreatePort).
   */
  ListPorts: grpc.handleUnaryCall<_strato_network_v1_ListPortsRequest__Output, _strato_network_v1_ListPortsResponse>;
  
}

export interface PortsDefinition extends grpc.ServiceDefinition {
  CreatePort: MethodDefinition<_strato_network_v1_CreatePortRequest, _strato_network_v1_Port, _strato_network_v1_CreatePortRequest__Output, _strato_network_v1_Port__Output>
  DeletePort: MethodDefinition<_strato_network_v1_DeletePortRequest, _strato_network_v1_DeletePortResponse, _strato_network_v1_DeletePortRequest__Output, _strato_network_v1_DeletePortResponse__Output>
  GetPort: MethodDefinition<_strato_network_v1_GetPortRequest, _strato_network_v1_Port, _strato_network_v1_GetPortRequest__Output, _strato_network_v1_Port__Output>
  ListPorts: MethodDefinition<_strato_network_v1_ListPortsRequest, _strato_network_v1_ListPortsResponse, _strato_network_v1_ListPortsRequest__Output, _strato_network_v1_ListPortsResponse__Output>
}
