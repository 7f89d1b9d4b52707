import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateKeyPairRequest as _strato_compute_v1_CreateKeyPairRequest, CreateKeyPairRequest__Output as _strato_compute_v1_CreateKeyPairRequest__Output } from './strato/compute/v1/CreateKeyPairRequest.ts';
import type { CreateKeyPairResponse as _strato_compute_v1_CreateKeyPairResponse, CreateKeyPairResponse__Output as _strato_compute_v1_CreateKeyPairResponse__Output } from './strato/compute/v1/CreateKeyPairResponse.ts';
import type { DeleteKeyPairRequest as _strato_compute_v1_DeleteKeyPairRequest, DeleteKeyPairRequest__Output as _strato_compute_v1_DeleteKeyPairRequest__Output } from './strato/compute/v1/DeleteKeyPairRequest.ts';
import type { DeleteKeyPairResponse as _strato_compute_v1_DeleteKeyPairResponse, DeleteKeyPairResponse__Output as _strato_compute_v1_DeleteKeyPairResponse__Output } from './strato/compute/v1/DeleteKeyPairResponse.ts';
import type { GetKeyPairRequest as _strato_compute_v1_GetKeyPairRequest, GetKeyPairRequest__Output as _strato_compute_v1_GetKeyPairRequest__Output } from './strato/compute/v1/GetKeyPairRequest.ts';
import type { ImportKeyPairRequest as _strato_compute_v1_ImportKeyPairRequest, ImportKeyPairRequest__Output as _strato_compute_v1_ImportKeyPairRequest__Output } from './strato/compute/v1/ImportKeyPairRequest.ts';
import type { KeyPair as _strato_compute_v1_KeyPair, KeyPair__Output as _strato_compute_v1_KeyPair__Output } from './strato/compute/v1/KeyPair.ts';
import type { KeyPairsClient as _strato_compute_v1_KeyPairsClient, KeyPairsDefinition as _strato_compute_v1_KeyPairsDefinition } from './strato/compute/v1/KeyPairs.ts';
import type { ListKeyPairsRequest as _strato_compute_v1_ListKeyPairsRequest, ListKeyPairsRequest__Output as _strato_compute_v1_ListKeyPairsRequest__Output } from './strato/compute/v1/ListKeyPairsRequest.ts';
import type { ListKeyPairsResponse as _strato_compute_v1_ListKeyPairsResponse, ListKeyPairsResponse__Output as _strato_compute_v1_ListKeyPairsResponse__Output } from './strato/compute/v1/ListKeyPairsResponse.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    compute: {
      v1: {
        CreateKeyPairRequest: MessageTypeDefinition<_strato_compute_v1_CreateKeyPairRequest, _strato_compute_v1_CreateKeyPairRequest__Output>
        CreateKeyPairResponse: MessageTypeDefinition<_strato_compute_v1_CreateKeyPairResponse, _strato_compute_v1_CreateKeyPairResponse__Output>
        DeleteKeyPairRequest: MessageTypeDefinition<_strato_compute_v1_DeleteKeyPairRequest, _strato_compute_v1_DeleteKeyPairRequest__Output>
        DeleteKeyPairResponse: MessageTypeDefinition<_strato_compute_v1_DeleteKeyPairResponse, _strato_compute_v1_DeleteKeyPairResponse__Output>
        GetKeyPairRequest: MessageTypeDefinition<_strato_compute_v1_GetKeyPairRequest, _strato_compute_v1_GetKeyPairRequest__Output>
        ImportKeyPairRequest: MessageTypeDefinition<_strato_compute_v1_ImportKeyPairRequest, _strato_compute_v1_ImportKeyPairRequest__Output>
        KeyPair: MessageTypeDefinition<_strato_compute_v1_KeyPair, _strato_compute_v1_KeyPair__Output>
        KeyPairs: SubtypeConstructor<typeof grpc.Client, _strato_compute_v1_KeyPairsClient> & { service: _strato_compute_v1_KeyPairsDefinition }
        ListKeyPairsRequest: MessageTypeDefinition<_strato_compute_v1_ListKeyPairsRequest, _strato_compute_v1_ListKeyPairsRequest__Output>
        ListKeyPairsResponse: MessageTypeDefinition<_strato_compute_v1_ListKeyPairsResponse, _strato_compute_v1_ListKeyPairsResponse__Output>
      }
    }
  }
}

