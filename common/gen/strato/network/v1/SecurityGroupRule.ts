// Original file: strato/network/v1/network.proto


export interface SecurityGroupRule {
  'id'?: (string);
  'securityGroupId'?: (string);
  /**
   * "ingress" | "egress".
   */
  'direction'?: (string);
  /**
   * "IPv4".
   */
  'ethertype'?: (string);
  /**
   * "tcp" | "udp" | "icmp" | "any".
   */
  'protocol'?: (string);
  /**
   * 0 = every port (tcp/udp).
   */
  'portRangeMin'?: (number);
  'portRangeMax'?: (number);
  /**
   * Absent = any (icmp).
   */
  'icmpType'?: (number);
  'icmpCode'?: (number);
  /**
   * '' when remote_group_id is set.
   */
  'remoteIpPrefix'?: (string);
  'remoteGroupId'?: (string);
  '_icmpType'?: "icmpType";
  '_icmpCode'?: "icmpCode";
}

export interface SecurityGroupRule__Output {
  'id': (string);
  'securityGroupId': (string);
  /**
   * "ingress" | "egress".
   */
  'direction': (string);
  /**
   * "IPv4".
   */
  'ethertype': (string);
  /**
   * "tcp" | "udp" | "icmp" | "any".
   */
  'protocol': (string);
  /**
   * 0 = every port (tcp/udp).
   */
  'portRangeMin': (number);
  'portRangeMax': (number);
  /**
   * Absent = any (icmp).
   */
  'icmpType'?: (number);
  'icmpCode'?: (number);
  /**
   * '' when remote_group_id is set.
   */
  'remoteIpPrefix': (string);
  'remoteGroupId': (string);
  '_icmpType'?: "icmpType";
  '_icmpCode'?: "icmpCode";
}
