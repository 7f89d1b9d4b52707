// Original file: strato/compute/v1/keypair.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateKeyPairRequest as _strato_compute_v1_CreateKeyPairRequest, CreateKeyPairRequest__Output as _strato_compute_v1_CreateKeyPairRequest__Output } from '../../../strato/compute/v1/CreateKeyPairRequest.ts';
import type { CreateKeyPairResponse as _strato_compute_v1_CreateKeyPairResponse, CreateKeyPairResponse__Output as _strato_compute_v1_CreateKeyPairResponse__Output } from '../../../strato/compute/v1/CreateKeyPairResponse.ts';
import type { DeleteKeyPairRequest as _strato_compute_v1_DeleteKeyPairRequest, DeleteKeyPairRequest__Output as _strato_compute_v1_DeleteKeyPairRequest__Output } from '../../../strato/compute/v1/DeleteKeyPairRequest.ts';
import type { DeleteKeyPairResponse as _strato_compute_v1_DeleteKeyPairResponse, DeleteKeyPairResponse__Output as _strato_compute_v1_DeleteKeyPairResponse__Output } from '../../../strato/compute/v1/DeleteKeyPairResponse.ts';
import type { GetKeyPairRequest as _strato_compute_v1_GetKeyPairRequest, GetKeyPairRequest__Output as _strato_compute_v1_GetKeyPairRequest__Output } from '../../../strato/compute/v1/GetKeyPairRequest.ts';
import type { ImportKeyPairRequest as _strato_compute_v1_ImportKeyPairRequest, ImportKeyPairRequest__Output as _strato_compute_v1_ImportKeyPairRequest__Output } from '../../../strato/compute/v1/ImportKeyPairRequest.ts';
import type { KeyPair as _strato_compute_v1_KeyPair, KeyPair__Output as _strato_compute_v1_KeyPair__Output } from '../../../strato/compute/v1/KeyPair.ts';
import type { ListKeyPairsRequest as _strato_compute_v1_ListKeyPairsRequest, ListKeyPairsRequest__Output as _strato_compute_v1_ListKeyPairsRequest__Output } from '../../../strato/compute/v1/ListKeyPairsRequest.ts';
import type { ListKeyPairsResponse as _strato_compute_v1_ListKeyPairsResponse, ListKeyPairsResponse__Output as _strato_compute_v1_ListKeyPairsResponse__Output } from '../../../strato/compute/v1/ListKeyPairsResponse.ts';

export interface KeyPairsClient extends grpc.Client {
  /**
   * CreateKeyPair generates an Ed25519 key pair (fast to make, short keys,
   * accepted by every OpenSSH since 6.5 and by cloud-init) and returns its
   * private key, in OpenSSH format, in this reply only: it is not kept, and
   * cannot be fetched again. Not idempotent (a retry after a lost reply gets
   * ALREADY_EXISTS: delete the key pair and create it again).
   * Errors: INVALID_ARGUMENT (NAME_INVALID); ALREADY_EXISTS (KEYPAIR_EXISTS).
   */
  CreateKeyPair(argument: _strato_compute_v1_CreateKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_CreateKeyPairResponse__Output>): grpc.ClientUnaryCall;
  CreateKeyPair(argument: _strato_compute_v1_CreateKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_CreateKeyPairResponse__Output>): grpc.ClientUnaryCall;
  CreateKeyPair(argument: _strato_compute_v1_CreateKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_CreateKeyPairResponse__Output>): grpc.ClientUnaryCall;
  CreateKeyPair(argument: _strato_compute_v1_CreateKeyPairRequest, callback: grpc.requestCallback<_strato_compute_v1_CreateKeyPairResponse__Output>): grpc.ClientUnaryCall;
  /**
   * CreateKeyPair generates an Ed25519 key pair (fast to make, short keys,
   * accepted by every OpenSSH since 6.5 and by cloud-init) and returns its
   * private key, in OpenSSH format, in this reply only: it is not kept, and
   * cannot be fetched again. Not idempotent (a retry after a lost reply gets
   * ALREADY_EXISTS: delete the key pair and create it again).
   * Errors: INVALID_ARGUMENT (NAME_INVALID); ALREADY_EXISTS (KEYPAIR_EXISTS).
   */
  createKeyPair(argument: _strato_compute_v1_CreateKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_CreateKeyPairResponse__Output>): grpc.ClientUnaryCall;
  createKeyPair(argument: _strato_compute_v1_CreateKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_CreateKeyPairResponse__Output>): grpc.ClientUnaryCall;
  createKeyPair(argument: _strato_compute_v1_CreateKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_CreateKeyPairResponse__Output>): grpc.ClientUnaryCall;
  createKeyPair(argument: _strato_compute_v1_CreateKeyPairRequest, callback: grpc.requestCallback<_strato_compute_v1_CreateKeyPairResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteKeyPair. Servers made with it keep the key they got. Errors:
   * NOT_FOUND (KEYPAIR_NOT_FOUND, also another user's and one already
   * deleted).
   */
  DeleteKeyPair(argument: _strato_compute_v1_DeleteKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_DeleteKeyPairResponse__Output>): grpc.ClientUnaryCall;
  DeleteKeyPair(argument: _strato_compute_v1_DeleteKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_DeleteKeyPairResponse__Output>): grpc.ClientUnaryCall;
  DeleteKeyPair(argument: _strato_compute_v1_DeleteKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_DeleteKeyPairResponse__Output>): grpc.ClientUnaryCall;
  DeleteKeyPair(argument: _strato_compute_v1_DeleteKeyPairRequest, callback: grpc.requestCallback<_strato_compute_v1_DeleteKeyPairResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteKeyPair. Servers made with it keep the key they got. Errors:
   * NOT_FOUND (KEYPAIR_NOT_FOUND, also another user's and one already
   * deleted).
   */
  deleteKeyPair(argument: _strato_compute_v1_DeleteKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_DeleteKeyPairResponse__Output>): grpc.ClientUnaryCall;
  deleteKeyPair(argument: _strato_compute_v1_DeleteKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_DeleteKeyPairResponse__Output>): grpc.ClientUnaryCall;
  deleteKeyPair(argument: _strato_compute_v1_DeleteKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_DeleteKeyPairResponse__Output>): grpc.ClientUnaryCall;
  deleteKeyPair(argument: _strato_compute_v1_DeleteKeyPairRequest, callback: grpc.requestCallback<_strato_compute_v1_DeleteKeyPairResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetKeyPair by name. Errors: NOT_FOUND (KEYPAIR_NOT_FOUND, also another
   * user's).
   */
  GetKeyPair(argument: _strato_compute_v1_GetKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  GetKeyPair(argument: _strato_compute_v1_GetKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  GetKeyPair(argument: _strato_compute_v1_GetKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  GetKeyPair(argument: _strato_compute_v1_GetKeyPairRequest, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  /**
   * GetKeyPair by name. Errors: NOT_FOUND (KEYPAIR_NOT_FOUND, also another
   * user's).
   */
  getKeyPair(argument: _strato_compute_v1_GetKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  getKeyPair(argument: _strato_compute_v1_GetKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  getKeyPair(argument: _strato_compute_v1_GetKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  getKeyPair(argument: _strato_compute_v1_GetKeyPairRequest, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  
  /**
   * ImportKeyPair stores the caller's own public key, one OpenSSH line
   * ("<type> <base64 key> [comment]", at most 8192 characters): ssh-ed25519,
   * ssh-rsa of 2048 to 16384 bits, or ecdsa-sha2-nistp256, checked to be a
   * valid key of its type. The comment is kept sanitised (control characters
   * out, whitespace runs as one space, at most 255 characters). Errors:
   * INVALID_ARGUMENT (NAME_INVALID; PUBLIC_KEY_INVALID, field public_key);
   * ALREADY_EXISTS (KEYPAIR_EXISTS).
   */
  ImportKeyPair(argument: _strato_compute_v1_ImportKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  ImportKeyPair(argument: _strato_compute_v1_ImportKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  ImportKeyPair(argument: _strato_compute_v1_ImportKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  ImportKeyPair(argument: _strato_compute_v1_ImportKeyPairRequest, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  /**
   * ImportKeyPair stores the caller's own public key, one OpenSSH line
   * ("<type> <base64 key> [comment]", at most 8192 characters): ssh-ed25519,
   * ssh-rsa of 2048 to 16384 bits, or ecdsa-sha2-nistp256, checked to be a
   * valid key of its type. The comment is kept sanitised (control characters
   * out, whitespace runs as one space, at most 255 characters). Errors:
   * INVALID_ARGUMENT (NAME_INVALID; PUBLIC_KEY_INVALID, field public_key);
   * ALREADY_EXISTS (KEYPAIR_EXISTS).
   */
  importKeyPair(argument: _strato_compute_v1_ImportKeyPairRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  importKeyPair(argument: _strato_compute_v1_ImportKeyPairRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  importKeyPair(argument: _strato_compute_v1_ImportKeyPairRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  importKeyPair(argument: _strato_compute_v1_ImportKeyPairRequest, callback: grpc.requestCallback<_strato_compute_v1_KeyPair__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListKeyPairs: the caller's, paginated (page_size 0 means 100, at most
   * 1000), ordered by name.
   */
  ListKeyPairs(argument: _strato_compute_v1_ListKeyPairsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListKeyPairsResponse__Output>): grpc.ClientUnaryCall;
  ListKeyPairs(argument: _strato_compute_v1_ListKeyPairsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListKeyPairsResponse__Output>): grpc.ClientUnaryCall;
  ListKeyPairs(argument: _strato_compute_v1_ListKeyPairsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListKeyPairsResponse__Output>): grpc.ClientUnaryCall;
  ListKeyPairs(argument: _strato_compute_v1_ListKeyPairsRequest, callback: grpc.requestCallback<_strato_compute_v1_ListKeyPairsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListKeyPairs: the caller's, paginated (page_size 0 means 100, at most
   * 1000), ordered by name.
   */
  listKeyPairs(argument: _strato_compute_v1_ListKeyPairsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListKeyPairsResponse__Output>): grpc.ClientUnaryCall;
  listKeyPairs(argument: _strato_compute_v1_ListKeyPairsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_compute_v1_ListKeyPairsResponse__Output>): grpc.ClientUnaryCall;
  listKeyPairs(argument: _strato_compute_v1_ListKeyPairsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_compute_v1_ListKeyPairsResponse__Output>): grpc.ClientUnaryCall;
  listKeyPairs(argument: _strato_compute_v1_ListKeyPairsRequest, callback: grpc.requestCallback<_strato_compute_v1_ListKeyPairsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface KeyPairsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateKeyPair generates an Ed25519 key pair (fast to make, short keys,
   * accepted by every OpenSSH since 6.5 and by cloud-init) and returns its
   * private key, in OpenSSH format, in this reply only: it is not kept, and
   * cannot be fetched again. Not idempotent (a retry after a lost reply gets
   * ALREADY_EXISTS: delete the key pair and create it again).
   * Errors: INVALID_ARGUMENT (NAME_INVALID); ALREADY_EXISTS (KEYPAIR_EXISTS).
   */
  CreateKeyPair: grpc.handleUnaryCall<_strato_compute_v1_CreateKeyPairRequest__Output, _strato_compute_v1_CreateKeyPairResponse>;
  
  /**
   * DeleteKeyPair. Servers made with it keep the key they got. Errors:
   * NOT_FOUND (KEYPAIR_NOT_FOUND, also another user's and one already
   * deleted).
   */
  DeleteKeyPair: grpc.handleUnaryCall<_strato_compute_v1_DeleteKeyPairRequest__Output, _strato_compute_v1_DeleteKeyPairResponse>;
  
  /**
   * GetKeyPair by name. Errors: NOT_FOUND (KEYPAIR_NOT_FOUND, also another
   * user's).
   */
  GetKeyPair: grpc.handleUnaryCall<_strato_compute_v1_GetKeyPairRequest__Output, _strato_compute_v1_KeyPair>;
  
  /**
   * ImportKeyPair stores the caller's own public key, one OpenSSH line
   * ("<type> <base64 key> [comment]", at most 8192 characters): ssh-ed25519,
   * ssh-rsa of 2048 to 16384 bits, or ecdsa-sha2-nistp256, checked to be a
   * valid key of its type. The comment is kept sanitised (control characters
   * out, whitespace runs as one space, at most 255 characters). Errors:
   * INVALID_ARGUMENT (NAME_INVALID; PUBLIC_KEY_INVALID, field public_key);
   * ALREADY_EXISTS (KEYPAIR_EXISTS).
   */
  ImportKeyPair: grpc.handleUnaryCall<_strato_compute_v1_ImportKeyPairRequest__Output, _strato_compute_v1_KeyPair>;
  
  /**
   * ListKeyPairs: the caller's, paginated (page_size 0 means 100, at most
   * 1000), ordered by name.
   */
  ListKeyPairs: grpc.handleUnaryCall<_strato_compute_v1_ListKeyPairsRequest__Output, _strato_compute_v1_ListKeyPairsResponse>;
  
}

export interface KeyPairsDefinition extends grpc.ServiceDefinition {
  CreateKeyPair: MethodDefinition<_strato_compute_v1_CreateKeyPairRequest, _strato_compute_v1_CreateKeyPairResponse, _strato_compute_v1_CreateKeyPairRequest__Output, _strato_compute_v1_CreateKeyPairResponse__Output>
  DeleteKeyPair: MethodDefinition<_strato_compute_v1_DeleteKeyPairRequest, _strato_compute_v1_DeleteKeyPairResponse, _strato_compute_v1_DeleteKeyPairRequest__Output, _strato_compute_v1_DeleteKeyPairResponse__Output>
  GetKeyPair: MethodDefinition<_strato_compute_v1_GetKeyPairRequest, _strato_compute_v1_KeyPair, _strato_compute_v1_GetKeyPairRequest__Output, _strato_compute_v1_KeyPair__Output>
  ImportKeyPair: MethodDefinition<_strato_compute_v1_ImportKeyPairRequest, _strato_compute_v1_KeyPair, _strato_compute_v1_ImportKeyPairRequest__Output, _strato_compute_v1_KeyPair__Output>
  ListKeyPairs: MethodDefinition<_strato_compute_v1_ListKeyPairsRequest, _strato_compute_v1_ListKeyPairsResponse, _strato_compute_v1_ListKeyPairsRequest__Output, _strato_compute_v1_ListKeyPairsResponse__Output>
}
