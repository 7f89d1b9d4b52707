// Original file: strato/compute/v1/flavor.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateFlavorRequest as _strato_compute_v1_CreateFlavorRequest, CreateFlavorRequest__Output as _strato_compute_v1_CreateFlavorRequest__Output } from '../../../strato/compute/v1/CreateFlavorRequest.ts';
import type { DeleteFlavorRequest as _strato_compute_v1_DeleteFlavorRequest, DeleteFlavorRequest__Output as _strato_compute_v1_DeleteFlavorRequest__Output } from '../../../strato/compute/v1/DeleteFlavorRequest.ts';
import type { DeleteFlavorResponse as _strato_compute_v1_DeleteFlavorResponse, DeleteFlavorResponse__Output as _strato_compute_v1_DeleteFlavorResponse__Output } from '../../../strato/compute/v1/DeleteFlavorResponse.ts';
import type { Flavor as _strato_compute_v1_Flavor, Flavor__Output as _strato_compute_v1_Flavor__Output } from '../../../strato/compute/v1/Flavor.ts';
import type { GetFlavorRequest as _strato_compute_v1_GetFlavorRequest, GetFlavorRequest__Output as _strato_compute_v1_GetFlavorRequest__Output } from '../../../strato/compute/v1/GetFlavorRequest.ts';
import type { ListFlavorsRequest as _strato_compute_v1_ListFlavorsRequest, ListFlavorsRequest__Output as _strato_compute_v1_ListFlavorsRequest__Output } from '../../../strato/compute/v1/ListFlavorsRequest.ts';
import type { ListFlavorsResponse as _strato_compute_v1_ListFlavorsResponse, ListFlavorsResponse__Output as _strato_compute_v1_ListFlavorsResponse__Output } from '../../../strato/compute/v1/ListFlavorsResponse.ts';

export interface FlavorsClient extends grpc.Client {
  /**
   * CreateFlavor. Errors: PERMISSION_DENIED (ADMIN_REQUIRED); INVALID_ARGUMENT
   * (NAME_INVALID; FLAVOR_INVALID with details.field when vcpus is not 1..1024,
   * ram_mib not 1..16777216 or disk_gib not 1..65536); ALREADY_EXISTS
   * (FLAVOR_EXISTS).
   */
  CreateFlavor(argument: _strato_compute_v1_CreateFlavorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  CreateFlavor(argument: _strato_compute_v1_CreateFlavorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  CreateFlavor(argument: _strato_compute_v1_CreateFlavorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  CreateFlavor(argument: _strato_compute_v1_CreateFlavorRequest, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  /**
   * CreateFlavor. Errors: PERMISSION_DENIED (ADMIN_REQUIRED); INVALID_ARGUMENT
   * (NAME_INVALID; FLAVOR_INVALID with details.field when vcpus is not 1..1024,
   * ram_mib not 1..16777216 or disk_gib not 1..65536); ALREADY_EXISTS
   * (FLAVOR_EXISTS).
   */
  createFlavor(argument: _strato_compute_v1_CreateFlavorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  createFlavor(argument: _strato_compute_v1_CreateFlavorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  createFlavor(argument: _strato_compute_v1_CreateFlavorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  createFlavor(argument: _strato_compute_v1_CreateFlavorRequest, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteFlavor. Instances keep the flavor they were booted with.
   * Errors: PERMISSION_DENIED (ADMIN_REQUIRED); NOT_FOUND (FLAVOR_NOT_FOUND).
   */
  DeleteFlavor(argument: _strato_compute_v1_DeleteFlavorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_DeleteFlavorResponse__Output>): grpc.ClientUnaryCall;
  DeleteFlavor(argument: _strato_compute_v1_DeleteFlavorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_DeleteFlavorResponse__Output>): grpc.ClientUnaryCall;
  DeleteFlavor(argument: _strato_compute_v1_DeleteFlavorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_DeleteFlavorResponse__Output>): grpc.ClientUnaryCall;
  DeleteFlavor(argument: _strato_compute_v1_DeleteFlavorRequest, callback: grpc.requestCallback<_strato_compute_v1_DeleteFlavorResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteFlavor. Instances keep the flavor they were booted with.
   * Errors: PERMISSION_DENIED (ADMIN_REQUIRED); NOT_FOUND (FLAVOR_NOT_FOUND).
   */
  deleteFlavor(argument: _strato_compute_v1_DeleteFlavorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_DeleteFlavorResponse__Output>): grpc.ClientUnaryCall;
  deleteFlavor(argument: _strato_compute_v1_DeleteFlavorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_DeleteFlavorResponse__Output>): grpc.ClientUnaryCall;
  deleteFlavor(argument: _strato_compute_v1_DeleteFlavorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_DeleteFlavorResponse__Output>): grpc.ClientUnaryCall;
  deleteFlavor(argument: _strato_compute_v1_DeleteFlavorRequest, callback: grpc.requestCallback<_strato_compute_v1_DeleteFlavorResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetFlavor by id or name. Errors: NOT_FOUND (FLAVOR_NOT_FOUND).
   */
  GetFlavor(argument: _strato_compute_v1_GetFlavorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  GetFlavor(argument: _strato_compute_v1_GetFlavorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  GetFlavor(argument: _strato_compute_v1_GetFlavorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  GetFlavor(argument: _strato_compute_v1_GetFlavorRequest, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  /**
   * GetFlavor by id or name. Errors: NOT_FOUND (FLAVOR_NOT_FOUND).
   */
  getFlavor(argument: _strato_compute_v1_GetFlavorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  getFlavor(argument: _strato_compute_v1_GetFlavorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  getFlavor(argument: _strato_compute_v1_GetFlavorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  getFlavor(argument: _strato_compute_v1_GetFlavorRequest, callback: grpc.requestCallback<_strato_compute_v1_Flavor__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListFlavors, paginated (page_size 0 means 100, at most 1000), ordered by name.
   */
  ListFlavors(argument: _strato_compute_v1_ListFlavorsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListFlavorsResponse__Output>): grpc.ClientUnaryCall;
  ListFlavors(argument: _strato_compute_v1_ListFlavorsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListFlavorsResponse__Output>): grpc.ClientUnaryCall;
  ListFlavors(argument: _strato_compute_v1_ListFlavorsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListFlavorsResponse__Output>): grpc.ClientUnaryCall;
  ListFlavors(argument: _strato_compute_v1_ListFlavorsRequest, callback: grpc.requestCallback<_strato_compute_v1_ListFlavorsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListFlavors, paginated (page_size 0 means 100, at most 1000), ordered by name.
   */
  listFlavors(argument: _strato_compute_v1_ListFlavorsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListFlavorsResponse__Output>): grpc.ClientUnaryCall;
  listFlavors(argument: _strato_compute_v1_ListFlavorsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListFlavorsResponse__Output>): grpc.ClientUnaryCall;
  listFlavors(argument: _strato_compute_v1_ListFlavorsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListFlavorsResponse__Output>): grpc.ClientUnaryCall;
  listFlavors(argument: _strato_compute_v1_ListFlavorsRequest, callback: grpc.requestCallback<_strato_compute_v1_ListFlavorsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface FlavorsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateFlavor. Errors: PERMISSION_DENIED (ADMIN_REQUIRED); INVALID_ARGUMENT
   * (NAME_INVALID; FLAVOR_INVALID with details.field when vcpus is not 1..1024,
   * ram_mib not 1..16777216 or disk_gib not 1..65536); ALREADY_EXISTS
   * (FLAVOR_EXISTS).
   */
  CreateFlavor: grpc.handleUnaryCall<_strato_compute_v1_CreateFlavorRequest__Output, _strato_compute_v1_Flavor>;
  
  /**
   * DeleteFlavor. Instances keep the flavor they were booted with.
   * Errors: PERMISSION_DENIED (ADMIN_REQUIRED); NOT_FOUND (FLAVOR_NOT_FOUND).
   */
  DeleteFlavor: grpc.handleUnaryCall<_strato_compute_v1_DeleteFlavorRequest__Output, _strato_compute_v1_DeleteFlavorResponse>;
  
  /**
   * GetFlavor by id or name. Errors: NOT_FOUND (FLAVOR_NOT_FOUND).
   */
  GetFlavor: grpc.handleUnaryCall<_strato_compute_v1_GetFlavorRequest__Output, _strato_compute_v1_Flavor>;
  
  /**
   * ListFlavors, paginated (page_size 0 means 100, at most 1000), ordered by name.
   */
  ListFlavors: grpc.handleUnaryCall<_strato_compute_v1_ListFlavorsRequest__Output, _strato_compute_v1_ListFlavorsResponse>;
  
}

export interface FlavorsDefinition extends grpc.ServiceDefinition {
  CreateFlavor: MethodDefinition<_strato_compute_v1_CreateFlavorRequest, _strato_compute_v1_Flavor, _strato_compute_v1_CreateFlavorRequest__Output, _strato_compute_v1_Flavor__Output>
  DeleteFlavor: MethodDefinition<_strato_compute_v1_DeleteFlavorRequest, _strato_compute_v1_DeleteFlavorResponse, _strato_compute_v1_DeleteFlavorRequest__Output, _strato_compute_v1_DeleteFlavorResponse__Output>
  GetFlavor: MethodDefinition<_strato_compute_v1_GetFlavorRequest, _strato_compute_v1_Flavor, _strato_compute_v1_GetFlavorRequest__Output, _strato_compute_v1_Flavor__Output>
  ListFlavors: MethodDefinition<_strato_compute_v1_ListFlavorsRequest, _strato_compute_v1_ListFlavorsResponse, _strato_compute_v1_ListFlavorsRequest__Output, _strato_compute_v1_ListFlavorsResponse__Output>
}
