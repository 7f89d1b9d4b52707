// Original file: strato/host/v1/host.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetHostCertificatesRequest as _strato_host_v1_GetHostCertificatesRequest, GetHostCertificatesRequest__Output as _strato_host_v1_GetHostCertificatesRequest__Output } from '../../../strato/host/v1/GetHostCertificatesRequest.ts';
import type { HostCertificateSet as _strato_host_v1_HostCertificateSet, HostCertificateSet__Output as _strato_host_v1_HostCertificateSet__Output } from '../../../strato/host/v1/HostCertificateSet.ts';
import type { IssueHostCertificateRequest as _strato_host_v1_IssueHostCertificateRequest, IssueHostCertificateRequest__Output as _strato_host_v1_IssueHostCertificateRequest__Output } from '../../../strato/host/v1/IssueHostCertificateRequest.ts';
import type { IssueHostCertificateResponse as _strato_host_v1_IssueHostCertificateResponse, IssueHostCertificateResponse__Output as _strato_host_v1_IssueHostCertificateResponse__Output } from '../../../strato/host/v1/IssueHostCertificateResponse.ts';
import type { RevokeHostCertificateRequest as _strato_host_v1_RevokeHostCertificateRequest, RevokeHostCertificateRequest__Output as _strato_host_v1_RevokeHostCertificateRequest__Output } from '../../../strato/host/v1/RevokeHostCertificateRequest.ts';
import type { RotateHostCertificateRequest as _strato_host_v1_RotateHostCertificateRequest, RotateHostCertificateRequest__Output as _strato_host_v1_RotateHostCertificateRequest__Output } from '../../../strato/host/v1/RotateHostCertificateRequest.ts';

/**
 * HostCertificates (admin only): the certificates hosts present to the
 * conductor and to each other's callers, signed by the deployment's CA, whose
 * key the conductor holds (<tls-dir>/ca.key, made by `scripts/make-certs --ca`
 * on the conductor host). The conductor records every certificate per host:
 * those it issues or renews, and one made elsewhere (make-certs) when the host
 * first calls with it. Once a host has a record, the Registry accepts only the
 * record's valid certificates, on every call, and the conductor calls the
 * host's agent only while the agent's certificate is valid there: a revoked
 * host is cut off at once both ways.
 */
export interface HostCertificatesClient extends grpc.Client {
  /**
   * GetHostCertificates: the host's recorded certificates, newest first
   * (expired ones are dropped from the record), which one its agent calls
   * with, and whether a rotation is pending. A host with no record (never
   * issued, never called) has an empty set.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (HOST_ID_INVALID).
   */
  GetHostCertificates(argument: _strato_host_v1_GetHostCertificatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  GetHostCertificates(argument: _strato_host_v1_GetHostCertificatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  GetHostCertificates(argument: _strato_host_v1_GetHostCertificatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  GetHostCertificates(argument: _strato_host_v1_GetHostCertificatesRequest, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  /**
   * GetHostCertificates: the host's recorded certificates, newest first
   * (expired ones are dropped from the record), which one its agent calls
   * with, and whether a rotation is pending. A host with no record (never
   * issued, never called) has an empty set.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (HOST_ID_INVALID).
   */
  getHostCertificates(argument: _strato_host_v1_GetHostCertificatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  getHostCertificates(argument: _strato_host_v1_GetHostCertificatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  getHostCertificates(argument: _strato_host_v1_GetHostCertificatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  getHostCertificates(argument: _strato_host_v1_GetHostCertificatesRequest, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  
  /**
   * IssueHostCertificate makes a new key and a certificate for a host (a new
   * one, or one being installed again): CN and DNS SAN the host id, plus the
   * given IP addresses and DNS names as SANs, usable as client and server
   * certificate, valid for validity_days (0: the conductor's
   * --certificate-validity-days). The private key is in the reply only: the
   * conductor keeps no copy (`strato host certificate issue --out` packs it
   * for scripts/install-host). The host's other certificates stay valid until
   * revoked or superseded (see Registry.RenewCertificate). Not idempotent:
   * each call issues another certificate.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (field named: HOST_ID_INVALID,
   * HOST_ID_RESERVED (`conductor` names the conductor), IP_ADDRESS_INVALID,
   * DNS_NAME_INVALID, TOO_MANY_NAMES, VALIDITY_INVALID); FAILED_PRECONDITION
   * (CA_UNAVAILABLE: this conductor holds no CA key); RESOURCE_EXHAUSTED
   * (TOO_MANY_CERTIFICATES: revoke some of the host's first).
   */
  IssueHostCertificate(argument: _strato_host_v1_IssueHostCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_IssueHostCertificateResponse__Output>): grpc.ClientUnaryCall;
  IssueHostCertificate(argument: _strato_host_v1_IssueHostCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_IssueHostCertificateResponse__Output>): grpc.ClientUnaryCall;
  IssueHostCertificate(argument: _strato_host_v1_IssueHostCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_IssueHostCertificateResponse__Output>): grpc.ClientUnaryCall;
  IssueHostCertificate(argument: _strato_host_v1_IssueHostCertificateRequest, callback: grpc.requestCallback<_strato_host_v1_IssueHostCertificateResponse__Output>): grpc.ClientUnaryCall;
  /**
   * IssueHostCertificate makes a new key and a certificate for a host (a new
   * one, or one being installed again): CN and DNS SAN the host id, plus the
   * given IP addresses and DNS names as SANs, usable as client and server
   * certificate, valid for validity_days (0: the conductor's
   * --certificate-validity-days). The private key is in the reply only: the
   * conductor keeps no copy (`strato host certificate issue --out` packs it
   * for scripts/install-host). The host's other certificates stay valid until
   * revoked or superseded (see Registry.RenewCertificate). Not idempotent:
   * each call issues another certificate.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (field named: HOST_ID_INVALID,
   * HOST_ID_RESERVED (`conductor` names the conductor), IP_ADDRESS_INVALID,
   * DNS_NAME_INVALID, TOO_MANY_NAMES, VALIDITY_INVALID); FAILED_PRECONDITION
   * (CA_UNAVAILABLE: this conductor holds no CA key); RESOURCE_EXHAUSTED
   * (TOO_MANY_CERTIFICATES: revoke some of the host's first).
   */
  issueHostCertificate(argument: _strato_host_v1_IssueHostCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_IssueHostCertificateResponse__Output>): grpc.ClientUnaryCall;
  issueHostCertificate(argument: _strato_host_v1_IssueHostCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_IssueHostCertificateResponse__Output>): grpc.ClientUnaryCall;
  issueHostCertificate(argument: _strato_host_v1_IssueHostCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_IssueHostCertificateResponse__Output>): grpc.ClientUnaryCall;
  issueHostCertificate(argument: _strato_host_v1_IssueHostCertificateRequest, callback: grpc.requestCallback<_strato_host_v1_IssueHostCertificateResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * RevokeHostCertificate revokes one of the host's certificates (serial) or,
   * without a serial, all of them, including any the conductor has not seen
   * yet: the host's record then holds no valid certificate and every call
   * with one is refused (CERTIFICATE_REVOKED, or CERTIFICATE_UNKNOWN for one
   * never recorded) until a new one is issued. Takes effect on the next call,
   * also on connections already open. A host left without a valid
   * certificate is down at once. Idempotent.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (HOST_ID_INVALID,
   * SERIAL_INVALID); NOT_FOUND (CERTIFICATE_NOT_FOUND: the serial is not one
   * of the host's).
   */
  RevokeHostCertificate(argument: _strato_host_v1_RevokeHostCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  RevokeHostCertificate(argument: _strato_host_v1_RevokeHostCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  RevokeHostCertificate(argument: _strato_host_v1_RevokeHostCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  RevokeHostCertificate(argument: _strato_host_v1_RevokeHostCertificateRequest, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  /**
   * RevokeHostCertificate revokes one of the host's certificates (serial) or,
   * without a serial, all of them, including any the conductor has not seen
   * yet: the host's record then holds no valid certificate and every call
   * with one is refused (CERTIFICATE_REVOKED, or CERTIFICATE_UNKNOWN for one
   * never recorded) until a new one is issued. Takes effect on the next call,
   * also on connections already open. A host left without a valid
   * certificate is down at once. Idempotent.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (HOST_ID_INVALID,
   * SERIAL_INVALID); NOT_FOUND (CERTIFICATE_NOT_FOUND: the serial is not one
   * of the host's).
   */
  revokeHostCertificate(argument: _strato_host_v1_RevokeHostCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  revokeHostCertificate(argument: _strato_host_v1_RevokeHostCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  revokeHostCertificate(argument: _strato_host_v1_RevokeHostCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  revokeHostCertificate(argument: _strato_host_v1_RevokeHostCertificateRequest, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  
  /**
   * RotateHostCertificate asks a registered host's agent for a new key and
   * certificate: its next heartbeat reply says so, the agent makes the key
   * (which never leaves the host) and calls Registry.RenewCertificate, then
   * serves and calls with the new certificate without restarting (guests are
   * not touched). Done when the agent first calls with the new certificate:
   * rotation_pending is false and in_use_serial names it; the older ones are
   * then revoked as superseded. Idempotent while pending.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (HOST_ID_INVALID); NOT_FOUND
   * (HOST_NOT_FOUND: not registered); FAILED_PRECONDITION (CA_UNAVAILABLE;
   * CERTIFICATE_NOT_SEEN: the host has not called since certificates are
   * recorded, try after its next heartbeat; HOST_REVOKED: the host has no
   * valid certificate left to ask with: issue one).
   */
  RotateHostCertificate(argument: _strato_host_v1_RotateHostCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  RotateHostCertificate(argument: _strato_host_v1_RotateHostCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  RotateHostCertificate(argument: _strato_host_v1_RotateHostCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  RotateHostCertificate(argument: _strato_host_v1_RotateHostCertificateRequest, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  /**
   * RotateHostCertificate asks a registered host's agent for a new key and
   * certificate: its next heartbeat reply says so, the agent makes the key
   * (which never leaves the host) and calls Registry.RenewCertificate, then
   * serves and calls with the new certificate without restarting (guests are
   * not touched). Done when the agent first calls with the new certificate:
   * rotation_pending is false and in_use_serial names it; the older ones are
   * then revoked as superseded. Idempotent while pending.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (HOST_ID_INVALID); NOT_FOUND
   * (HOST_NOT_FOUND: not registered); FAILED_PRECONDITION (CA_UNAVAILABLE;
   * CERTIFICATE_NOT_SEEN: the host has not called since certificates are
   * recorded, try after its next heartbeat; HOST_REVOKED: the host has no
   * valid certificate left to ask with: issue one).
   */
  rotateHostCertificate(argument: _strato_host_v1_RotateHostCertificateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  rotateHostCertificate(argument: _strato_host_v1_RotateHostCertificateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  rotateHostCertificate(argument: _strato_host_v1_RotateHostCertificateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  rotateHostCertificate(argument: _strato_host_v1_RotateHostCertificateRequest, callback: grpc.requestCallback<_strato_host_v1_HostCertificateSet__Output>): grpc.ClientUnaryCall;
  
}

/**
 * HostCertificates (admin only): the certificates hosts present to the
 * conductor and to each other's callers, signed by the deployment's CA, whose
 * key the conductor holds (<tls-dir>/ca.key, made by `scripts/make-certs --ca`
 * on the conductor host). The conductor records every certificate per host:
 * those it issues or renews, and one made elsewhere (make-certs) when the host
 * first calls with it. Once a host has a record, the Registry accepts only the
 * record's valid certificates, on every call, and the conductor calls the
 * host's agent only while the agent's certificate is valid there: a revoked
 * host is cut off at once both ways.
 */
export interface HostCertificatesHandlers extends grpc.UntypedServiceImplementation {
  /**
   * GetHostCertificates: the host's recorded certificates, newest first
   * (expired ones are dropped from the record), which one its agent calls
   * with, and whether a rotation is pending. A host with no record (never
   * issued, never called) has an empty set.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (HOST_ID_INVALID).
   */
  GetHostCertificates: grpc.handleUnaryCall<_strato_host_v1_GetHostCertificatesRequest__Output, _strato_host_v1_HostCertificateSet>;
  
  /**
   * IssueHostCertificate makes a new key and a certificate for a host (a new
   * one, or one being installed again): CN and DNS SAN the host id, plus the
   * given IP addresses and DNS names as SANs, usable as client and server
   * certificate, valid for validity_days (0: the conductor's
   * --certificate-validity-days). The private key is in the reply only: the
   * conductor keeps no copy (`strato host certificate issue --out` packs it
   * for scripts/install-host). The host's other certificates stay valid until
   * revoked or superseded (see Registry.RenewCertificate). Not idempotent:
   * each call issues another certificate.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (field named: HOST_ID_INVALID,
   * HOST_ID_RESERVED (`conductor` names the conductor), IP_ADDRESS_INVALID,
   * DNS_NAME_INVALID, TOO_MANY_NAMES, VALIDITY_INVALID); FAILED_PRECONDITION
   * (CA_UNAVAILABLE: this conductor holds no CA key); RESOURCE_EXHAUSTED
   * (TOO_MANY_CERTIFICATES: revoke some of the host's first).
   */
  IssueHostCertificate: grpc.handleUnaryCall<_strato_host_v1_IssueHostCertificateRequest__Output, _strato_host_v1_IssueHostCertificateResponse>;
  
  /**
   * RevokeHostCertificate revokes one of the host's certificates (serial) or,
   * without a serial, all of them, including any the conductor has not seen
   * yet: the host's record then holds no valid certificate and every call
   * with one is refused (CERTIFICATE_REVOKED, or CERTIFICATE_UNKNOWN for one
   * never recorded) until a new one is issued. Takes effect on the next call,
   * also on connections already open. A host left without a valid
   * certificate is down at once. Idempotent.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (HOST_ID_INVALID,
   * SERIAL_INVALID); NOT_FOUND (CERTIFICATE_NOT_FOUND: the serial is not one
   * of the host's).
   */
  RevokeHostCertificate: grpc.handleUnaryCall<_strato_host_v1_RevokeHostCertificateRequest__Output, _strato_host_v1_HostCertificateSet>;
  
  /**
   * RotateHostCertificate asks a registered host's agent for a new key and
   * certificate: its next heartbeat reply says so, the agent makes the key
   * (which never leaves the host) and calls Registry.RenewCertificate, then
   * serves and calls with the new certificate without restarting (guests are
   * not touched). Done when the agent first calls with the new certificate:
   * rotation_pending is false and in_use_serial names it; the older ones are
   * then revoked as superseded. Idempotent while pending.
   * Errors: PERMISSION_DENIED; INVALID_ARGUMENT (HOST_ID_INVALID); NOT_FOUND
   * (HOST_NOT_FOUND: not registered); FAILED_PRECONDITION (CA_UNAVAILABLE;
   * CERTIFICATE_NOT_SEEN: the host has not called since certificates are
   * recorded, try after its next heartbeat; HOST_REVOKED: the host has no
   * valid certificate left to ask with: issue one).
   */
  RotateHostCertificate: grpc.handleUnaryCall<_strato_host_v1_RotateHostCertificateRequest__Output, _strato_host_v1_HostCertificateSet>;
  
}

export interface HostCertificatesDefinition extends grpc.ServiceDefinition {
  GetHostCertificates: MethodDefinition<_strato_host_v1_GetHostCertificatesRequest, _strato_host_v1_HostCertificateSet, _strato_host_v1_GetHostCertificatesRequest__Output, _strato_host_v1_HostCertificateSet__Output>
  IssueHostCertificate: MethodDefinition<_strato_host_v1_IssueHostCertificateRequest, _strato_host_v1_IssueHostCertificateResponse, _strato_host_v1_IssueHostCertificateRequest__Output, _strato_host_v1_IssueHostCertificateResponse__Output>
  RevokeHostCertificate: MethodDefinition<_strato_host_v1_RevokeHostCertificateRequest, _strato_host_v1_HostCertificateSet, _strato_host_v1_RevokeHostCertificateRequest__Output, _strato_host_v1_HostCertificateSet__Output>
  RotateHostCertificate: MethodDefinition<_strato_host_v1_RotateHostCertificateRequest, _strato_host_v1_HostCertificateSet, _strato_host_v1_RotateHostCertificateRequest__Output, _strato_host_v1_HostCertificateSet__Output>
}
