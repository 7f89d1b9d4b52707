// Original file: strato/network/v1/network.proto


export interface CreateSecurityGroupRuleRequest {
  'securityGroup'?: (string);
  'direction'?: (string);
  'ethertype'?: (string);
  'protocol'?: (string);
  'portRangeMin'?: (number);
  'portRangeMax'?: (number);
  'icmpType'?: (number);
  'icmpCode'?: (number);
  'remoteIpPrefix'?: (string);
  /**
   * A group id or name.
   */
  'remoteGroup'?: (string);
  '_icmpType'?: "icmpType";
  '_icmpCode'?: "icmpCode";
}

export interface CreateSecurityGroupRuleRequest__Output {
  'securityGroup': (string);
  'direction': (string);
  'ethertype': (string);
  'protocol': (string);
  'portRangeMin': (number);
  'portRangeMax': (number);
  'icmpType'?: (number);
  'icmpCode'?: (number);
  'remoteIpPrefix': (string);
  /**
   * A group id or name.
   */
  'remoteGroup': (string);
  '_icmpType'?: "icmpType";
  '_icmpCode'?: "icmpCode";
}
