// Original file: strato/agent/v1/agent_network.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ApplyNetworkStateRequest as _strato_agent_v1_ApplyNetworkStateRequest, ApplyNetworkStateRequest__Output as _strato_agent_v1_ApplyNetworkStateRequest__Output } from '../../../strato/agent/v1/ApplyNetworkStateRequest.ts';
import type { ApplyNetworkStateResponse as _strato_agent_v1_ApplyNetworkStateResponse, ApplyNetworkStateResponse__Output as _strato_agent_v1_ApplyNetworkStateResponse__Output } from '../../../strato/agent/v1/ApplyNetworkStateResponse.ts';
import type { AttachPortRequest as _strato_agent_v1_AttachPortRequest, AttachPortRequest__Output as _strato_agent_v1_AttachPortRequest__Output } from '../../../strato/agent/v1/AttachPortRequest.ts';
import type { AttachPortResponse as _strato_agent_v1_AttachPortResponse, AttachPortResponse__Output as _strato_agent_v1_AttachPortResponse__Output } from '../../../strato/agent/v1/AttachPortResponse.ts';
import type { DetachPortRequest as _strato_agent_v1_DetachPortRequest, DetachPortRequest__Output as _strato_agent_v1_DetachPortRequest__Output } from '../../../strato/agent/v1/DetachPortRequest.ts';
import type { DetachPortResponse as _strato_agent_v1_DetachPortResponse, DetachPortResponse__Output as _strato_agent_v1_DetachPortResponse__Output } from '../../../strato/agent/v1/DetachPortResponse.ts';

export interface AgentNetworkClient extends grpc.Client {
  /**
   * ApplyNetworkState replaces the host's desired network state with `state`
   * and makes the host match it before answering: links, addresses, FDB
   * entries, dnsmasq (reloaded, not restarted, when only its hosts change) and
   * rules are created, changed or removed so that exactly the state exists.
   * Applying the same state twice changes nothing. An empty state (no
   * networks, no ports) removes everything strato made for networks on the
   * host.
   * 
   * The state names ids, never host interfaces: the agent derives every link
   * and namespace name from the ids (bridge `brq<network_id[:11]>`, tap
   * `tap<port_id[:11]>`, VXLAN `vxlan-<vni>`, namespace `qdhcp-<network_id>`;
   * common/network-names.ts), so the conductor never names a link the agent
   * creates or removes (a flat network's operator bridge is only joined).
   * Every field is checked before any step is taken.
   * 
   * `generation` increases with every new state the conductor computes for the
   * host (also across conductor restarts: it is derived from the clock). An
   * agent that has applied generation g answers a request with a generation
   * below g without applying it (a reordered, stale push) and reports g in
   * `applied_generation`; equal or higher generations are applied.
   * 
   * The agent keeps the last applied state and re-applies it periodically and
   * after its own restart (until a new push arrives), so drift on the host is
   * repaired without the conductor.
   * 
   * Errors: INVALID_ARGUMENT (STATE_INVALID: a field is missing, malformed or
   * names impossible things, e.g. a port on a network the state does not
   * list, two ports whose ids give the same tap; details `field` names it as
   * `state.ports[2].mac` when the message itself is at fault, `driverReason`
   * the driver's reason when a value is; nothing changed); FAILED_PRECONDITION
   * (UNDERLAY_MISSING, PHYSICAL_BRIDGE_MISSING: the host lacks what the state
   * needs; nothing changed); PERMISSION_DENIED (caller is not the conductor;
   * host_id is not this host); INTERNAL (the host refused a step; the message
   * carries its words; the rest is retried on the next push or resync).
   */
  ApplyNetworkState(argument: _strato_agent_v1_ApplyNetworkStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ApplyNetworkStateResponse__Output>): grpc.ClientUnaryCall;
  ApplyNetworkState(argument: _strato_agent_v1_ApplyNetworkStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_ApplyNetworkStateResponse__Output>): grpc.ClientUnaryCall;
  ApplyNetworkState(argument: _strato_agent_v1_ApplyNetworkStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ApplyNetworkStateResponse__Output>): grpc.ClientUnaryCall;
  ApplyNetworkState(argument: _strato_agent_v1_ApplyNetworkStateRequest, callback: grpc.requestCallback<_strato_agent_v1_ApplyNetworkStateResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ApplyNetworkState replaces the host's desired network state with `state`
   * and makes the host match it before answering: links, addresses, FDB
   * entries, dnsmasq (reloaded, not restarted, when only its hosts change) and
   * rules are created, changed or removed so that exactly the state exists.
   * Applying the same state twice changes nothing. An empty state (no
   * networks, no ports) removes everything strato made for networks on the
   * host.
   * 
   * The state names ids, never host interfaces: the agent derives every link
   * and namespace name from the ids (bridge `brq<network_id[:11]>`, tap
   * `tap<port_id[:11]>`, VXLAN `vxlan-<vni>`, namespace `qdhcp-<network_id>`;
   * common/network-names.ts), so the conductor never names a link the agent
   * creates or removes (a flat network's operator bridge is only joined).
   * Every field is checked before any step is taken.
   * 
   * `generation` increases with every new state the conductor computes for the
   * host (also across conductor restarts: it is derived from the clock). An
   * agent that has applied generation g answers a request with a generation
   * below g without applying it (a reordered, stale push) and reports g in
   * `applied_generation`; equal or higher generations are applied.
   * 
   * The agent keeps the last applied state and re-applies it periodically and
   * after its own restart (until a new push arrives), so drift on the host is
   * repaired without the conductor.
   * 
   * Errors: INVALID_ARGUMENT (STATE_INVALID: a field is missing, malformed or
   * names impossible things, e.g. a port on a network the state does not
   * list, two ports whose ids give the same tap; details `field` names it as
   * `state.ports[2].mac` when the message itself is at fault, `driverReason`
   * the driver's reason when a value is; nothing changed); FAILED_PRECONDITION
   * (UNDERLAY_MISSING, PHYSICAL_BRIDGE_MISSING: the host lacks what the state
   * needs; nothing changed); PERMISSION_DENIED (caller is not the conductor;
   * host_id is not this host); INTERNAL (the host refused a step; the message
   * carries its words; the rest is retried on the next push or resync).
   */
  applyNetworkState(argument: _strato_agent_v1_ApplyNetworkStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ApplyNetworkStateResponse__Output>): grpc.ClientUnaryCall;
  applyNetworkState(argument: _strato_agent_v1_ApplyNetworkStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_ApplyNetworkStateResponse__Output>): grpc.ClientUnaryCall;
  applyNetworkState(argument: _strato_agent_v1_ApplyNetworkStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_ApplyNetworkStateResponse__Output>): grpc.ClientUnaryCall;
  applyNetworkState(argument: _strato_agent_v1_ApplyNetworkStateRequest, callback: grpc.requestCallback<_strato_agent_v1_ApplyNetworkStateResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * AttachPort hot-plugs a NIC into a defined instance (running: into the live
   * domain and its persistent definition; shut off: the definition only). The
   * conductor has already pushed a state whose ports include this one, so its
   * tap's wiring (bridge, rules, DHCP entry) exists or is made first. Attaching
   * a port the instance already has succeeds without change.
   * Errors: NOT_FOUND (INSTANCE_NOT_FOUND); INVALID_ARGUMENT (bad port spec);
   * FAILED_PRECONDITION (the port's network is not wired on this host yet:
   * push the state first); INTERNAL (the hypervisor refused).
   */
  AttachPort(argument: _strato_agent_v1_AttachPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_AttachPortResponse__Output>): grpc.ClientUnaryCall;
  AttachPort(argument: _strato_agent_v1_AttachPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_AttachPortResponse__Output>): grpc.ClientUnaryCall;
  AttachPort(argument: _strato_agent_v1_AttachPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_AttachPortResponse__Output>): grpc.ClientUnaryCall;
  AttachPort(argument: _strato_agent_v1_AttachPortRequest, callback: grpc.requestCallback<_strato_agent_v1_AttachPortResponse__Output>): grpc.ClientUnaryCall;
  /**
   * AttachPort hot-plugs a NIC into a defined instance (running: into the live
   * domain and its persistent definition; shut off: the definition only). The
   * conductor has already pushed a state whose ports include this one, so its
   * tap's wiring (bridge, rules, DHCP entry) exists or is made first. Attaching
   * a port the instance already has succeeds without change.
   * Errors: NOT_FOUND (INSTANCE_NOT_FOUND); INVALID_ARGUMENT (bad port spec);
   * FAILED_PRECONDITION (the port's network is not wired on this host yet:
   * push the state first); INTERNAL (the hypervisor refused).
   */
  attachPort(argument: _strato_agent_v1_AttachPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_AttachPortResponse__Output>): grpc.ClientUnaryCall;
  attachPort(argument: _strato_agent_v1_AttachPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_AttachPortResponse__Output>): grpc.ClientUnaryCall;
  attachPort(argument: _strato_agent_v1_AttachPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_AttachPortResponse__Output>): grpc.ClientUnaryCall;
  attachPort(argument: _strato_agent_v1_AttachPortRequest, callback: grpc.requestCallback<_strato_agent_v1_AttachPortResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DetachPort unplugs a NIC from an instance (live and persistent). Detaching
   * a port the instance does not have, or from an instance that is gone,
   * succeeds. The port's tap and rules go with the next pushed state.
   * Errors: INTERNAL (the hypervisor refused).
   */
  DetachPort(argument: _strato_agent_v1_DetachPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DetachPortResponse__Output>): grpc.ClientUnaryCall;
  DetachPort(argument: _strato_agent_v1_DetachPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DetachPortResponse__Output>): grpc.ClientUnaryCall;
  DetachPort(argument: _strato_agent_v1_DetachPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DetachPortResponse__Output>): grpc.ClientUnaryCall;
  DetachPort(argument: _strato_agent_v1_DetachPortRequest, callback: grpc.requestCallback<_strato_agent_v1_DetachPortResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DetachPort unplugs a NIC from an instance (live and persistent). Detaching
   * a port the instance does not have, or from an instance that is gone,
   * succeeds. The port's tap and rules go with the next pushed state.
   * Errors: INTERNAL (the hypervisor refused).
   */
  detachPort(argument: _strato_agent_v1_DetachPortRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DetachPortResponse__Output>): grpc.ClientUnaryCall;
  detachPort(argument: _strato_agent_v1_DetachPortRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_agent_v1_DetachPortResponse__Output>): grpc.ClientUnaryCall;
  detachPort(argument: _strato_agent_v1_DetachPortRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_agent_v1_DetachPortResponse__Output>): grpc.ClientUnaryCall;
  detachPort(argument: _strato_agent_v1_DetachPortRequest, callback: grpc.requestCallback<_strato_agent_v1_DetachPortResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface AgentNetworkHandlers extends grpc.UntypedServiceImplementation {
  /**
   * ApplyNetworkState replaces the host's desired network state with `state`
   * and makes the host match it before answering: links, addresses, FDB
   * entries, dnsmasq (reloaded, not restarted, when only its hosts change) and
   * rules are created, changed or removed so that exactly the state exists.
   * Applying the same state twice changes nothing. An empty state (no
   * networks, no ports) removes everything strato made for networks on the
   * host.
   * 
   * The state names ids, never host interfaces: the agent derives every link
   * and namespace name from the ids (bridge `brq<network_id[:11]>`, tap
   * `tap<port_id[:11]>`, VXLAN `vxlan-<vni>`, namespace `qdhcp-<network_id>`;
   * common/network-names.ts), so the conductor never names a link the agent
   * creates or removes (a flat network's operator bridge is only joined).
   * Every field is checked before any step is taken.
   * 
   * `generation` increases with every new state the conductor computes for the
   * host (also across conductor restarts: it is derived from the clock). An
   * agent that has applied generation g answers a request with a generation
   * below g without applying it (a reordered, stale push) and reports g in
   * `applied_generation`; equal or higher generations are applied.
   * 
   * The agent keeps the last applied state and re-applies it periodically and
   * after its own restart (until a new push arrives), so drift on the host is
   * repaired without the conductor.
   * 
   * Errors: INVALID_ARGUMENT (STATE_INVALID: a field is missing, malformed or
   * names impossible things, e.g. a port on a network the state does not
   * list, two ports whose ids give the same tap; details `field` names it as
   * `state.ports[2].mac` when the message itself is at fault, `driverReason`
   * the driver's reason when a value is; nothing changed); FAILED_PRECONDITION
   * (UNDERLAY_MISSING, PHYSICAL_BRIDGE_MISSING: the host lacks what the state
   * needs; nothing changed); PERMISSION_DENIED (caller is not the conductor;
   * host_id is not this host); INTERNAL (the host refused a step; the message
   * carries its words; the rest is retried on the next push or resync).
   */
  ApplyNetworkState: grpc.handleUnaryCall<_strato_agent_v1_ApplyNetworkStateRequest__Output, _strato_agent_v1_ApplyNetworkStateResponse>;
  
  /**
   * AttachPort hot-plugs a NIC into a defined instance (running: into the live
   * domain and its persistent definition; shut off: the definition only). The
   * conductor has already pushed a state whose ports include this one, so its
   * tap's wiring (bridge, rules, DHCP entry) exists or is made first. Attaching
   * a port the instance already has succeeds without change.
   * Errors: NOT_FOUND (INSTANCE_NOT_FOUND); INVALID_ARGUMENT (bad port spec);
   * FAILED_PRECONDITION (the port's network is not wired on this host yet:
   * push the state first); INTERNAL (the hypervisor refused).
   */
  AttachPort: grpc.handleUnaryCall<_strato_agent_v1_AttachPortRequest__Output, _strato_agent_v1_AttachPortResponse>;
  
  /**
   * DetachPort unplugs a NIC from an instance (live and persistent). Detaching
   * a port the instance does not have, or from an instance that is gone,
   * succeeds. The port's tap and rules go with the next pushed state.
   * Errors: INTERNAL (the hypervisor refused).
   */
  DetachPort: grpc.handleUnaryCall<_strato_agent_v1_DetachPortRequest__Output, _strato_agent_v1_DetachPortResponse>;
  
}

export interface AgentNetworkDefinition extends grpc.ServiceDefinition {
  ApplyNetworkState: MethodDefinition<_strato_agent_v1_ApplyNetworkStateRequest, _strato_agent_v1_ApplyNetworkStateResponse, _strato_agent_v1_ApplyNetworkStateRequest__Output, _strato_agent_v1_ApplyNetworkStateResponse__Output>
  AttachPort: MethodDefinition<_strato_agent_v1_AttachPortRequest, _strato_agent_v1_AttachPortResponse, _strato_agent_v1_AttachPortRequest__Output, _strato_agent_v1_AttachPortResponse__Output>
  DetachPort: MethodDefinition<_strato_agent_v1_DetachPortRequest, _strato_agent_v1_DetachPortResponse, _strato_agent_v1_DetachPortRequest__Output, _strato_agent_v1_DetachPortResponse__Output>
}
