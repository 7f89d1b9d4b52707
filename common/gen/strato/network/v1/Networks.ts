// Original file: strato/network/v1/network.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateNetworkRequest as _strato_network_v1_CreateNetworkRequest, CreateNetworkRequest__Output as _strato_network_v1_CreateNetworkRequest__Output } from '../../../strato/network/v1/CreateNetworkRequest.ts';
import type { DeleteNetworkRequest as _strato_network_v1_DeleteNetworkRequest, DeleteNetworkRequest__Output as _strato_network_v1_DeleteNetworkRequest__Output } from '../../../strato/network/v1/DeleteNetworkRequest.ts';
import type { DeleteNetworkResponse as _strato_network_v1_DeleteNetworkResponse, DeleteNetworkResponse__Output as _strato_network_v1_DeleteNetworkResponse__Output } from '../../../strato/network/v1/DeleteNetworkResponse.ts';
import type { GetNetworkRequest as _strato_network_v1_GetNetworkRequest, GetNetworkRequest__Output as _strato_network_v1_GetNetworkRequest__Output } from '../../../strato/network/v1/GetNetworkRequest.ts';
import type { ListNetworksRequest as _strato_network_v1_ListNetworksRequest, ListNetworksRequest__Output as _strato_network_v1_ListNetworksRequest__Output } from '../../../strato/network/v1/ListNetworksRequest.ts';
import type { ListNetworksResponse as _strato_network_v1_ListNetworksResponse, ListNetworksResponse__Output as _strato_network_v1_ListNetworksResponse__Output } from '../../../strato/network/v1/ListNetworksResponse.ts';
import type { Network as _strato_network_v1_Network, Network__Output as _strato_network_v1_Network__Output } from '../../../strato/network/v1/Network.ts';

export interface NetworksClient extends grpc.Client {
  /**
   * CreateNetwork. provider_type '' or "vxlan": an isolated overlay with a VNI
   * allocated from the conductor's range; "flat" (admins only): the operator's
   * existing Linux bridge physical_bridge, one network per bridge.
   * mtu 0 = the default (underlay MTU - 50 for vxlan, the underlay MTU for flat).
   * Errors: INVALID_ARGUMENT (NAME_INVALID, PROVIDER_TYPE_INVALID,
   * PHYSICAL_BRIDGE_INVALID: missing for flat, given for vxlan or not an
   * interface name; MTU_INVALID: below 68 or above the maximum);
   * PERMISSION_DENIED/ADMIN_REQUIRED (flat, external); ALREADY_EXISTS/PHYSICAL_BRIDGE_IN_USE;
   * RESOURCE_EXHAUSTED/VNI_POOL_EXHAUSTED; INVALID_ARGUMENT/EXTERNAL_NOT_FLAT.
   */
  CreateNetwork(argument: _strato_network_v1_CreateNetworkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  CreateNetwork(argument: _strato_network_v1_CreateNetworkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  CreateNetwork(argument: _strato_network_v1_CreateNetworkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  CreateNetwork(argument: _strato_network_v1_CreateNetworkRequest, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  /**
   * CreateNetwork. provider_type '' or "vxlan": an isolated overlay with a VNI
   * allocated from the conductor's range; "flat" (admins only): the operator's
   * existing Linux bridge physical_bridge, one network per bridge.
   * mtu 0 = the default (underlay MTU - 50 for vxlan, the underlay MTU for flat).
   * Errors: INVALID_ARGUMENT (NAME_INVALID, PROVIDER_TYPE_INVALID,
   * PHYSICAL_BRIDGE_INVALID: missing for flat, given for vxlan or not an
   * interface name; MTU_INVALID: below 68 or above the maximum);
   * PERMISSION_DENIED/ADMIN_REQUIRED (flat, external); ALREADY_EXISTS/PHYSICAL_BRIDGE_IN_USE;
   * RESOURCE_EXHAUSTED/VNI_POOL_EXHAUSTED; INVALID_ARGUMENT/EXTERNAL_NOT_FLAT.
   */
  createNetwork(argument: _strato_network_v1_CreateNetworkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  createNetwork(argument: _strato_network_v1_CreateNetworkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  createNetwork(argument: _strato_network_v1_CreateNetworkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  createNetwork(argument: _strato_network_v1_CreateNetworkRequest, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteNetwork, with its subnets, releasing its VNI (or bridge).
   * Errors: NOT_FOUND/NETWORK_NOT_FOUND; FAILED_PRECONDITION/NETWORK_IN_USE
   * (ports remain, router ports included, or floating IPs hold addresses:
   * delete them first); PERMISSION_DENIED/ADMIN_REQUIRED (another project's
   * external network).
   */
  DeleteNetwork(argument: _strato_network_v1_DeleteNetworkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteNetworkResponse__Output>): grpc.ClientUnaryCall;
  DeleteNetwork(argument: _strato_network_v1_DeleteNetworkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteNetworkResponse__Output>): grpc.ClientUnaryCall;
  DeleteNetwork(argument: _strato_network_v1_DeleteNetworkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteNetworkResponse__Output>): grpc.ClientUnaryCall;
  DeleteNetwork(argument: _strato_network_v1_DeleteNetworkRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteNetworkResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteNetwork, with its subnets, releasing its VNI (or bridge).
   * Errors: NOT_FOUND/NETWORK_NOT_FOUND; FAILED_PRECONDITION/NETWORK_IN_USE
   * (ports remain, router ports included, or floating IPs hold addresses:
   * delete them first); PERMISSION_DENIED/ADMIN_REQUIRED (another project's
   * external network).
   */
  deleteNetwork(argument: _strato_network_v1_DeleteNetworkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteNetworkResponse__Output>): grpc.ClientUnaryCall;
  deleteNetwork(argument: _strato_network_v1_DeleteNetworkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteNetworkResponse__Output>): grpc.ClientUnaryCall;
  deleteNetwork(argument: _strato_network_v1_DeleteNetworkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteNetworkResponse__Output>): grpc.ClientUnaryCall;
  deleteNetwork(argument: _strato_network_v1_DeleteNetworkRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteNetworkResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetNetwork by id or name (external networks of any project too, by name
   * when the caller's project has none of that name).
   * Errors: NOT_FOUND/NETWORK_NOT_FOUND.
   */
  GetNetwork(argument: _strato_network_v1_GetNetworkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  GetNetwork(argument: _strato_network_v1_GetNetworkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  GetNetwork(argument: _strato_network_v1_GetNetworkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  GetNetwork(argument: _strato_network_v1_GetNetworkRequest, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  /**
   * GetNetwork by id or name (external networks of any project too, by name
   * when the caller's project has none of that name).
   * Errors: NOT_FOUND/NETWORK_NOT_FOUND.
   */
  getNetwork(argument: _strato_network_v1_GetNetworkRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  getNetwork(argument: _strato_network_v1_GetNetworkRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  getNetwork(argument: _strato_network_v1_GetNetworkRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  getNetwork(argument: _strato_network_v1_GetNetworkRequest, callback: grpc.requestCallback<_strato_network_v1_Network__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListNetworks: the caller's project's networks in name order, then the
   * external networks of other projects (in name order).
   */
  ListNetworks(argument: _strato_network_v1_ListNetworksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  ListNetworks(argument: _strato_network_v1_ListNetworksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  ListNetworks(argument: _strato_network_v1_ListNetworksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  ListNetworks(argument: _strato_network_v1_ListNetworksRequest, callback: grpc.requestCallback<_strato_network_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListNetworks: the caller's project's networks in name order, then the
   * external networks of other projects (in name order).
   */
  listNetworks(argument: _strato_network_v1_ListNetworksRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  listNetworks(argument: _strato_network_v1_ListNetworksRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  listNetworks(argument: _strato_network_v1_ListNetworksRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  listNetworks(argument: _strato_network_v1_ListNetworksRequest, callback: grpc.requestCallback<_strato_network_v1_ListNetworksResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface NetworksHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateNetwork. provider_type '' or "vxlan": an isolated overlay with a VNI
   * allocated from the conductor's range; "flat" (admins only): the operator's
   * existing Linux bridge physical_bridge, one network per bridge.
   * mtu 0 = the default (underlay MTU - 50 for vxlan, the underlay MTU for flat).
   * Errors: INVALID_ARGUMENT (NAME_INVALID, PROVIDER_TYPE_INVALID,
   * PHYSICAL_BRIDGE_INVALID: missing for flat, given for vxlan or not an
   * interface name; MTU_INVALID: below 68 or above the maximum);
   * PERMISSION_DENIED/ADMIN_REQUIRED (flat, external); ALREADY_EXISTS/PHYSICAL_BRIDGE_IN_USE;
   * RESOURCE_EXHAUSTED/VNI_POOL_EXHAUSTED; INVALID_ARGUMENT/EXTERNAL_NOT_FLAT.
   */
  CreateNetwork: grpc.handleUnaryCall<_strato_network_v1_CreateNetworkRequest__Output, _strato_network_v1_Network>;
  
  /**
   * DeleteNetwork, with its subnets, releasing its VNI (or bridge).
   * Errors: NOT_FOUND/NETWORK_NOT_FOUND; FAILED_PRECONDITION/NETWORK_IN_USE
   * (ports remain, router ports included, or floating IPs hold addresses:
   * delete them first); PERMISSION_DENIED/ADMIN_REQUIRED (another project's
   * external network).
   */
  DeleteNetwork: grpc.handleUnaryCall<_strato_network_v1_DeleteNetworkRequest__Output, _strato_network_v1_DeleteNetworkResponse>;
  
  /**
   * GetNetwork by id or name (external networks of any project too, by name
   * when the caller's project has none of that name).
   * Errors: NOT_FOUND/NETWORK_NOT_FOUND.
   */
  GetNetwork: grpc.handleUnaryCall<_strato_network_v1_GetNetworkRequest__Output, _strato_network_v1_Network>;
  
  /**
   * ListNetworks: the caller's project's networks in name order, then the
   * external networks of other projects (in name order).
   */
  ListNetworks: grpc.handleUnaryCall<_strato_network_v1_ListNetworksRequest__Output, _strato_network_v1_ListNetworksResponse>;
  
}

export interface NetworksDefinition extends grpc.ServiceDefinition {
  CreateNetwork: MethodDefinition<_strato_network_v1_CreateNetworkRequest, _strato_network_v1_Network, _strato_network_v1_CreateNetworkRequest__Output, _strato_network_v1_Network__Output>
  DeleteNetwork: MethodDefinition<_strato_network_v1_DeleteNetworkRequest, _strato_network_v1_DeleteNetworkResponse, _strato_network_v1_DeleteNetworkRequest__Output, _strato_network_v1_DeleteNetworkResponse__Output>
  GetNetwork: MethodDefinition<_strato_network_v1_GetNetworkRequest, _strato_network_v1_Network, _strato_network_v1_GetNetworkRequest__Output, _strato_network_v1_Network__Output>
  ListNetworks: MethodDefinition<_strato_network_v1_ListNetworksRequest, _strato_network_v1_ListNetworksResponse, _strato_network_v1_ListNetworksRequest__Output, _strato_network_v1_ListNetworksResponse__Output>
}
