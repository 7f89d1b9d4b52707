// Original file: strato/agent/v1/agent_network.proto

import type { RuleDirection as _strato_agent_v1_RuleDirection, RuleDirection__Output as _strato_agent_v1_RuleDirection__Output } from '../../../strato/agent/v1/RuleDirection.ts';
import type { RuleProtocol as _strato_agent_v1_RuleProtocol, RuleProtocol__Output as _strato_agent_v1_RuleProtocol__Output } from '../../../strato/agent/v1/RuleProtocol.ts';

/**
 * One allow rule (everything not allowed is dropped; replies to allowed
 * traffic pass).
 */
export interface SecurityRuleConfig {
  /**
   * Required.
   */
  'direction'?: (_strato_agent_v1_RuleDirection);
  /**
   * Required.
   */
  'protocol'?: (_strato_agent_v1_RuleProtocol);
  /**
   * tcp/udp: the destination port range; icmp: port_min is the ICMP type and
   * port_max its code (Neutron's convention). Absent: every port (type, code).
   */
  'portMin'?: (number);
  'portMax'?: (number);
  /**
   * Remote addresses or CIDRs. Any address is 0.0.0.0/0; an EMPTY list
   * matches nothing (a remote group without members).
   */
  'remoteCidrs'?: (string)[];
  '_portMin'?: "portMin";
  '_portMax'?: "portMax";
}

/**
 * One allow rule (everything not allowed is dropped; replies to allowed
 * traffic pass).
 */
export interface SecurityRuleConfig__Output {
  /**
   * Required.
   */
  'direction': (_strato_agent_v1_RuleDirection__Output);
  /**
   * Required.
   */
  'protocol': (_strato_agent_v1_RuleProtocol__Output);
  /**
   * tcp/udp: the destination port range; icmp: port_min is the ICMP type and
   * port_max its code (Neutron's convention). Absent: every port (type, code).
   */
  'portMin'?: (number);
  'portMax'?: (number);
  /**
   * Remote addresses or CIDRs. Any address is 0.0.0.0/0; an EMPTY list
   * matches nothing (a remote group without members).
   */
  'remoteCidrs': (string)[];
  '_portMin'?: "portMin";
  '_portMax'?: "portMax";
}
