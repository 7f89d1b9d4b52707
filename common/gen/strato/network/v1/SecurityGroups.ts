// Original file: strato/network/v1/network.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateSecurityGroupRequest as _strato_network_v1_CreateSecurityGroupRequest, CreateSecurityGroupRequest__Output as _strato_network_v1_CreateSecurityGroupRequest__Output } from '../../../strato/network/v1/CreateSecurityGroupRequest.ts';
import type { CreateSecurityGroupRuleRequest as _strato_network_v1_CreateSecurityGroupRuleRequest, CreateSecurityGroupRuleRequest__Output as _strato_network_v1_CreateSecurityGroupRuleRequest__Output } from '../../../strato/network/v1/CreateSecurityGroupRuleRequest.ts';
import type { DeleteSecurityGroupRequest as _strato_network_v1_DeleteSecurityGroupRequest, DeleteSecurityGroupRequest__Output as _strato_network_v1_DeleteSecurityGroupRequest__Output } from '../../../strato/network/v1/DeleteSecurityGroupRequest.ts';
import type { DeleteSecurityGroupResponse as _strato_network_v1_DeleteSecurityGroupResponse, DeleteSecurityGroupResponse__Output as _strato_network_v1_DeleteSecurityGroupResponse__Output } from '../../../strato/network/v1/DeleteSecurityGroupResponse.ts';
import type { DeleteSecurityGroupRuleRequest as _strato_network_v1_DeleteSecurityGroupRuleRequest, DeleteSecurityGroupRuleRequest__Output as _strato_network_v1_DeleteSecurityGroupRuleRequest__Output } from '../../../strato/network/v1/DeleteSecurityGroupRuleRequest.ts';
import type { DeleteSecurityGroupRuleResponse as _strato_network_v1_DeleteSecurityGroupRuleResponse, DeleteSecurityGroupRuleResponse__Output as _strato_network_v1_DeleteSecurityGroupRuleResponse__Output } from '../../../strato/network/v1/DeleteSecurityGroupRuleResponse.ts';
import type { GetSecurityGroupRequest as _strato_network_v1_GetSecurityGroupRequest, GetSecurityGroupRequest__Output as _strato_network_v1_GetSecurityGroupRequest__Output } from '../../../strato/network/v1/GetSecurityGroupRequest.ts';
import type { ListSecurityGroupsRequest as _strato_network_v1_ListSecurityGroupsRequest, ListSecurityGroupsRequest__Output as _strato_network_v1_ListSecurityGroupsRequest__Output } from '../../../strato/network/v1/ListSecurityGroupsRequest.ts';
import type { ListSecurityGroupsResponse as _strato_network_v1_ListSecurityGroupsResponse, ListSecurityGroupsResponse__Output as _strato_network_v1_ListSecurityGroupsResponse__Output } from '../../../strato/network/v1/ListSecurityGroupsResponse.ts';
import type { SecurityGroup as _strato_network_v1_SecurityGroup, SecurityGroup__Output as _strato_network_v1_SecurityGroup__Output } from '../../../strato/network/v1/SecurityGroup.ts';
import type { SecurityGroupRule as _strato_network_v1_SecurityGroupRule, SecurityGroupRule__Output as _strato_network_v1_SecurityGroupRule__Output } from '../../../strato/network/v1/SecurityGroupRule.ts';

export interface SecurityGroupsClient extends grpc.Client {
  /**
   * CreateSecurityGroup, with no rules (so: nothing in, nothing out until rules
   * are added). Errors: INVALID_ARGUMENT (NAME_INVALID; DESCRIPTION_INVALID:
   * over 255 characters or control characters);
   * ALREADY_EXISTS/SECURITY_GROUP_EXISTS (the name "default" is the project's
   * own default group).
   */
  CreateSecurityGroup(argument: _strato_network_v1_CreateSecurityGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  CreateSecurityGroup(argument: _strato_network_v1_CreateSecurityGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  CreateSecurityGroup(argument: _strato_network_v1_CreateSecurityGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  CreateSecurityGroup(argument: _strato_network_v1_CreateSecurityGroupRequest, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  /**
   * CreateSecurityGroup, with no rules (so: nothing in, nothing out until rules
   * are added). Errors: INVALID_ARGUMENT (NAME_INVALID; DESCRIPTION_INVALID:
   * over 255 characters or control characters);
   * ALREADY_EXISTS/SECURITY_GROUP_EXISTS (the name "default" is the project's
   * own default group).
   */
  createSecurityGroup(argument: _strato_network_v1_CreateSecurityGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  createSecurityGroup(argument: _strato_network_v1_CreateSecurityGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  createSecurityGroup(argument: _strato_network_v1_CreateSecurityGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  createSecurityGroup(argument: _strato_network_v1_CreateSecurityGroupRequest, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * CreateSecurityGroupRule. direction "ingress" | "egress"; ethertype '' or
   * "IPv4"; protocol "tcp" | "udp" | "icmp" | "any" ('' = any); port ranges for
   * tcp/udp only (0 = all ports; max 0 = min); icmp_type/icmp_code for icmp only
   * (absent = any; a code needs a type); the remote is remote_ip_prefix (a CIDR,
   * normalised: host bits are cleared, a bare address is /32) or remote_group
   * (members' addresses), not both; neither = 0.0.0.0/0.
   * Errors: INVALID_ARGUMENT (DIRECTION_INVALID, ETHERTYPE_INVALID,
   * PROTOCOL_INVALID, PORT_RANGE_INVALID, ICMP_INVALID, REMOTE_IP_PREFIX_INVALID,
   * REMOTE_CONFLICT); NOT_FOUND (SECURITY_GROUP_NOT_FOUND for either group);
   * ALREADY_EXISTS/SECURITY_GROUP_RULE_EXISTS (an identical rule);
   * RESOURCE_EXHAUSTED/SECURITY_GROUP_RULE_LIMIT.
   */
  CreateSecurityGroupRule(argument: _strato_network_v1_CreateSecurityGroupRuleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroupRule__Output>): grpc.ClientUnaryCall;
  CreateSecurityGroupRule(argument: _strato_network_v1_CreateSecurityGroupRuleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_SecurityGroupRule__Output>): grpc.ClientUnaryCall;
  CreateSecurityGroupRule(argument: _strato_network_v1_CreateSecurityGroupRuleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroupRule__Output>): grpc.ClientUnaryCall;
  CreateSecurityGroupRule(argument: _strato_network_v1_CreateSecurityGroupRuleRequest, callback: grpc.requestCallback<_strato_network_v1_SecurityGroupRule__Output>): grpc.ClientUnaryCall;
  /**
   * CreateSecurityGroupRule. direction "ingress" | "egress"; ethertype '' or
   * "IPv4"; protocol "tcp" | "udp" | "icmp" | "any" ('' = any); port ranges for
   * tcp/udp only (0 = all ports; max 0 = min); icmp_type/icmp_code for icmp only
   * (absent = any; a code needs a type); the remote is remote_ip_prefix (a CIDR,
   * normalised: host bits are cleared, a bare address is /32) or remote_group
   * (members' addresses), not both; neither = 0.0.0.0/0.
   * Errors: INVALID_ARGUMENT (DIRECTION_INVALID, ETHERTYPE_INVALID,
   * PROTOCOL_INVALID, PORT_RANGE_INVALID, ICMP_INVALID, REMOTE_IP_PREFIX_INVALID,
   * REMOTE_CONFLICT); NOT_FOUND (SECURITY_GROUP_NOT_FOUND for either group);
   * ALREADY_EXISTS/SECURITY_GROUP_RULE_EXISTS (an identical rule);
   * RESOURCE_EXHAUSTED/SECURITY_GROUP_RULE_LIMIT.
   */
  createSecurityGroupRule(argument: _strato_network_v1_CreateSecurityGroupRuleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroupRule__Output>): grpc.ClientUnaryCall;
  createSecurityGroupRule(argument: _strato_network_v1_CreateSecurityGroupRuleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_SecurityGroupRule__Output>): grpc.ClientUnaryCall;
  createSecurityGroupRule(argument: _strato_network_v1_CreateSecurityGroupRuleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroupRule__Output>): grpc.ClientUnaryCall;
  createSecurityGroupRule(argument: _strato_network_v1_CreateSecurityGroupRuleRequest, callback: grpc.requestCallback<_strato_network_v1_SecurityGroupRule__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteSecurityGroup. Errors: NOT_FOUND/SECURITY_GROUP_NOT_FOUND;
   * FAILED_PRECONDITION (SECURITY_GROUP_IN_USE: ports are members, or another
   * group's rule names it as remote group; DEFAULT_SECURITY_GROUP: the default
   * group cannot be deleted).
   */
  DeleteSecurityGroup(argument: _strato_network_v1_DeleteSecurityGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupResponse__Output>): grpc.ClientUnaryCall;
  DeleteSecurityGroup(argument: _strato_network_v1_DeleteSecurityGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupResponse__Output>): grpc.ClientUnaryCall;
  DeleteSecurityGroup(argument: _strato_network_v1_DeleteSecurityGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupResponse__Output>): grpc.ClientUnaryCall;
  DeleteSecurityGroup(argument: _strato_network_v1_DeleteSecurityGroupRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteSecurityGroup. Errors: NOT_FOUND/SECURITY_GROUP_NOT_FOUND;
   * FAILED_PRECONDITION (SECURITY_GROUP_IN_USE: ports are members, or another
   * group's rule names it as remote group; DEFAULT_SECURITY_GROUP: the default
   * group cannot be deleted).
   */
  deleteSecurityGroup(argument: _strato_network_v1_DeleteSecurityGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupResponse__Output>): grpc.ClientUnaryCall;
  deleteSecurityGroup(argument: _strato_network_v1_DeleteSecurityGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupResponse__Output>): grpc.ClientUnaryCall;
  deleteSecurityGroup(argument: _strato_network_v1_DeleteSecurityGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupResponse__Output>): grpc.ClientUnaryCall;
  deleteSecurityGroup(argument: _strato_network_v1_DeleteSecurityGroupRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteSecurityGroupRule by id. Errors: NOT_FOUND/SECURITY_GROUP_RULE_NOT_FOUND.
   */
  DeleteSecurityGroupRule(argument: _strato_network_v1_DeleteSecurityGroupRuleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupRuleResponse__Output>): grpc.ClientUnaryCall;
  DeleteSecurityGroupRule(argument: _strato_network_v1_DeleteSecurityGroupRuleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupRuleResponse__Output>): grpc.ClientUnaryCall;
  DeleteSecurityGroupRule(argument: _strato_network_v1_DeleteSecurityGroupRuleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupRuleResponse__Output>): grpc.ClientUnaryCall;
  DeleteSecurityGroupRule(argument: _strato_network_v1_DeleteSecurityGroupRuleRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupRuleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteSecurityGroupRule by id. Errors: NOT_FOUND/SECURITY_GROUP_RULE_NOT_FOUND.
   */
  deleteSecurityGroupRule(argument: _strato_network_v1_DeleteSecurityGroupRuleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupRuleResponse__Output>): grpc.ClientUnaryCall;
  deleteSecurityGroupRule(argument: _strato_network_v1_DeleteSecurityGroupRuleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupRuleResponse__Output>): grpc.ClientUnaryCall;
  deleteSecurityGroupRule(argument: _strato_network_v1_DeleteSecurityGroupRuleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupRuleResponse__Output>): grpc.ClientUnaryCall;
  deleteSecurityGroupRule(argument: _strato_network_v1_DeleteSecurityGroupRuleRequest, callback: grpc.requestCallback<_strato_network_v1_DeleteSecurityGroupRuleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetSecurityGroup by id or name ("default" always resolves: every project
   * has its default group). Errors: NOT_FOUND/SECURITY_GROUP_NOT_FOUND.
   */
  GetSecurityGroup(argument: _strato_network_v1_GetSecurityGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  GetSecurityGroup(argument: _strato_network_v1_GetSecurityGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  GetSecurityGroup(argument: _strato_network_v1_GetSecurityGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  GetSecurityGroup(argument: _strato_network_v1_GetSecurityGroupRequest, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  /**
   * GetSecurityGroup by id or name ("default" always resolves: every project
   * has its default group). Errors: NOT_FOUND/SECURITY_GROUP_NOT_FOUND.
   */
  getSecurityGroup(argument: _strato_network_v1_GetSecurityGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  getSecurityGroup(argument: _strato_network_v1_GetSecurityGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  getSecurityGroup(argument: _strato_network_v1_GetSecurityGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  getSecurityGroup(argument: _strato_network_v1_GetSecurityGroupRequest, callback: grpc.requestCallback<_strato_network_v1_SecurityGroup__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListSecurityGroups (the project's default group among them).
   */
  ListSecurityGroups(argument: _strato_network_v1_ListSecurityGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListSecurityGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSecurityGroups(argument: _strato_network_v1_ListSecurityGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListSecurityGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSecurityGroups(argument: _strato_network_v1_ListSecurityGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListSecurityGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListSecurityGroups(argument: _strato_network_v1_ListSecurityGroupsRequest, callback: grpc.requestCallback<_strato_network_v1_ListSecurityGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListSecurityGroups (the project's default group among them).
   */
  listSecurityGroups(argument: _strato_network_v1_ListSecurityGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListSecurityGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSecurityGroups(argument: _strato_network_v1_ListSecurityGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_network_v1_ListSecurityGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSecurityGroups(argument: _strato_network_v1_ListSecurityGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_network_v1_ListSecurityGroupsResponse__Output>): grpc.ClientUnaryCall;
  listSecurityGroups(argument: _strato_network_v1_ListSecurityGroupsRequest, callback: grpc.requestCallback<_strato_network_v1_ListSecurityGroupsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface SecurityGroupsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateSecurityGroup, with no rules (so: nothing in, nothing out until rules
   * are added). Errors: INVALID_ARGUMENT (NAME_INVALID; DESCRIPTION_INVALID:
   * over 255 characters or control characters);
   * ALREADY_EXISTS/SECURITY_GROUP_EXISTS (the name "default" is the project's
   * own default group).
   */
  CreateSecurityGroup: grpc.handleUnaryCall<_strato_network_v1_CreateSecurityGroupRequest__Output, _strato_network_v1_SecurityGroup>;
  
  /**
   * CreateSecurityGroupRule. direction "ingress" | "egress"; ethertype '' or
   * "IPv4"; protocol "tcp" | "udp" | "icmp" | "any" ('' = any); port ranges for
   * tcp/udp only (0 = all ports; max 0 = min); icmp_type/icmp_code for icmp only
   * (absent = any; a code needs a type); the remote is remote_ip_prefix (a CIDR,
   * normalised: host bits are cleared, a bare address is /32) or remote_group
   * (members' addresses), not both; neither = 0.0.0.0/0.
   * Errors: INVALID_ARGUMENT (DIRECTION_INVALID, ETHERTYPE_INVALID,
   * PROTOCOL_INVALID, PORT_RANGE_INVALID, ICMP_INVALID, REMOTE_IP_PREFIX_INVALID,
   * REMOTE_CONFLICT); NOT_FOUND (SECURITY_GROUP_NOT_FOUND for either group);
   * ALREADY_EXISTS/SECURITY_GROUP_RULE_EXISTS (an identical rule);
   * RESOURCE_EXHAUSTED/SECURITY_GROUP_RULE_LIMIT.
   */
  CreateSecurityGroupRule: grpc.handleUnaryCall<_strato_network_v1_CreateSecurityGroupRuleRequest__Output, _strato_network_v1_SecurityGroupRule>;
  
  /**
   * DeleteSecurityGroup. Errors: NOT_FOUND/SECURITY_GROUP_NOT_FOUND;
   * FAILED_PRECONDITION (SECURITY_GROUP_IN_USE: ports are members, or another
   * group's rule names it as remote group; DEFAULT_SECURITY_GROUP: the default
   * group cannot be deleted).
   */
  DeleteSecurityGroup: grpc.handleUnaryCall<_strato_network_v1_DeleteSecurityGroupRequest__Output, _strato_network_v1_DeleteSecurityGroupResponse>;
  
  /**
   * DeleteSecurityGroupRule by id. Errors: NOT_FOUND/SECURITY_GROUP_RULE_NOT_FOUND.
   */
  DeleteSecurityGroupRule: grpc.handleUnaryCall<_strato_network_v1_DeleteSecurityGroupRuleRequest__Output, _strato_network_v1_DeleteSecurityGroupRuleResponse>;
  
  /**
   * GetSecurityGroup by id or name ("default" always resolves: every project
   * has its default group). Errors: NOT_FOUND/SECURITY_GROUP_NOT_FOUND.
   */
  GetSecurityGroup: grpc.handleUnaryCall<_strato_network_v1_GetSecurityGroupRequest__Output, _strato_network_v1_SecurityGroup>;
  
  /**
   * ListSecurityGroups (the project's default group among them).
   */
  ListSecurityGroups: grpc.handleUnaryCall<_strato_network_v1_ListSecurityGroupsRequest__Output, _strato_network_v1_ListSecurityGroupsResponse>;
  
}

export interface SecurityGroupsDefinition extends grpc.ServiceDefinition {
  CreateSecurityGroup: MethodDefinition<_strato_network_v1_CreateSecurityGroupRequest, _strato_network_v1_SecurityGroup, _strato_network_v1_CreateSecurityGroupRequest__Output, _strato_network_v1_SecurityGroup__Output>
  CreateSecurityGroupRule: MethodDefinition<_strato_network_v1_CreateSecurityGroupRuleRequest, _strato_network_v1_SecurityGroupRule, _strato_network_v1_CreateSecurityGroupRuleRequest__Output, _strato_network_v1_SecurityGroupRule__Output>
  DeleteSecurityGroup: MethodDefinition<_strato_network_v1_DeleteSecurityGroupRequest, _strato_network_v1_DeleteSecurityGroupResponse, _strato_network_v1_DeleteSecurityGroupRequest__Output, _strato_network_v1_DeleteSecurityGroupResponse__Output>
  DeleteSecurityGroupRule: MethodDefinition<_strato_network_v1_DeleteSecurityGroupRuleRequest, _strato_network_v1_DeleteSecurityGroupRuleResponse, _strato_network_v1_DeleteSecurityGroupRuleRequest__Output, _strato_network_v1_DeleteSecurityGroupRuleResponse__Output>
  GetSecurityGroup: MethodDefinition<_strato_network_v1_GetSecurityGroupRequest, _strato_network_v1_SecurityGroup, _strato_network_v1_GetSecurityGroupRequest__Output, _strato_network_v1_SecurityGroup__Output>
  ListSecurityGroups: MethodDefinition<_strato_network_v1_ListSecurityGroupsRequest, _strato_network_v1_ListSecurityGroupsResponse, _strato_network_v1_ListSecurityGroupsRequest__Output, _strato_network_v1_ListSecurityGroupsResponse__Output>
}
