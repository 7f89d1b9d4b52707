import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AttachConsoleRequest as _strato_compute_v1_AttachConsoleRequest, AttachConsoleRequest__Output as _strato_compute_v1_AttachConsoleRequest__Output } from './strato/compute/v1/AttachConsoleRequest.ts';
import type { AttachConsoleResponse as _strato_compute_v1_AttachConsoleResponse, AttachConsoleResponse__Output as _strato_compute_v1_AttachConsoleResponse__Output } from './strato/compute/v1/AttachConsoleResponse.ts';
import type { ServerConsolesClient as _strato_compute_v1_ServerConsolesClient, ServerConsolesDefinition as _strato_compute_v1_ServerConsolesDefinition } from './strato/compute/v1/ServerConsoles.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    compute: {
      v1: {
        AttachConsoleRequest: MessageTypeDefinition<_strato_compute_v1_AttachConsoleRequest, _strato_compute_v1_AttachConsoleRequest__Output>
        AttachConsoleResponse: MessageTypeDefinition<_strato_compute_v1_AttachConsoleResponse, _strato_compute_v1_AttachConsoleResponse__Output>
        ServerConsoles: SubtypeConstructor<typeof grpc.Client, _strato_compute_v1_ServerConsolesClient> & { service: _strato_compute_v1_ServerConsolesDefinition }
      }
    }
  }
}

