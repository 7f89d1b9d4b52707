// Original file: strato/agent/v1/agent_network.proto

export const RuleDirection = {
  RULE_DIRECTION_UNSPECIFIED: 'RULE_DIRECTION_UNSPECIFIED',
  /**
   * Traffic to the port.
   */
  RULE_DIRECTION_INGRESS: 'RULE_DIRECTION_INGRESS',
  /**
   * Traffic from the port.
   */
  RULE_DIRECTION_EGRESS: 'RULE_DIRECTION_EGRESS',
} as const;

export type RuleDirection =
  | 'RULE_DIRECTION_UNSPECIFIED'
  | 0
  /**
   * Traffic to the port.
   */
  | 'RULE_DIRECTION_INGRESS'
  | 1
  /**
   * Traffic from the port.
   */
  | 'RULE_DIRECTION_EGRESS'
  | 2

export type RuleDirection__Output = typeof RuleDirection[keyof typeof RuleDirection]
