// Original file: strato/host/v1/host.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetInstanceMetadataRequest as _strato_host_v1_GetInstanceMetadataRequest, GetInstanceMetadataRequest__Output as _strato_host_v1_GetInstanceMetadataRequest__Output } from '../../../strato/host/v1/GetInstanceMetadataRequest.ts';
import type { GetInstanceMetadataResponse as _strato_host_v1_GetInstanceMetadataResponse, GetInstanceMetadataResponse__Output as _strato_host_v1_GetInstanceMetadataResponse__Output } from '../../../strato/host/v1/GetInstanceMetadataResponse.ts';
import type { HeartbeatRequest as _strato_host_v1_HeartbeatRequest, HeartbeatRequest__Output as _strato_host_v1_HeartbeatRequest__Output } from '../../../strato/host/v1/HeartbeatRequest.ts';
import type { HeartbeatResponse as _strato_host_v1_HeartbeatResponse, HeartbeatResponse__Output as _strato_host_v1_HeartbeatResponse__Output } from '../../../strato/host/v1/HeartbeatResponse.ts';
import type { PullImageRequest as _strato_host_v1_PullImageRequest, PullImageRequest__Output as _strato_host_v1_PullImageRequest__Output } from '../../../strato/host/v1/PullImageRequest.ts';
import type { PullImageResponse as _strato_host_v1_PullImageResponse, PullImageResponse__Output as _strato_host_v1_PullImageResponse__Output } from '../../../strato/host/v1/PullImageResponse.ts';
import type { RegisterRequest as _strato_host_v1_RegisterRequest, RegisterRequest__Output as _strato_host_v1_RegisterRequest__Output } from '../../../strato/host/v1/RegisterRequest.ts';
import type { RegisterResponse as _strato_host_v1_RegisterResponse, RegisterResponse__Output as _strato_host_v1_RegisterResponse__Output } from '../../../strato/host/v1/RegisterResponse.ts';
import type { RenewCertificateRequest as _strato_host_v1_RenewCertificateRequest, RenewCertificateRequest__Output as _strato_host_v1_RenewCertificateRequest__Output } from '../../../strato/host/v1/RenewCertificateRequest.ts';
import type { RenewCertificateResponse as _strato_host_v1_RenewCertificateResponse, RenewCertificateResponse__Output as _strato_host_v1_RenewCertificateResponse__Output } from '../../../strato/host/v1/RenewCertificateResponse.ts';
import type { ReportInstanceRequest as _strato_host_v1_ReportInstanceRequest, ReportInstanceRequest__Output as _strato_host_v1_ReportInstanceRequest__Output } from '../../../strato/host/v1/ReportInstanceRequest.ts';
import type { ReportInstanceResponse as _strato_host_v1_ReportInstanceResponse, ReportInstanceResponse__Output as _strato_host_v1_ReportInstanceResponse__Output } from '../../../strato/host/v1/ReportInstanceResponse.ts';

export interface RegistryClient extends grpc.Client {
  /**
   * GetInstanceMetadata answers the metadata service a host runs for guests
   * (169.254.169.254 in a qrouter or qdhcp namespace): what the server whose
   * port on `network_id` holds fixed address `ip` may read about itself (what
   * its config drive would carry). The guest is identified by its source
   * address on its network, never by anything it sends (anti-spoofing on its
   * port makes the address its own). Only the host that serves metadata for
   * that network may ask: the host of a router with an interface on it, or
   * the host serving its DHCP. Read-only, idempotent.
   * Errors: PERMISSION_DENIED (the certificate does not name host_id, or the
   * host serves no metadata for network_id); NOT_FOUND/INSTANCE_NOT_FOUND (no
   * server's port holds that address on that network); INVALID_ARGUMENT
   * (NETWORK_ID_INVALID, IP_INVALID).
   */
  GetInstanceMetadata(argument: _strato_host_v1_GetInstanceMetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_GetInstanceMetadataResponse__Output>): grpc.ClientUnaryCall;
  GetInstanceMetadata(argument: _strato_host_v1_GetInstanceMetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_GetInstanceMetadataResponse__Output>): grpc.ClientUnaryCall;
  GetInstanceMetadata(argument: _strato_host_v1_GetInstanceMetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_GetInstanceMetadataResponse__Output>): grpc.ClientUnaryCall;
  GetInstanceMetadata(argument: _strato_host_v1_GetInstanceMetadataRequest, callback: grpc.requestCallback<_strato_host_v1_GetInstanceMetadataResponse__Output>): grpc.ClientUnaryCall;
  /**
   * GetInstanceMetadata answers the metadata service a host runs for guests
   * (169.254.169.254 in a qrouter or qdhcp namespace): what the server whose
   * port on `network_id` holds fixed address `ip` may read about itself (what
   * its config drive would carry). The guest is identified by its source
   * address on its network, never by anything it sends (anti-spoofing on its
   * port makes the address its own). Only the host that serves metadata for
   * that network may ask: the host of a router with an interface on it, or
   * the host serving its DHCP. Read-only, idempotent.
   * Errors: PERMISSION_DENIED (the certificate does not name host_id, or the
   * host serves no metadata for network_id); NOT_FOUND/INSTANCE_NOT_FOUND (no
   * server's port holds that address on that network); INVALID_ARGUMENT
   * (NETWORK_ID_INVALID, IP_INVALID).
   */
  getInstanceMetadata(argument: _strato_host_v1_GetInstanceMetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_GetInstanceMetadataResponse__Output>): grpc.ClientUnaryCall;
  getInstanceMetadata(argument: _strato_host_v1_GetInstanceMetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_GetInstanceMetadataResponse__Output>): grpc.ClientUnaryCall;
  getInstanceMetadata(argument: _strato_host_v1_GetInstanceMetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_GetInstanceMetadataResponse__Output>): grpc.ClientUnaryCall;
  getInstanceMetadata(argument: _strato_host_v1_GetInstanceMetadataRequest, callback: grpc.requestCallback<_strato_host_v1_GetInstanceMetadataResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Heartbeat keeps the host up (a host is down after `down_after_s` without
   * one) and carries the actual state of every instance on the host, the
   * periodic safety net behind ReportInstance, and a storage host's current
   * capacity (absent: the last one reported stands). An instance the conductor
   * expects but the list omits (for two heartbeat intervals after its last
   * change) goes to ERROR. The reply lists what the conductor expects on the
   * host: anything else there may be removed by the agent.
   * A heartbeat with instances_unknown (the host cannot see its guests) only
   * updates what the host reports about itself (degraded reasons, orphans).
   * Errors: NOT_FOUND (HOST_NOT_REGISTERED: register again);
   * PERMISSION_DENIED; INVALID_ARGUMENT (STORAGE_INVALID, as Register;
   * DEGRADED_REASONS_INVALID).
   */
  Heartbeat(argument: _strato_host_v1_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _strato_host_v1_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _strato_host_v1_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _strato_host_v1_HeartbeatRequest, callback: grpc.requestCallback<_strato_host_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Heartbeat keeps the host up (a host is down after `down_after_s` without
   * one) and carries the actual state of every instance on the host, the
   * periodic safety net behind ReportInstance, and a storage host's current
   * capacity (absent: the last one reported stands). An instance the conductor
   * expects but the list omits (for two heartbeat intervals after its last
   * change) goes to ERROR. The reply lists what the conductor expects on the
   * host: anything else there may be removed by the agent.
   * A heartbeat with instances_unknown (the host cannot see its guests) only
   * updates what the host reports about itself (degraded reasons, orphans).
   * Errors: NOT_FOUND (HOST_NOT_REGISTERED: register again);
   * PERMISSION_DENIED; INVALID_ARGUMENT (STORAGE_INVALID, as Register;
   * DEGRADED_REASONS_INVALID).
   */
  heartbeat(argument: _strato_host_v1_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _strato_host_v1_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _strato_host_v1_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _strato_host_v1_HeartbeatRequest, callback: grpc.requestCallback<_strato_host_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * PullImage streams an image's bytes to an agent in chunks (at most 1 MiB
   * each); the first message carries the expected sha256, size and format.
   * Any registered host may pull any active image (it needs it to spawn).
   * Errors: PERMISSION_DENIED (certificate does not name host_id, or host_id
   * is not registered); NOT_FOUND; FAILED_PRECONDITION (image not active).
   */
  PullImage(argument: _strato_host_v1_PullImageRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_strato_host_v1_PullImageResponse__Output>;
  PullImage(argument: _strato_host_v1_PullImageRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_strato_host_v1_PullImageResponse__Output>;
  /**
   * PullImage streams an image's bytes to an agent in chunks (at most 1 MiB
   * each); the first message carries the expected sha256, size and format.
   * Any registered host may pull any active image (it needs it to spawn).
   * Errors: PERMISSION_DENIED (certificate does not name host_id, or host_id
   * is not registered); NOT_FOUND; FAILED_PRECONDITION (image not active).
   */
  pullImage(argument: _strato_host_v1_PullImageRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_strato_host_v1_PullImageResponse__Output>;
  pullImage(argument: _strato_host_v1_PullImageRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_strato_host_v1_PullImageResponse__Output>;
  
  /**
   * Register announces an agent (on every start). Idempotent: re-registering
   * updates address, capacity, roles and storage. The reply carries the
   * conductor's view of what should run on the host so a restarted agent can
   * reconcile. Errors: PERMISSION_DENIED (certificate does not name host_id);
   * INVALID_ARGUMENT (field named: ROLES_INVALID: an unknown role or storage
   * without its report; STORAGE_INVALID: a report that is not one a storage
   * host can give, e.g. an unknown backend, free above total, a portal that
   * is not address:port; ADDRESS_INVALID, CAPACITY_INVALID, UNDERLAY_IP_INVALID,
   * STARTED_AT_INVALID, DEGRADED_REASONS_INVALID).
   */
  Register(argument: _strato_host_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _strato_host_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _strato_host_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  Register(argument: _strato_host_v1_RegisterRequest, callback: grpc.requestCallback<_strato_host_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Register announces an agent (on every start). Idempotent: re-registering
   * updates address, capacity, roles and storage. The reply carries the
   * conductor's view of what should run on the host so a restarted agent can
   * reconcile. Errors: PERMISSION_DENIED (certificate does not name host_id);
   * INVALID_ARGUMENT (field named: ROLES_INVALID: an unknown role or storage
   * without its report; STORAGE_INVALID: a report that is not one a storage
   * host can give, e.g. an unknown backend, free above total, a portal that
   * is not address:port; ADDRESS_INVALID, CAPACITY_INVALID, UNDERLAY_IP_INVALID,
   * STARTED_AT_INVALID, DEGRADED_REASONS_INVALID).
   */
  register(argument: _strato_host_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _strato_host_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _strato_host_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  register(argument: _strato_host_v1_RegisterRequest, callback: grpc.requestCallback<_strato_host_v1_RegisterResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * RenewCertificate signs a certificate for a new key of the calling host:
   * `csr` is a PKCS#10 request in PEM (at most 16 KiB) for a key the host
   * made (EC P-256/P-384, Ed25519 or RSA of at least 2048 bits); its private
   * key never leaves the host. The certificate names the host as the one the
   * call is made with does (CN, SANs; the request's own names are ignored),
   * for the conductor's default validity. The agent calls it when a heartbeat
   * reply asks (renew_certificate) and by itself when two thirds of its
   * certificate's lifetime have passed. Not idempotent: each call issues a
   * certificate; one the host never uses is revoked (superseded) once it
   * calls with a later one.
   * Errors: PERMISSION_DENIED (HOST_IDENTITY_MISMATCH, CERTIFICATE_REVOKED,
   * CERTIFICATE_UNKNOWN); INVALID_ARGUMENT (CSR_INVALID: not a PEM request,
   * a bad signature or a weak key; KEY_REUSED: the key of the certificate the
   * call is made with); FAILED_PRECONDITION (CA_UNAVAILABLE);
   * RESOURCE_EXHAUSTED (TOO_MANY_CERTIFICATES).
   */
  RenewCertificate(argument: _strato_host_v1_RenewCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_RenewCertificateResponse__Output>): grpc.ClientUnaryCall;
  RenewCertificate(argument: _strato_host_v1_RenewCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_RenewCertificateResponse__Output>): grpc.ClientUnaryCall;
  RenewCertificate(argument: _strato_host_v1_RenewCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_RenewCertificateResponse__Output>): grpc.ClientUnaryCall;
  RenewCertificate(argument: _strato_host_v1_RenewCertificateRequest, callback: grpc.requestCallback<_strato_host_v1_RenewCertificateResponse__Output>): grpc.ClientUnaryCall;
  /**
   * RenewCertificate signs a certificate for a new key of the calling host:
   * `csr` is a PKCS#10 request in PEM (at most 16 KiB) for a key the host
   * made (EC P-256/P-384, Ed25519 or RSA of at least 2048 bits); its private
   * key never leaves the host. The certificate names the host as the one the
   * call is made with does (CN, SANs; the request's own names are ignored),
   * for the conductor's default validity. The agent calls it when a heartbeat
   * reply asks (renew_certificate) and by itself when two thirds of its
   * certificate's lifetime have passed. Not idempotent: each call issues a
   * certificate; one the host never uses is revoked (superseded) once it
   * calls with a later one.
   * Errors: PERMISSION_DENIED (HOST_IDENTITY_MISMATCH, CERTIFICATE_REVOKED,
   * CERTIFICATE_UNKNOWN); INVALID_ARGUMENT (CSR_INVALID: not a PEM request,
   * a bad signature or a weak key; KEY_REUSED: the key of the certificate the
   * call is made with); FAILED_PRECONDITION (CA_UNAVAILABLE);
   * RESOURCE_EXHAUSTED (TOO_MANY_CERTIFICATES).
   */
  renewCertificate(argument: _strato_host_v1_RenewCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_RenewCertificateResponse__Output>): grpc.ClientUnaryCall;
  renewCertificate(argument: _strato_host_v1_RenewCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_RenewCertificateResponse__Output>): grpc.ClientUnaryCall;
  renewCertificate(argument: _strato_host_v1_RenewCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_RenewCertificateResponse__Output>): grpc.ClientUnaryCall;
  renewCertificate(argument: _strato_host_v1_RenewCertificateRequest, callback: grpc.requestCallback<_strato_host_v1_RenewCertificateResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ReportInstance pushes one instance's actual state as soon as the host
   * sees it change (libvirt events). Power state follows reports for
   * instances at rest; reports observed (observed_at) before the conductor's
   * last change of the instance, or while an operation runs on it, are
   * ignored. Idempotent. Errors: PERMISSION_DENIED.
   */
  ReportInstance(argument: _strato_host_v1_ReportInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_ReportInstanceResponse__Output>): grpc.ClientUnaryCall;
  ReportInstance(argument: _strato_host_v1_ReportInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_ReportInstanceResponse__Output>): grpc.ClientUnaryCall;
  ReportInstance(argument: _strato_host_v1_ReportInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_ReportInstanceResponse__Output>): grpc.ClientUnaryCall;
  ReportInstance(argument: _strato_host_v1_ReportInstanceRequest, callback: grpc.requestCallback<_strato_host_v1_ReportInstanceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ReportInstance pushes one instance's actual state as soon as the host
   * sees it change (libvirt events). Power state follows reports for
   * instances at rest; reports observed (observed_at) before the conductor's
   * last change of the instance, or while an operation runs on it, are
   * ignored. Idempotent. Errors: PERMISSION_DENIED.
   */
  reportInstance(argument: _strato_host_v1_ReportInstanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_ReportInstanceResponse__Output>): grpc.ClientUnaryCall;
  reportInstance(argument: _strato_host_v1_ReportInstanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_ReportInstanceResponse__Output>): grpc.ClientUnaryCall;
  reportInstance(argument: _strato_host_v1_ReportInstanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_ReportInstanceResponse__Output>): grpc.ClientUnaryCall;
  reportInstance(argument: _strato_host_v1_ReportInstanceRequest, callback: grpc.requestCallback<_strato_host_v1_ReportInstanceResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RegistryHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GetInstanceMetadata answers the metadata service a host runs for guests
   * (169.254.169.254 in a qrouter or qdhcp namespace): what the server whose
   * port on `network_id` holds fixed address `ip` may read about itself (what
   * its config drive would carry). The guest is identified by its source
   * address on its network, never by anything it sends (anti-spoofing on its
   * port makes the address its own). Only the host that serves metadata for
   * that network may ask: the host of a router with an interface on it, or
   * the host serving its DHCP. Read-only, idempotent.
   * Errors: PERMISSION_DENIED (the certificate does not name host_id, or the
   * host serves no metadata for network_id); NOT_FOUND/INSTANCE_NOT_FOUND (no
   * server's port holds that address on that network); INVALID_ARGUMENT
   * (NETWORK_ID_INVALID, IP_INVALID).
   */
  GetInstanceMetadata: grpc.handleUnaryCall<_strato_host_v1_GetInstanceMetadataRequest__Output, _strato_host_v1_GetInstanceMetadataResponse>;
  
  /**
   * Heartbeat keeps the host up (a host is down after `down_after_s` without
   * one) and carries the actual state of every instance on the host, the
   * periodic safety net behind ReportInstance, and a storage host's current
   * capacity (absent: the last one reported stands). An instance the conductor
   * expects but the list omits (for two heartbeat intervals after its last
   * change) goes to ERROR. The reply lists what the conductor expects on the
   * host: anything else there may be removed by the agent.
   * A heartbeat with instances_unknown (the host cannot see its guests) only
   * updates what the host reports about itself (degraded reasons, orphans).
   * Errors: NOT_FOUND (HOST_NOT_REGISTERED: register again);
   * PERMISSION_DENIED; INVALID_ARGUMENT (STORAGE_INVALID, as Register;
   * DEGRADED_REASONS_INVALID).
   */
  Heartbeat: grpc.handleUnaryCall<_strato_host_v1_HeartbeatRequest__Output, _strato_host_v1_HeartbeatResponse>;
  
  /**
   * PullImage streams an image's bytes to an agent in chunks (at most 1 MiB
   * each); the first message carries the expected sha256, size and format.
   * Any registered host may pull any active image (it needs it to spawn).
   * Errors: PERMISSION_DENIED (certificate does not name host_id, or host_id
   * is not registered); NOT_FOUND; FAILED_PRECONDITION (image not active).
   */
  PullImage: grpc.handleServerStreamingCall<_strato_host_v1_PullImageRequest__Output, _strato_host_v1_PullImageResponse>;
  
  /**
   * Register announces an agent (on every start). Idempotent: re-registering
   * updates address, capacity, roles and storage. The reply carries the
   * conductor's view of what should run on the host so a restarted agent can
   * reconcile. Errors: PERMISSION_DENIED (certificate does not name host_id);
   * INVALID_ARGUMENT (field named: ROLES_INVALID: an unknown role or storage
   * without its report; STORAGE_INVALID: a report that is not one a storage
   * host can give, e.g. an unknown backend, free above total, a portal that
   * is not address:port; ADDRESS_INVALID, CAPACITY_INVALID, UNDERLAY_IP_INVALID,
   * STARTED_AT_INVALID, DEGRADED_REASONS_INVALID).
   */
  Register: grpc.handleUnaryCall<_strato_host_v1_RegisterRequest__Output, _strato_host_v1_RegisterResponse>;
  
  /**
   * RenewCertificate signs a certificate for a new key of the calling host:
   * `csr` is a PKCS#10 request in PEM (at most 16 KiB) for a key the host
   * made (EC P-256/P-384, Ed25519 or RSA of at least 2048 bits); its private
   * key never leaves the host. The certificate names the host as the one the
   * call is made with does (CN, SANs; the request's own names are ignored),
   * for the conductor's default validity. The agent calls it when a heartbeat
   * reply asks (renew_certificate) and by itself when two thirds of its
   * certificate's lifetime have passed. Not idempotent: each call issues a
   * certificate; one the host never uses is revoked (superseded) once it
   * calls with a later one.
   * Errors: PERMISSION_DENIED (HOST_IDENTITY_MISMATCH, CERTIFICATE_REVOKED,
   * CERTIFICATE_UNKNOWN); INVALID_ARGUMENT (CSR_INVALID: not a PEM request,
   * a bad signature or a weak key; KEY_REUSED: the key of the certificate the
   * call is made with); FAILED_PRECONDITION (CA_UNAVAILABLE);
   * RESOURCE_EXHAUSTED (TOO_MANY_CERTIFICATES).
   */
  RenewCertificate: grpc.handleUnaryCall<_strato_host_v1_RenewCertificateRequest__Output, _strato_host_v1_RenewCertificateResponse>;
  
  /**
   * ReportInstance pushes one instance's actual state as soon as the host
   * sees it change (libvirt events). Power state follows reports for
   * instances at rest; reports observed (observed_at) before the conductor's
   * last change of the instance, or while an operation runs on it, are
   * ignored. Idempotent. Errors: PERMISSION_DENIED.
   */
  ReportInstance: grpc.handleUnaryCall<_strato_host_v1_ReportInstanceRequest__Output, _strato_host_v1_ReportInstanceResponse>;
  
}

export interface RegistryDefinition extends grpc.ServiceDefinition {
  GetInstanceMetadata: MethodDefinition<_strato_host_v1_GetInstanceMetadataRequest, _strato_host_v1_GetInstanceMetadataResponse, _strato_host_v1_GetInstanceMetadataRequest__Output, _strato_host_v1_GetInstanceMetadataResponse__Output>
  Heartbeat: MethodDefinition<_strato_host_v1_HeartbeatRequest, _strato_host_v1_HeartbeatResponse, _strato_host_v1_HeartbeatRequest__Output, _strato_host_v1_HeartbeatResponse__Output>
  PullImage: MethodDefinition<_strato_host_v1_PullImageRequest, _strato_host_v1_PullImageResponse, _strato_host_v1_PullImageRequest__Output, _strato_host_v1_PullImageResponse__Output>
  Register: MethodDefinition<_strato_host_v1_RegisterRequest, _strato_host_v1_RegisterResponse, _strato_host_v1_RegisterRequest__Output, _strato_host_v1_RegisterResponse__Output>
  RenewCertificate: MethodDefinition<_strato_host_v1_RenewCertificateRequest, _strato_host_v1_RenewCertificateResponse, _strato_host_v1_RenewCertificateRequest__Output, _strato_host_v1_RenewCertificateResponse__Output>
  ReportInstance: MethodDefinition<_strato_host_v1_ReportInstanceRequest, _strato_host_v1_ReportInstanceResponse, _strato_host_v1_ReportInstanceRequest__Output, _strato_host_v1_ReportInstanceResponse__Output>
}
