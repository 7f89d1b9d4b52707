import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetQuotaRequest as _strato_identity_v1_GetQuotaRequest, GetQuotaRequest__Output as _strato_identity_v1_GetQuotaRequest__Output } from './strato/identity/v1/GetQuotaRequest.ts';
import type { Quota as _strato_identity_v1_Quota, Quota__Output as _strato_identity_v1_Quota__Output } from './strato/identity/v1/Quota.ts';
import type { QuotaUsage as _strato_identity_v1_QuotaUsage, QuotaUsage__Output as _strato_identity_v1_QuotaUsage__Output } from './strato/identity/v1/QuotaUsage.ts';
import type { QuotasClient as _strato_identity_v1_QuotasClient, QuotasDefinition as _strato_identity_v1_QuotasDefinition } from './strato/identity/v1/Quotas.ts';
import type { SetQuotaRequest as _strato_identity_v1_SetQuotaRequest, SetQuotaRequest__Output as _strato_identity_v1_SetQuotaRequest__Output } from './strato/identity/v1/SetQuotaRequest.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    identity: {
      v1: {
        GetQuotaRequest: MessageTypeDefinition<_strato_identity_v1_GetQuotaRequest, _strato_identity_v1_GetQuotaRequest__Output>
        Quota: MessageTypeDefinition<_strato_identity_v1_Quota, _strato_identity_v1_Quota__Output>
        QuotaUsage: MessageTypeDefinition<_strato_identity_v1_QuotaUsage, _strato_identity_v1_QuotaUsage__Output>
        Quotas: SubtypeConstructor<typeof grpc.Client, _strato_identity_v1_QuotasClient> & { service: _strato_identity_v1_QuotasDefinition }
        SetQuotaRequest: MessageTypeDefinition<_strato_identity_v1_SetQuotaRequest, _strato_identity_v1_SetQuotaRequest__Output>
      }
    }
  }
}

