// Original file: strato/compute/v1/server_console.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AttachConsoleRequest as _strato_compute_v1_AttachConsoleRequest, AttachConsoleRequest__Output as _strato_compute_v1_AttachConsoleRequest__Output } from '../../../strato/compute/v1/AttachConsoleRequest.ts';
import type { AttachConsoleResponse as _strato_compute_v1_AttachConsoleResponse, AttachConsoleResponse__Output as _strato_compute_v1_AttachConsoleResponse__Output } from '../../../strato/compute/v1/AttachConsoleResponse.ts';

export interface ServerConsolesClient extends grpc.Client {
  /**
   * AttachConsole is an interactive session on the server's serial console
   * (ttyS0). The first message names the server (server: name or id, in the
   * caller's project; its data is typed too); the data of every message is
   * typed into the guest, at most 64 KiB a message; the answers carry what
   * the guest prints, as is. One session per server, the newest wins: an
   * attach takes the console over and the older session ends (OK). The
   * session ends OK when the caller half-closes, when the guest stops or
   * when another session takes over; a caller that goes away (cancels)
   * releases the console at once. Not idempotent. Project members and
   * admins (anyone at the console may act as the guest's user). Errors:
   * INVALID_ARGUMENT (SERVER_REQUIRED, field server; CONSOLE_INPUT_TOO_LARGE,
   * field data); NOT_FOUND (no such server in the caller's project, also
   * another project's); FAILED_PRECONDITION (NOT_ON_HOST: not placed yet or
   * a failed build; NOT_RUNNING: the guest is not running); UNAVAILABLE
   * (the host does not answer).
   */
  AttachConsole(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_strato_compute_v1_AttachConsoleRequest, _strato_compute_v1_AttachConsoleResponse__Output>;
  AttachConsole(options?: grpc.CallOptions): grpc.ClientDuplexStream<_strato_compute_v1_AttachConsoleRequest, _strato_compute_v1_AttachConsoleResponse__Output>;
  /**
   * AttachConsole is an interactive session on the server's serial console
   * (ttyS0). The first message names the server (server: name or id, in the
   * caller's project; its data is typed too); the data of every message is
   * typed into the guest, at most 64 KiB a message; the answers carry what
   * the guest prints, as is. One session per server, the newest wins: an
   * attach takes the console over and the older session ends (OK). The
   * session ends OK when the caller half-closes, when the guest stops or
   * when another session takes over; a caller that goes away (cancels)
   * releases the console at once. Not idempotent. Project members and
   * admins (anyone at the console may act as the guest's user). Errors:
   * INVALID_ARGUMENT (SERVER_REQUIRED, field server; CONSOLE_INPUT_TOO_LARGE,
   * field data); NOT_FOUND (no such server in the caller's project, also
   * another project's); FAILED_PRECONDITION (NOT_ON_HOST: not placed yet or
   * a failed build; NOT_RUNNING: the guest is not running); UNAVAILABLE
   * (the host does not answer).
   */
  attachConsole(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_strato_compute_v1_AttachConsoleRequest, _strato_compute_v1_AttachConsoleResponse__Output>;
  attachConsole(options?: grpc.CallOptions): grpc.ClientDuplexStream<_strato_compute_v1_AttachConsoleRequest, _strato_compute_v1_AttachConsoleResponse__Output>;
  
}

export interface ServerConsolesHandlers extends grpc.UntypedServiceImplementation {
  /**
   * AttachConsole is an interactive session on the server's serial console
   * (ttyS0). The first message names the server (server: name or id, in the
   * caller's project; its data is typed too); the data of every message is
   * typed into the guest, at most 64 KiB a message; the answers carry what
   * the guest prints, as is. One session per server, the newest wins: an
   * attach takes the console over and the older session ends (OK). The
   * session ends OK when the caller half-closes, when the guest stops or
   * when another session takes over; a caller that goes away (cancels)
   * releases the console at once. Not idempotent. Project members and
   * admins (anyone at the console may act as the guest's user). Errors:
   * INVALID_ARGUMENT (SERVER_REQUIRED, field server; CONSOLE_INPUT_TOO_LARGE,
   * field data); NOT_FOUND (no such server in the caller's project, also
   * another project's); FAILED_PRECONDITION (NOT_ON_HOST: not placed yet or
   * a failed build; NOT_RUNNING: the guest is not running); UNAVAILABLE
   * (the host does not answer).
   */
  AttachConsole: grpc.handleBidiStreamingCall<_strato_compute_v1_AttachConsoleRequest__Output, _strato_compute_v1_AttachConsoleResponse>;
  
}

export interface ServerConsolesDefinition extends grpc.ServiceDefinition {
  AttachConsole: MethodDefinition<_strato_compute_v1_AttachConsoleRequest, _strato_compute_v1_AttachConsoleResponse, _strato_compute_v1_AttachConsoleRequest__Output, _strato_compute_v1_AttachConsoleResponse__Output>
}
