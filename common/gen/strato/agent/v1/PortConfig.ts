// Original file: strato/agent/v1/agent_network.proto

import type { SecurityRuleConfig as _strato_agent_v1_SecurityRuleConfig, SecurityRuleConfig__Output as _strato_agent_v1_SecurityRuleConfig__Output } from '../../../strato/agent/v1/SecurityRuleConfig.ts';
import type { NamespaceAttach as _strato_agent_v1_NamespaceAttach, NamespaceAttach__Output as _strato_agent_v1_NamespaceAttach__Output } from '../../../strato/agent/v1/NamespaceAttach.ts';

export interface PortConfig {
  /**
   * Required; letters, digits and '-'. The tap is tap<port_id[:11]>, so two
   * ports whose ids share their first 11 characters are refused.
   */
  'portId'?: (string);
  /**
   * Required; one of `networks`.
   */
  'networkId'?: (string);
  /**
   * Required: the guest's MAC; the host side of the tap gets the same MAC
   * with first octet 0xfe.
   */
  'mac'?: (string);
  /**
   * Fixed IPv4 addresses: anti-spoofing lets the port send from exactly these.
   */
  'ips'?: (string)[];
  /**
   * The resolved rules of all the port's security groups (remote groups
   * already turned into addresses). Empty: nothing in, nothing out.
   */
  'rules'?: (_strato_agent_v1_SecurityRuleConfig)[];
  /**
   * Absent or true: anti-spoofing and the rules apply. false: no
   * anti-spoofing and no filtering at all.
   */
  'portSecurity'?: (boolean);
  /**
   * Present: plug a network namespace (a container, or a test's simulated
   * guest) instead of a VM's tap.
   */
  'attach'?: (_strato_agent_v1_NamespaceAttach | null);
  '_portSecurity'?: "portSecurity";
}

export interface PortConfig__Output {
  /**
   * Required; letters, digits and '-'. The tap is tap<port_id[:11]>, so two
   * ports whose ids share their first 11 characters are refused.
   */
  'portId': (string);
  /**
   * Required; one of `networks`.
   */
  'networkId': (string);
  /**
   * Required: the guest's MAC; the host side of the tap gets the same MAC
   * with first octet 0xfe.
   */
  'mac': (string);
  /**
   * Fixed IPv4 addresses: anti-spoofing lets the port send from exactly these.
   */
  'ips': (string)[];
  /**
   * The resolved rules of all the port's security groups (remote groups
   * already turned into addresses). Empty: nothing in, nothing out.
   */
  'rules': (_strato_agent_v1_SecurityRuleConfig__Output)[];
  /**
   * Absent or true: anti-spoofing and the rules apply. false: no
   * anti-spoofing and no filtering at all.
   */
  'portSecurity'?: (boolean);
  /**
   * Present: plug a network namespace (a container, or a test's simulated
   * guest) instead of a VM's tap.
   */
  'attach': (_strato_agent_v1_NamespaceAttach__Output | null);
  '_portSecurity'?: "portSecurity";
}
