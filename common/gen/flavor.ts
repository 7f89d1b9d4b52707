import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateFlavorRequest as _strato_compute_v1_CreateFlavorRequest, CreateFlavorRequest__Output as _strato_compute_v1_CreateFlavorRequest__Output } from './strato/compute/v1/CreateFlavorRequest.ts';
import type { DeleteFlavorRequest as _strato_compute_v1_DeleteFlavorRequest, DeleteFlavorRequest__Output as _strato_compute_v1_DeleteFlavorRequest__Output } from './strato/compute/v1/DeleteFlavorRequest.ts';
import type { DeleteFlavorResponse as _strato_compute_v1_DeleteFlavorResponse, DeleteFlavorResponse__Output as _strato_compute_v1_DeleteFlavorResponse__Output } from './strato/compute/v1/DeleteFlavorResponse.ts';
import type { Flavor as _strato_compute_v1_Flavor, Flavor__Output as _strato_compute_v1_Flavor__Output } from './strato/compute/v1/Flavor.ts';
import type { FlavorsClient as _strato_compute_v1_FlavorsClient, FlavorsDefinition as _strato_compute_v1_FlavorsDefinition } from './strato/compute/v1/Flavors.ts';
import type { GetFlavorRequest as _strato_compute_v1_GetFlavorRequest, GetFlavorRequest__Output as _strato_compute_v1_GetFlavorRequest__Output } from './strato/compute/v1/GetFlavorRequest.ts';
import type { ListFlavorsRequest as _strato_compute_v1_ListFlavorsRequest, ListFlavorsRequest__Output as _strato_compute_v1_ListFlavorsRequest__Output } from './strato/compute/v1/ListFlavorsRequest.ts';
import type { ListFlavorsResponse as _strato_compute_v1_ListFlavorsResponse, ListFlavorsResponse__Output as _strato_compute_v1_ListFlavorsResponse__Output } from './strato/compute/v1/ListFlavorsResponse.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    compute: {
      v1: {
        CreateFlavorRequest: MessageTypeDefinition<_strato_compute_v1_CreateFlavorRequest, _strato_compute_v1_CreateFlavorRequest__Output>
        DeleteFlavorRequest: MessageTypeDefinition<_strato_compute_v1_DeleteFlavorRequest, _strato_compute_v1_DeleteFlavorRequest__Output>
        DeleteFlavorResponse: MessageTypeDefinition<_strato_compute_v1_DeleteFlavorResponse, _strato_compute_v1_DeleteFlavorResponse__Output>
        Flavor: MessageTypeDefinition<_strato_compute_v1_Flavor, _strato_compute_v1_Flavor__Output>
        Flavors: SubtypeConstructor<typeof grpc.Client, _strato_compute_v1_FlavorsClient> & { service: _strato_compute_v1_FlavorsDefinition }
        GetFlavorRequest: MessageTypeDefinition<_strato_compute_v1_GetFlavorRequest, _strato_compute_v1_GetFlavorRequest__Output>
        ListFlavorsRequest: MessageTypeDefinition<_strato_compute_v1_ListFlavorsRequest, _strato_compute_v1_ListFlavorsRequest__Output>
        ListFlavorsResponse: MessageTypeDefinition<_strato_compute_v1_ListFlavorsResponse, _strato_compute_v1_ListFlavorsResponse__Output>
      }
    }
  }
}

