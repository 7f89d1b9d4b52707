// Original file: strato/network/v1/router.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddRouterInterfaceRequest as _strato_network_v1_AddRouterInterfaceRequest, AddRouterInterfaceRequest__Output as _strato_network_v1_AddRouterInterfaceRequest__Output } from '../../../strato/network/v1/AddRouterInterfaceRequest.ts';
import type { ClearRouterGatewayRequest as _strato_network_v1_ClearRouterGatewayRequest, ClearRouterGatewayRequest__Output as _strato_network_v1_ClearRouterGatewayRequest__Output } from '../../../strato/network/v1/ClearRouterGatewayRequest.ts';
import type { CreateRouterRequest as _strato_network_v1_CreateRouterRequest, CreateRouterRequest__Output as _strato_network_v1_CreateRouterRequest__Output } from '../../../strato/network/v1/CreateRouterRequest.ts';
import type { DeleteRouterRequest as _strato_network_v1_DeleteRouterRequest, DeleteRouterRequest__Output as _strato_network_v1_DeleteRouterRequest__Output } from '../../../strato/network/v1/DeleteRouterRequest.ts';
import type { DeleteRouterResponse as _strato_network_v1_DeleteRouterResponse, DeleteRouterResponse__Output as _strato_network_v1_DeleteRouterResponse__Output } from '../../../strato/network/v1/DeleteRouterResponse.ts';
import type { GetRouterRequest as _strato_network_v1_GetRouterRequest, GetRouterRequest__Output as _strato_network_v1_GetRouterRequest__Output } from '../../../strato/network/v1/GetRouterRequest.ts';
import type { ListRoutersRequest as _strato_network_v1_ListRoutersRequest, ListRoutersRequest__Output as _strato_network_v1_ListRoutersRequest__Output } from '../../../strato/network/v1/ListRoutersRequest.ts';
import type { ListRoutersResponse as _strato_network_v1_ListRoutersResponse, ListRoutersResponse__Output as _strato_network_v1_ListRoutersResponse__Output } from '../../../strato/network/v1/ListRoutersResponse.ts';
import type { RemoveRouterInterfaceRequest as _strato_network_v1_RemoveRouterInterfaceRequest, RemoveRouterInterfaceRequest__Output as _strato_network_v1_RemoveRouterInterfaceRequest__Output } from '../../../strato/network/v1/RemoveRouterInterfaceRequest.ts';
import type { RemoveRouterInterfaceResponse as _strato_network_v1_RemoveRouterInterfaceResponse, RemoveRouterInterfaceResponse__Output as _strato_network_v1_RemoveRouterInterfaceResponse__Output } from '../../../strato/network/v1/RemoveRouterInterfaceResponse.ts';
import type { Router as _strato_network_v1_Router, Router__Output as _strato_network_v1_Router__Output } from '../../../strato/network/v1/Router.ts';
import type { RouterInterface as _strato_network_v1_RouterInterface, RouterInterface__Output as _strato_network_v1_RouterInterface__Output } from '../../../strato/network/v1/RouterInterface.ts';
import type { SetRouterGatewayRequest as _strato_network_v1_SetRouterGatewayRequest, SetRouterGatewayRequest__Output as _strato_network_v1_SetRouterGatewayRequest__Output } from '../../../strato/network/v1/SetRouterGatewayRequest.ts';
import type { UpdateRouterRequest as _strato_network_v1_UpdateRouterRequest, UpdateRouterRequest__Output as _strato_network_v1_UpdateRouterRequest__Output } from '../../../strato/network/v1/UpdateRouterRequest.ts';

export interface RoutersClient extends grpc.Client {
  /**
   * AddRouterInterface joins a subnet: a port on the subnet's network owned
   * by the router ("network:router_interface") holding the subnet's gateway
   * address. A subnet joins at most one router.
   * Errors: NOT_FOUND (ROUTER_NOT_FOUND, SUBNET_NOT_FOUND); FAILED_PRECONDITION
   * (SUBNET_HAS_NO_GATEWAY; SUBNET_IN_USE: the gateway address is taken by
   * another port or the subnet is on another router; CIDR_OVERLAP: it
   * overlaps a subnet already on this router; NETWORK_EXTERNAL: an external
   * network's subnet).
   */
  AddRouterInterface(argument: _strato_network_v1_AddRouterInterfaceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_RouterInterface__Output>): grpc.ClientUnaryCall;
  AddRouterInterface(argument: _strato_network_v1_AddRouterInterfaceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_RouterInterface__Output>): grpc.ClientUnaryCall;
  AddRouterInterface(argument: _strato_network_v1_AddRouterInterfaceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_RouterInterface__Output>): grpc.ClientUnaryCall;
  AddRouterInterface(argument: _strato_network_v1_AddRouterInterfaceRequest, callback: grpc.requestCallback<_strato_network_v1_RouterInterface__Output>): grpc.ClientUnaryCall;
  /**
   * AddRouterInterface joins a subnet: a port on the subnet's network owned
   * by the router ("network:router_interface") holding the subnet's gateway
   * address. A subnet joins at most one router.
   * Errors: NOT_FOUND (ROUTER_NOT_FOUND, SUBNET_NOT_FOUND); FAILED_PRECONDITION
   * (SUBNET_HAS_NO_GATEWAY; SUBNET_IN_USE: the gateway address is taken by
   * another port or the subnet is on another router; CIDR_OVERLAP: it
   * overlaps a subnet already on this router; NETWORK_EXTERNAL: an external
   * network's subnet).
   */
  addRouterInterface(argument: _strato_network_v1_AddRouterInterfaceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_RouterInterface__Output>): grpc.ClientUnaryCall;
  addRouterInterface(argument: _strato_network_v1_AddRouterInterfaceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_RouterInterface__Output>): grpc.ClientUnaryCall;
  addRouterInterface(argument: _strato_network_v1_AddRouterInterfaceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_RouterInterface__Output>): grpc.ClientUnaryCall;
  addRouterInterface(argument: _strato_network_v1_AddRouterInterfaceRequest, callback: grpc.requestCallback<_strato_network_v1_RouterInterface__Output>): grpc.ClientUnaryCall;
  
  /**
   * ClearRouterGateway removes the external gateway (address freed, SNAT
   * gone). Clearing a router without one succeeds.
   * Errors: NOT_FOUND; FAILED_PRECONDITION/FLOATING_IPS_IN_USE.
   */
  ClearRouterGateway(argument: _strato_network_v1_ClearRouterGatewayRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  ClearRouterGateway(argument: _strato_network_v1_ClearRouterGatewayRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  ClearRouterGateway(argument: _strato_network_v1_ClearRouterGatewayRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  ClearRouterGateway(argument: _strato_network_v1_ClearRouterGatewayRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  /**
   * ClearRouterGateway removes the external gateway (address freed, SNAT
   * gone). Clearing a router without one succeeds.
   * Errors: NOT_FOUND; FAILED_PRECONDITION/FLOATING_IPS_IN_USE.
   */
  clearRouterGateway(argument: _strato_network_v1_ClearRouterGatewayRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  clearRouterGateway(argument: _strato_network_v1_ClearRouterGatewayRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  clearRouterGateway(argument: _strato_network_v1_ClearRouterGatewayRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  clearRouterGateway(argument: _strato_network_v1_ClearRouterGatewayRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  
  /**
   * CreateRouter in the caller's project, placed on an enabled, up host with
   * the "network" role (the one with the fewest routers). With
   * external_gateway, as SetRouterGateway in the same call.
   * Errors: INVALID_ARGUMENT (NAME_INVALID); FAILED_PRECONDITION
   * (NO_NETWORK_HOST: no enabled host has the network role); those of
   * SetRouterGateway; RESOURCE_EXHAUSTED/QUOTA_EXCEEDED (routers).
   */
  CreateRouter(argument: _strato_network_v1_CreateRouterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  CreateRouter(argument: _strato_network_v1_CreateRouterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  CreateRouter(argument: _strato_network_v1_CreateRouterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  CreateRouter(argument: _strato_network_v1_CreateRouterRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  /**
   * CreateRouter in the caller's project, placed on an enabled, up host with
   * the "network" role (the one with the fewest routers). With
   * external_gateway, as SetRouterGateway in the same call.
   * Errors: INVALID_ARGUMENT (NAME_INVALID); FAILED_PRECONDITION
   * (NO_NETWORK_HOST: no enabled host has the network role); those of
   * SetRouterGateway; RESOURCE_EXHAUSTED/QUOTA_EXCEEDED (routers).
   */
  createRouter(argument: _strato_network_v1_CreateRouterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  createRouter(argument: _strato_network_v1_CreateRouterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  createRouter(argument: _strato_network_v1_CreateRouterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  createRouter(argument: _strato_network_v1_CreateRouterRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteRouter. Its external gateway (address and port) goes with it.
   * Errors: NOT_FOUND/ROUTER_NOT_FOUND; FAILED_PRECONDITION/ROUTER_IN_USE
   * (it still has subnet interfaces: the message names them; remove them
   * first) or FLOATING_IPS_IN_USE (floating IPs of its external network are
   * associated with ports behind it).
   */
  DeleteRouter(argument: _strato_network_v1_DeleteRouterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteRouterResponse__Output>): grpc.ClientUnaryCall;
  DeleteRouter(argument: _strato_network_v1_DeleteRouterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteRouterResponse__Output>): grpc.ClientUnaryCall;
  DeleteRouter(argument: _strato_network_v1_DeleteRouterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteRouterResponse__Output>): grpc.ClientUnaryCall;
  DeleteRouter(argument: _strato_network_v1_DeleteRouterRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteRouterResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteRouter. Its external gateway (address and port) goes with it.
   * Errors: NOT_FOUND/ROUTER_NOT_FOUND; FAILED_PRECONDITION/ROUTER_IN_USE
   * (it still has subnet interfaces: the message names them; remove them
   * first) or FLOATING_IPS_IN_USE (floating IPs of its external network are
   * associated with ports behind it).
   */
  deleteRouter(argument: _strato_network_v1_DeleteRouterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteRouterResponse__Output>): grpc.ClientUnaryCall;
  deleteRouter(argument: _strato_network_v1_DeleteRouterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteRouterResponse__Output>): grpc.ClientUnaryCall;
  deleteRouter(argument: _strato_network_v1_DeleteRouterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteRouterResponse__Output>): grpc.ClientUnaryCall;
  deleteRouter(argument: _strato_network_v1_DeleteRouterRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteRouterResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetRouter by id or name. Errors: NOT_FOUND/ROUTER_NOT_FOUND.
   */
  GetRouter(argument: _strato_network_v1_GetRouterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  GetRouter(argument: _strato_network_v1_GetRouterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  GetRouter(argument: _strato_network_v1_GetRouterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  GetRouter(argument: _strato_network_v1_GetRouterRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  /**
   * GetRouter by id or name. Errors: NOT_FOUND/ROUTER_NOT_FOUND.
   */
  getRouter(argument: _strato_network_v1_GetRouterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  getRouter(argument: _strato_network_v1_GetRouterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  getRouter(argument: _strato_network_v1_GetRouterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  getRouter(argument: _strato_network_v1_GetRouterRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListRouters: the caller's project's routers.
   */
  ListRouters(argument: _strato_network_v1_ListRoutersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListRoutersResponse__Output>): grpc.ClientUnaryCall;
  ListRouters(argument: _strato_network_v1_ListRoutersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListRoutersResponse__Output>): grpc.ClientUnaryCall;
  ListRouters(argument: _strato_network_v1_ListRoutersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListRoutersResponse__Output>): grpc.ClientUnaryCall;
  ListRouters(argument: _strato_network_v1_ListRoutersRequest, callback: grpc.requestCallback<_strato_network_v1_ListRoutersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListRouters: the caller's project's routers.
   */
  listRouters(argument: _strato_network_v1_ListRoutersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListRoutersResponse__Output>): grpc.ClientUnaryCall;
  listRouters(argument: _strato_network_v1_ListRoutersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListRoutersResponse__Output>): grpc.ClientUnaryCall;
  listRouters(argument: _strato_network_v1_ListRoutersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListRoutersResponse__Output>): grpc.ClientUnaryCall;
  listRouters(argument: _strato_network_v1_ListRoutersRequest, callback: grpc.requestCallback<_strato_network_v1_ListRoutersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The router's own ports (interfaces and gateway) have no binding host: its
   * host builds them as legs of qrouter-<id>. They do not count against the
   * ports quota and DeletePort refuses them (PORT_IN_USE).
   * 
   * RemoveRouterInterface leaves a subnet (its port is deleted).
   * Errors: NOT_FOUND (ROUTER_NOT_FOUND, SUBNET_NOT_FOUND,
   * ROUTER_INTERFACE_NOT_FOUND); FAILED_PRECONDITION/FLOATING_IPS_IN_USE
   * (floating IPs point at ports on the subnet).
   */
  RemoveRouterInterface(argument: _strato_network_v1_RemoveRouterInterfaceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_RemoveRouterInterfaceResponse__Output>): grpc.ClientUnaryCall;
  RemoveRouterInterface(argument: _strato_network_v1_RemoveRouterInterfaceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_RemoveRouterInterfaceResponse__Output>): grpc.ClientUnaryCall;
  RemoveRouterInterface(argument: _strato_network_v1_RemoveRouterInterfaceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_RemoveRouterInterfaceResponse__Output>): grpc.ClientUnaryCall;
  RemoveRouterInterface(argument: _strato_network_v1_RemoveRouterInterfaceRequest, callback: grpc.requestCallback<_strato_network_v1_RemoveRouterInterfaceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The router's own ports (interfaces and gateway) have no binding host: its
   * host builds them as legs of qrouter-<id>. They do not count against the
   * ports quota and DeletePort refuses them (PORT_IN_USE).
   * 
   * RemoveRouterInterface leaves a subnet (its port is deleted).
   * Errors: NOT_FOUND (ROUTER_NOT_FOUND, SUBNET_NOT_FOUND,
   * ROUTER_INTERFACE_NOT_FOUND); FAILED_PRECONDITION/FLOATING_IPS_IN_USE
   * (floating IPs point at ports on the subnet).
   */
  removeRouterInterface(argument: _strato_network_v1_RemoveRouterInterfaceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_RemoveRouterInterfaceResponse__Output>): grpc.ClientUnaryCall;
  removeRouterInterface(argument: _strato_network_v1_RemoveRouterInterfaceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_RemoveRouterInterfaceResponse__Output>): grpc.ClientUnaryCall;
  removeRouterInterface(argument: _strato_network_v1_RemoveRouterInterfaceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_RemoveRouterInterfaceResponse__Output>): grpc.ClientUnaryCall;
  removeRouterInterface(argument: _strato_network_v1_RemoveRouterInterfaceRequest, callback: grpc.requestCallback<_strato_network_v1_RemoveRouterInterfaceResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * SetRouterGateway sets (or replaces) the external gateway: a port on
   * `external_network` (an external network, see Network.external) whose
   * address comes from that network's subnet pool, and SNAT for the router's
   * subnets unless disable_snat. Setting the same network again only changes
   * enable_snat (the address stays). Idempotent.
   * Errors: NOT_FOUND (ROUTER_NOT_FOUND, NETWORK_NOT_FOUND);
   * INVALID_ARGUMENT (NETWORK_NOT_EXTERNAL, field external_network);
   * RESOURCE_EXHAUSTED/IP_POOL_EXHAUSTED; FAILED_PRECONDITION/
   * FLOATING_IPS_IN_USE (replacing a network whose floating IPs point behind
   * the router).
   */
  SetRouterGateway(argument: _strato_network_v1_SetRouterGatewayRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  SetRouterGateway(argument: _strato_network_v1_SetRouterGatewayRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  SetRouterGateway(argument: _strato_network_v1_SetRouterGatewayRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  SetRouterGateway(argument: _strato_network_v1_SetRouterGatewayRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  /**
   * SetRouterGateway sets (or replaces) the external gateway: a port on
   * `external_network` (an external network, see Network.external) whose
   * address comes from that network's subnet pool, and SNAT for the router's
   * subnets unless disable_snat. Setting the same network again only changes
   * enable_snat (the address stays). Idempotent.
   * Errors: NOT_FOUND (ROUTER_NOT_FOUND, NETWORK_NOT_FOUND);
   * INVALID_ARGUMENT (NETWORK_NOT_EXTERNAL, field external_network);
   * RESOURCE_EXHAUSTED/IP_POOL_EXHAUSTED; FAILED_PRECONDITION/
   * FLOATING_IPS_IN_USE (replacing a network whose floating IPs point behind
   * the router).
   */
  setRouterGateway(argument: _strato_network_v1_SetRouterGatewayRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  setRouterGateway(argument: _strato_network_v1_SetRouterGatewayRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  setRouterGateway(argument: _strato_network_v1_SetRouterGatewayRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  setRouterGateway(argument: _strato_network_v1_SetRouterGatewayRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  
  /**
   * UpdateRouter renames it. Errors: NOT_FOUND; INVALID_ARGUMENT (NAME_INVALID).
   */
  UpdateRouter(argument: _strato_network_v1_UpdateRouterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  UpdateRouter(argument: _strato_network_v1_UpdateRouterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  UpdateRouter(argument: _strato_network_v1_UpdateRouterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  UpdateRouter(argument: _strato_network_v1_UpdateRouterRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  /**
   * UpdateRouter renames it. Errors: NOT_FOUND; INVALID_ARGUMENT (NAME_INVALID).
   */
  updateRouter(argument: _strato_network_v1_UpdateRouterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  updateRouter(argument: _strato_network_v1_UpdateRouterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  updateRouter(argument: _strato_network_v1_UpdateRouterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  updateRouter(argument: _strato_network_v1_UpdateRouterRequest, callback: grpc.requestCallback<_strato_network_v1_Router__Output>): grpc.ClientUnaryCall;
  
}

export interface RoutersHandlers extends grpc.UntypedServiceImplementation {
  /**
   * AddRouterInterface joins a subnet: a port on the subnet's network owned
   * by the router ("network:router_interface") holding the subnet's gateway
   * address. A subnet joins at most one router.
   * Errors: NOT_FOUND (ROUTER_NOT_FOUND, SUBNET_NOT_FOUND); FAILED_PRECONDITION
   * (SUBNET_HAS_NO_GATEWAY; SUBNET_IN_USE: the gateway address is taken by
   * another port or the subnet is on another router; CIDR_OVERLAP: it
   * overlaps a subnet already on this router; NETWORK_EXTERNAL: an external
   * network's subnet).
   */
  AddRouterInterface: grpc.handleUnaryCall<_strato_network_v1_AddRouterInterfaceRequest__Output, _strato_network_v1_RouterInterface>;
  
  /**
   * ClearRouterGateway removes the external gateway (address freed, SNAT
   * gone). Clearing a router without one succeeds.
   * Errors: NOT_FOUND; FAILED_PRECONDITION/FLOATING_IPS_IN_USE.
   */
  ClearRouterGateway: grpc.handleUnaryCall<_strato_network_v1_ClearRouterGatewayRequest__Output, _strato_network_v1_Router>;
  
  /**
   * CreateRouter in the caller's project, placed on an enabled, up host with
   * the "network" role (the one with the fewest routers). With
   * external_gateway, as SetRouterGateway in the same call.
   * Errors: INVALID_ARGUMENT (NAME_INVALID); FAILED_PRECONDITION
   * (NO_NETWORK_HOST: no enabled host has the network role); those of
   * SetRouterGateway; RESOURCE_EXHAUSTED/QUOTA_EXCEEDED (routers).
   */
  CreateRouter: grpc.handleUnaryCall<_strato_network_v1_CreateRouterRequest__Output, _strato_network_v1_Router>;
  
  /**
   * DeleteRouter. Its external gateway (address and port) goes with it.
   * Errors: NOT_FOUND/ROUTER_NOT_FOUND; FAILED_PRECONDITION/ROUTER_IN_USE
   * (it still has subnet interfaces: the message names them; remove them
   * first) or FLOATING_IPS_IN_USE (floating IPs of its external network are
   * associated with ports behind it).
   */
  DeleteRouter: grpc.handleUnaryCall<_strato_network_v1_DeleteRouterRequest__Output, _strato_network_v1_DeleteRouterResponse>;
  
  /**
   * GetRouter by id or name. Errors: NOT_FOUND/ROUTER_NOT_FOUND.
   */
  GetRouter: grpc.handleUnaryCall<_strato_network_v1_GetRouterRequest__Output, _strato_network_v1_Router>;
  
  /**
   * ListRouters: the caller's project's routers.
   */
  ListRouters: grpc.handleUnaryCall<_strato_network_v1_ListRoutersRequest__Output, _strato_network_v1_ListRoutersResponse>;
  
  /**
   * The router's own ports (interfaces and gateway) have no binding host: its
   * host builds them as legs of qrouter-<id>. They do not count against the
   * ports quota and DeletePort refuses them (PORT_IN_USE).
   * 
   * RemoveRouterInterface leaves a subnet (its port is deleted).
   * Errors: NOT_FOUND (ROUTER_NOT_FOUND, SUBNET_NOT_FOUND,
   * ROUTER_INTERFACE_NOT_FOUND); FAILED_PRECONDITION/FLOATING_IPS_IN_USE
   * (floating IPs point at ports on the subnet).
   */
  RemoveRouterInterface: grpc.handleUnaryCall<_strato_network_v1_RemoveRouterInterfaceRequest__Output, _strato_network_v1_RemoveRouterInterfaceResponse>;
  
  /**
   * SetRouterGateway sets (or replaces) the external gateway: a port on
   * `external_network` (an external network, see Network.external) whose
   * address comes from that network's subnet pool, and SNAT for the router's
   * subnets unless disable_snat. Setting the same network again only changes
   * enable_snat (the address stays). Idempotent.
   * Errors: NOT_FOUND (ROUTER_NOT_FOUND, NETWORK_NOT_FOUND);
   * INVALID_ARGUMENT (NETWORK_NOT_EXTERNAL, field external_network);
   * RESOURCE_EXHAUSTED/IP_POOL_EXHAUSTED; FAILED_PRECONDITION/
   * FLOATING_IPS_IN_USE (replacing a network whose floating IPs point behind
   * the router).
   */
  SetRouterGateway: grpc.handleUnaryCall<_strato_network_v1_SetRouterGatewayRequest__Output, _strato_network_v1_Router>;
  
  /**
   * UpdateRouter renames it. Errors: NOT_FOUND; INVALID_ARGUMENT (NAME_INVALID).
   */
  UpdateRouter: grpc.handleUnaryCall<_strato_network_v1_UpdateRouterRequest__Output, _strato_network_v1_Router>;
  
}

export interface RoutersDefinition extends grpc.ServiceDefinition {
  AddRouterInterface: MethodDefinition<_strato_network_v1_AddRouterInterfaceRequest, _strato_network_v1_RouterInterface, _strato_network_v1_AddRouterInterfaceRequest__Output, _strato_network_v1_RouterInterface__Output>
  ClearRouterGateway: MethodDefinition<_strato_network_v1_ClearRouterGatewayRequest, _strato_network_v1_Router, _strato_network_v1_ClearRouterGatewayRequest__Output, _strato_network_v1_Router__Output>
  CreateRouter: MethodDefinition<_strato_network_v1_CreateRouterRequest, _strato_network_v1_Router, _strato_network_v1_CreateRouterRequest__Output, _strato_network_v1_Router__Output>
  DeleteRouter: MethodDefinition<_strato_network_v1_DeleteRouterRequest, _strato_network_v1_DeleteRouterResponse, _strato_network_v1_DeleteRouterRequest__Output, _strato_network_v1_DeleteRouterResponse__Output>
  GetRouter: MethodDefinition<_strato_network_v1_GetRouterRequest, _strato_network_v1_Router, _strato_network_v1_GetRouterRequest__Output, _strato_network_v1_Router__Output>
  ListRouters: MethodDefinition<_strato_network_v1_ListRoutersRequest, _strato_network_v1_ListRoutersResponse, _strato_network_v1_ListRoutersRequest__Output, _strato_network_v1_ListRoutersResponse__Output>
  RemoveRouterInterface: MethodDefinition<_strato_network_v1_RemoveRouterInterfaceRequest, _strato_network_v1_RemoveRouterInterfaceResponse, _strato_network_v1_RemoveRouterInterfaceRequest__Output, _strato_network_v1_RemoveRouterInterfaceResponse__Output>
  SetRouterGateway: MethodDefinition<_strato_network_v1_SetRouterGatewayRequest, _strato_network_v1_Router, _strato_network_v1_SetRouterGatewayRequest__Output, _strato_network_v1_Router__Output>
  UpdateRouter: MethodDefinition<_strato_network_v1_UpdateRouterRequest, _strato_network_v1_Router, _strato_network_v1_UpdateRouterRequest__Output, _strato_network_v1_Router__Output>
}
