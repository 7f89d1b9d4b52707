// Original file: strato/network/v1/network.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateSubnetRequest as _strato_network_v1_CreateSubnetRequest, CreateSubnetRequest__Output as _strato_network_v1_CreateSubnetRequest__Output } from '../../../strato/network/v1/CreateSubnetRequest.ts';
import type { DeleteSubnetRequest as _strato_network_v1_DeleteSubnetRequest, DeleteSubnetRequest__Output as _strato_network_v1_DeleteSubnetRequest__Output } from '../../../strato/network/v1/DeleteSubnetRequest.ts';
import type { DeleteSubnetResponse as _strato_network_v1_DeleteSubnetResponse, DeleteSubnetResponse__Output as _strato_network_v1_DeleteSubnetResponse__Output } from '../../../strato/network/v1/DeleteSubnetResponse.ts';
import type { GetSubnetRequest as _strato_network_v1_GetSubnetRequest, GetSubnetRequest__Output as _strato_network_v1_GetSubnetRequest__Output } from '../../../strato/network/v1/GetSubnetRequest.ts';
import type { ListSubnetsRequest as _strato_network_v1_ListSubnetsRequest, ListSubnetsRequest__Output as _strato_network_v1_ListSubnetsRequest__Output } from '../../../strato/network/v1/ListSubnetsRequest.ts';
import type { ListSubnetsResponse as _strato_network_v1_ListSubnetsResponse, ListSubnetsResponse__Output as _strato_network_v1_ListSubnetsResponse__Output } from '../../../strato/network/v1/ListSubnetsResponse.ts';
import type { Subnet as _strato_network_v1_Subnet, Subnet__Output as _strato_network_v1_Subnet__Output } from '../../../strato/network/v1/Subnet.ts';

export interface SubnetsClient extends grpc.Client {
  /**
   * CreateSubnet: an IPv4 range on a network. The CIDR must be in canonical
   * form (no host bits set; the error names the canonical form, as Neutron
   * does) with a prefix of /1 to /30. gateway_ip '' = the first host address,
   * "none" = no gateway; the gateway is reserved for a later router and never
   * given to a port. allocation_pools (at most 16) default to every host
   * address but the gateway. With DHCP (the default) the conductor reserves
   * the lowest address of the pools for the network's DHCP server
   * (dhcp_server_ip), as Neutron's DHCP port takes one.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, CIDR_INVALID, CIDR_HOST_BITS_SET
   * with details.suggested, CIDR_PREFIX_INVALID, GATEWAY_INVALID, POOL_INVALID,
   * POOL_OVERLAP, POOL_CONTAINS_GATEWAY, DNS_SERVER_INVALID);
   * NOT_FOUND/NETWORK_NOT_FOUND; FAILED_PRECONDITION/SUBNET_OVERLAP (another
   * subnet of the same network overlaps; details.subnet_id, details.cidr; the
   * same CIDR on another network is allowed); RESOURCE_EXHAUSTED
   * (SUBNET_LIMIT: too many subnets on the network; IP_POOL_EXHAUSTED: no
   * address left for the DHCP server); PERMISSION_DENIED/ADMIN_REQUIRED
   * (another project's external network).
   */
  CreateSubnet(argument: _strato_network_v1_CreateSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  CreateSubnet(argument: _strato_network_v1_CreateSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  CreateSubnet(argument: _strato_network_v1_CreateSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  CreateSubnet(argument: _strato_network_v1_CreateSubnetRequest, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  /**
   * CreateSubnet: an IPv4 range on a network. The CIDR must be in canonical
   * form (no host bits set; the error names the canonical form, as Neutron
   * does) with a prefix of /1 to /30. gateway_ip '' = the first host address,
   * "none" = no gateway; the gateway is reserved for a later router and never
   * given to a port. allocation_pools (at most 16) default to every host
   * address but the gateway. With DHCP (the default) the conductor reserves
   * the lowest address of the pools for the network's DHCP server
   * (dhcp_server_ip), as Neutron's DHCP port takes one.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, CIDR_INVALID, CIDR_HOST_BITS_SET
   * with details.suggested, CIDR_PREFIX_INVALID, GATEWAY_INVALID, POOL_INVALID,
   * POOL_OVERLAP, POOL_CONTAINS_GATEWAY, DNS_SERVER_INVALID);
   * NOT_FOUND/NETWORK_NOT_FOUND; FAILED_PRECONDITION/SUBNET_OVERLAP (another
   * subnet of the same network overlaps; details.subnet_id, details.cidr; the
   * same CIDR on another network is allowed); RESOURCE_EXHAUSTED
   * (SUBNET_LIMIT: too many subnets on the network; IP_POOL_EXHAUSTED: no
   * address left for the DHCP server); PERMISSION_DENIED/ADMIN_REQUIRED
   * (another project's external network).
   */
  createSubnet(argument: _strato_network_v1_CreateSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  createSubnet(argument: _strato_network_v1_CreateSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  createSubnet(argument: _strato_network_v1_CreateSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  createSubnet(argument: _strato_network_v1_CreateSubnetRequest, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteSubnet. Errors: NOT_FOUND/SUBNET_NOT_FOUND;
   * FAILED_PRECONDITION/SUBNET_IN_USE (a port holds an address on it, a
   * router interface or a floating IP included).
   */
  DeleteSubnet(argument: _strato_network_v1_DeleteSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  DeleteSubnet(argument: _strato_network_v1_DeleteSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  DeleteSubnet(argument: _strato_network_v1_DeleteSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  DeleteSubnet(argument: _strato_network_v1_DeleteSubnetRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteSubnet. Errors: NOT_FOUND/SUBNET_NOT_FOUND;
   * FAILED_PRECONDITION/SUBNET_IN_USE (a port holds an address on it, a
   * router interface or a floating IP included).
   */
  deleteSubnet(argument: _strato_network_v1_DeleteSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  deleteSubnet(argument: _strato_network_v1_DeleteSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  deleteSubnet(argument: _strato_network_v1_DeleteSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  deleteSubnet(argument: _strato_network_v1_DeleteSubnetRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteSubnetResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetSubnet by id or name. Errors: NOT_FOUND/SUBNET_NOT_FOUND.
   */
  GetSubnet(argument: _strato_network_v1_GetSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  GetSubnet(argument: _strato_network_v1_GetSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  GetSubnet(argument: _strato_network_v1_GetSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  GetSubnet(argument: _strato_network_v1_GetSubnetRequest, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  /**
   * GetSubnet by id or name. Errors: NOT_FOUND/SUBNET_NOT_FOUND.
   */
  getSubnet(argument: _strato_network_v1_GetSubnetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  getSubnet(argument: _strato_network_v1_GetSubnetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  getSubnet(argument: _strato_network_v1_GetSubnetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  getSubnet(argument: _strato_network_v1_GetSubnetRequest, callback: grpc.requestCallback<_strato_network_v1_Subnet__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListSubnets, optionally of one network (NOT_FOUND/NETWORK_NOT_FOUND).
   */
  ListSubnets(argument: _strato_network_v1_ListSubnetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  ListSubnets(argument: _strato_network_v1_ListSubnetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  ListSubnets(argument: _strato_network_v1_ListSubnetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  ListSubnets(argument: _strato_network_v1_ListSubnetsRequest, callback: grpc.requestCallback<_strato_network_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListSubnets, optionally of one network (NOT_FOUND/NETWORK_NOT_FOUND).
   */
  listSubnets(argument: _strato_network_v1_ListSubnetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  listSubnets(argument: _strato_network_v1_ListSubnetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  listSubnets(argument: _strato_network_v1_ListSubnetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  listSubnets(argument: _strato_network_v1_ListSubnetsRequest, callback: grpc.requestCallback<_strato_network_v1_ListSubnetsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface SubnetsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateSubnet: an IPv4 range on a network. The CIDR must be in canonical
   * form (no host bits set; the error names the canonical form, as Neutron
   * does) with a prefix of /1 to /30. gateway_ip '' = the first host address,
   * "none" = no gateway; the gateway is reserved for a later router and never
   * given to a port. allocation_pools (at most 16) default to every host
   * address but the gateway. With DHCP (the default) the conductor reserves
   * the lowest address of the pools for the network's DHCP server
   * (dhcp_server_ip), as Neutron's DHCP port takes one.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, CIDR_INVALID, CIDR_HOST_BITS_SET
   * with details.suggested, CIDR_PREFIX_INVALID, GATEWAY_INVALID, POOL_INVALID,
   * POOL_OVERLAP, POOL_CONTAINS_GATEWAY, DNS_SERVER_INVALID);
   * NOT_FOUND/NETWORK_NOT_FOUND; FAILED_PRECONDITION/SUBNET_OVERLAP (another
   * subnet of the same network overlaps; details.subnet_id, details.cidr; the
   * same CIDR on another network is allowed); RESOURCE_EXHAUSTED
   * (SUBNET_LIMIT: too many subnets on the network; IP_POOL_EXHAUSTED: no
   * address left for the DHCP server); PERMISSION_DENIED/ADMIN_REQUIRED
   * (another project's external network).
   */
  CreateSubnet: grpc.handleUnaryCall<_strato_network_v1_CreateSubnetRequest__Output, _strato_network_v1_Subnet>;
  
  /**
   * DeleteSubnet. Errors: NOT_FOUND/SUBNET_NOT_FOUND;
   * FAILED_PRECONDITION/SUBNET_IN_USE (a port holds an address on it, a
   * router interface or a floating IP included).
   */
  DeleteSubnet: grpc.handleUnaryCall<_strato_network_v1_DeleteSubnetRequest__Output, _strato_network_v1_DeleteSubnetResponse>;
  
  /**
   * GetSubnet by id or name. Errors: NOT_FOUND/SUBNET_NOT_FOUND.
   */
  GetSubnet: grpc.handleUnaryCall<_strato_network_v1_GetSubnetRequest__Output, _strato_network_v1_Subnet>;
  
  /**
   * ListSubnets, optionally of one network (NOT_FOUND/NETWORK_NOT_FOUND).
   */
  ListSubnets: grpc.handleUnaryCall<_strato_network_v1_ListSubnetsRequest__Output, _strato_network_v1_ListSubnetsResponse>;
  
}

export interface SubnetsDefinition extends grpc.ServiceDefinition {
  CreateSubnet: MethodDefinition<_strato_network_v1_CreateSubnetRequest, _strato_network_v1_Subnet, _strato_network_v1_CreateSubnetRequest__Output, _strato_network_v1_Subnet__Output>
  DeleteSubnet: MethodDefinition<_strato_network_v1_DeleteSubnetRequest, _strato_network_v1_DeleteSubnetResponse, _strato_network_v1_DeleteSubnetRequest__Output, _strato_network_v1_DeleteSubnetResponse__Output>
  GetSubnet: MethodDefinition<_strato_network_v1_GetSubnetRequest, _strato_network_v1_Subnet, _strato_network_v1_GetSubnetRequest__Output, _strato_network_v1_Subnet__Output>
  ListSubnets: MethodDefinition<_strato_network_v1_ListSubnetsRequest, _strato_network_v1_ListSubnetsResponse, _strato_network_v1_ListSubnetsRequest__Output, _strato_network_v1_ListSubnetsResponse__Output>
}
