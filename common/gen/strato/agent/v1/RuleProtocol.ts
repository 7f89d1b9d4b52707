// Original file: strato/agent/v1/agent_network.proto

export const RuleProtocol = {
  RULE_PROTOCOL_UNSPECIFIED: 'RULE_PROTOCOL_UNSPECIFIED',
  RULE_PROTOCOL_ANY: 'RULE_PROTOCOL_ANY',
  RULE_PROTOCOL_TCP: 'RULE_PROTOCOL_TCP',
  RULE_PROTOCOL_UDP: 'RULE_PROTOCOL_UDP',
  RULE_PROTOCOL_ICMP: 'RULE_PROTOCOL_ICMP',
} as const;

export type RuleProtocol =
  | 'RULE_PROTOCOL_UNSPECIFIED'
  | 0
  | 'RULE_PROTOCOL_ANY'
  | 1
  | 'RULE_PROTOCOL_TCP'
  | 2
  | 'RULE_PROTOCOL_UDP'
  | 3
  | 'RULE_PROTOCOL_ICMP'
  | 4

export type RuleProtocol__Output = typeof RuleProtocol[keyof typeof RuleProtocol]
