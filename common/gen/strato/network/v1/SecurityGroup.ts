// Original file: strato/network/v1/network.proto

import type { SecurityGroupRule as _strato_network_v1_SecurityGroupRule, SecurityGroupRule__Output as _strato_network_v1_SecurityGroupRule__Output } from '../../../strato/network/v1/SecurityGroupRule.ts';

export interface SecurityGroup {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  'description'?: (string);
  'rules'?: (_strato_network_v1_SecurityGroupRule)[];
  'createdAt'?: (string);
}

export interface SecurityGroup__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
  'description': (string);
  'rules': (_strato_network_v1_SecurityGroupRule__Output)[];
  'createdAt': (string);
}
