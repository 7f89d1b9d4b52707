// Original file: strato/identity/v1/quota.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetQuotaRequest as _strato_identity_v1_GetQuotaRequest, GetQuotaRequest__Output as _strato_identity_v1_GetQuotaRequest__Output } from '../../../strato/identity/v1/GetQuotaRequest.ts';
import type { Quota as _strato_identity_v1_Quota, Quota__Output as _strato_identity_v1_Quota__Output } from '../../../strato/identity/v1/Quota.ts';
import type { SetQuotaRequest as _strato_identity_v1_SetQuotaRequest, SetQuotaRequest__Output as _strato_identity_v1_SetQuotaRequest__Output } from '../../../strato/identity/v1/SetQuotaRequest.ts';

export interface QuotasClient extends grpc.Client {
  /**
   * GetQuota: a project's limits with what it uses. `project` (name or id)
   * empty means the caller's own. Members and readers see their own
   * project's only; another project answers NOT_FOUND (PROJECT_NOT_FOUND), as
   * for a project that does not exist, so projects cannot be probed; admins
   * see any. Read only. Errors: NOT_FOUND (PROJECT_NOT_FOUND).
   */
  GetQuota(argument: _strato_identity_v1_GetQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  GetQuota(argument: _strato_identity_v1_GetQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  GetQuota(argument: _strato_identity_v1_GetQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  GetQuota(argument: _strato_identity_v1_GetQuotaRequest, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  /**
   * GetQuota: a project's limits with what it uses. `project` (name or id)
   * empty means the caller's own. Members and readers see their own
   * project's only; another project answers NOT_FOUND (PROJECT_NOT_FOUND), as
   * for a project that does not exist, so projects cannot be probed; admins
   * see any. Read only. Errors: NOT_FOUND (PROJECT_NOT_FOUND).
   */
  getQuota(argument: _strato_identity_v1_GetQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  getQuota(argument: _strato_identity_v1_GetQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  getQuota(argument: _strato_identity_v1_GetQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  getQuota(argument: _strato_identity_v1_GetQuotaRequest, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  
  /**
   * SetQuota (admin only) sets the limits given (the others keep theirs) and
   * returns the quota as GetQuota does. A limit below what the project uses
   * now is allowed, as in Nova and Cinder: nothing is deleted, new creates of
   * that resource fail until enough is deleted. Idempotent (setting the same
   * limits again changes nothing). Errors: PERMISSION_DENIED
   * (ADMIN_REQUIRED); NOT_FOUND (PROJECT_NOT_FOUND); INVALID_ARGUMENT
   * (QUOTA_LIMIT_INVALID naming the field: not a whole number from -1 to
   * 2^40; FIELD_REQUIRED: project empty; QUOTA_UNCHANGED: no limit given).
   */
  SetQuota(argument: _strato_identity_v1_SetQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  SetQuota(argument: _strato_identity_v1_SetQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  SetQuota(argument: _strato_identity_v1_SetQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  SetQuota(argument: _strato_identity_v1_SetQuotaRequest, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  /**
   * SetQuota (admin only) sets the limits given (the others keep theirs) and
   * returns the quota as GetQuota does. A limit below what the project uses
   * now is allowed, as in Nova and Cinder: nothing is deleted, new creates of
   * that resource fail until enough is deleted. Idempotent (setting the same
   * limits again changes nothing). Errors: PERMISSION_DENIED
   * (ADMIN_REQUIRED); NOT_FOUND (PROJECT_NOT_FOUND); INVALID_ARGUMENT
   * (QUOTA_LIMIT_INVALID naming the field: not a whole number from -1 to
   * 2^40; FIELD_REQUIRED: project empty; QUOTA_UNCHANGED: no limit given).
   */
  setQuota(argument: _strato_identity_v1_SetQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  setQuota(argument: _strato_identity_v1_SetQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  setQuota(argument: _strato_identity_v1_SetQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  setQuota(argument: _strato_identity_v1_SetQuotaRequest, callback: grpc.requestCallback<_strato_identity_v1_Quota__Output>): grpc.ClientUnaryCall;
  
}

export interface QuotasHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GetQuota: a project's limits with what it uses. `project` (name or id)
   * empty means the caller's own. Members and readers see their own
   * project's only; another project answers NOT_FOUND (PROJECT_NOT_FOUND), as
   * for a project that does not exist, so projects cannot be probed; admins
   * see any. Read only. Errors: NOT_FOUND (PROJECT_NOT_FOUND).
   */
  GetQuota: grpc.handleUnaryCall<_strato_identity_v1_GetQuotaRequest__Output, _strato_identity_v1_Quota>;
  
  /**
   * SetQuota (admin only) sets the limits given (the others keep theirs) and
   * returns the quota as GetQuota does. A limit below what the project uses
   * now is allowed, as in Nova and Cinder: nothing is deleted, new creates of
   * that resource fail until enough is deleted. Idempotent (setting the same
   * limits again changes nothing). Errors: PERMISSION_DENIED
   * (ADMIN_REQUIRED); NOT_FOUND (PROJECT_NOT_FOUND); INVALID_ARGUMENT
   * (QUOTA_LIMIT_INVALID naming the field: not a whole number from -1 to
   * 2^40; FIELD_REQUIRED: project empty; QUOTA_UNCHANGED: no limit given).
   */
  SetQuota: grpc.handleUnaryCall<_strato_identity_v1_SetQuotaRequest__Output, _strato_identity_v1_Quota>;
  
}

export interface QuotasDefinition extends grpc.ServiceDefinition {
  GetQuota: MethodDefinition<_strato_identity_v1_GetQuotaRequest, _strato_identity_v1_Quota, _strato_identity_v1_GetQuotaRequest__Output, _strato_identity_v1_Quota__Output>
  SetQuota: MethodDefinition<_strato_identity_v1_SetQuotaRequest, _strato_identity_v1_Quota, _strato_identity_v1_SetQuotaRequest__Output, _strato_identity_v1_Quota__Output>
}
