import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AllocationPool as _strato_network_v1_AllocationPool, AllocationPool__Output as _strato_network_v1_AllocationPool__Output } from './strato/network/v1/AllocationPool.ts';
import type { CreateNetworkRequest as _strato_network_v1_CreateNetworkRequest, CreateNetworkRequest__Output as _strato_network_v1_CreateNetworkRequest__Output } from './strato/network/v1/CreateNetworkRequest.ts';
import type { CreatePortRequest as _strato_network_v1_CreatePortRequest, CreatePortRequest__Output as _strato_network_v1_CreatePortRequest__Output } from './strato/network/v1/CreatePortRequest.ts';
import type { CreateSecurityGroupRequest as _strato_network_v1_CreateSecurityGroupRequest, CreateSecurityGroupRequest__Output as _strato_network_v1_CreateSecurityGroupRequest__Output } from './strato/network/v1/CreateSecurityGroupRequest.ts';
import type { CreateSecurityGroupRuleRequest as _strato_network_v1_CreateSecurityGroupRuleRequest, CreateSecurityGroupRuleRequest__Output as _strato_network_v1_CreateSecurityGroupRuleRequest__Output } from './strato/network/v1/CreateSecurityGroupRuleRequest.ts';
import type { CreateSubnetRequest as _strato_network_v1_CreateSubnetRequest, CreateSubnetRequest__Output as _strato_network_v1_CreateSubnetRequest__Output } from './strato/network/v1/CreateSubnetRequest.ts';
import type { DeleteNetworkRequest as _strato_network_v1_DeleteNetworkRequest, DeleteNetworkRequest__Output as _strato_network_v1_DeleteNetworkRequest__Output } from './strato/network/v1/DeleteNetworkRequest.ts';
import type { DeleteNetworkResponse as _strato_network_v1_DeleteNetworkResponse, DeleteNetworkResponse__Output as _strato_network_v1_DeleteNetworkResponse__Output } from './strato/network/v1/DeleteNetworkResponse.ts';
import type { DeletePortRequest as _strato_network_v1_DeletePortRequest, DeletePortRequest__Output as _strato_network_v1_DeletePortRequest__Output } from './strato/network/v1/DeletePortRequest.ts';
import type { DeletePortResponse as _strato_network_v1_DeletePortResponse, DeletePortResponse__Output as _strato_network_v1_DeletePortResponse__Output } from './strato/network/v1/DeletePortResponse.ts';
import type { DeleteSecurityGroupRequest as _strato_network_v1_DeleteSecurityGroupRequest, DeleteSecurityGroupRequest__Output as _strato_network_v1_DeleteSecurityGroupRequest__Output } from './strato/network/v1/DeleteSecurityGroupRequest.ts';
import type { DeleteSecurityGroupResponse as _strato_network_v1_DeleteSecurityGroupResponse, DeleteSecurityGroupResponse__Output as _strato_network_v1_DeleteSecurityGroupResponse__Output } from './strato/network/v1/DeleteSecurityGroupResponse.ts';
import type { DeleteSecurityGroupRuleRequest as _strato_network_v1_DeleteSecurityGroupRuleRequest, DeleteSecurityGroupRuleRequest__Output as _strato_network_v1_DeleteSecurityGroupRuleRequest__Output } from './strato/network/v1/DeleteSecurityGroupRuleRequest.ts';
import type { DeleteSecurityGroupRuleResponse as _strato_network_v1_DeleteSecurityGroupRuleResponse, DeleteSecurityGroupRuleResponse__Output as _strato_network_v1_DeleteSecurityGroupRuleResponse__Output } from './strato/network/v1/DeleteSecurityGroupRuleResponse.ts';
import type { DeleteSubnetRequest as _strato_network_v1_DeleteSubnetRequest, DeleteSubnetRequest__Output as _strato_network_v1_DeleteSubnetRequest__Output } from './strato/network/v1/DeleteSubnetRequest.ts';
import type { DeleteSubnetResponse as _strato_network_v1_DeleteSubnetResponse, DeleteSubnetResponse__Output as _strato_network_v1_DeleteSubnetResponse__Output } from './strato/network/v1/DeleteSubnetResponse.ts';
import type { FixedIp as _strato_network_v1_FixedIp, FixedIp__Output as _strato_network_v1_FixedIp__Output } from './strato/network/v1/FixedIp.ts';
import type { FixedIpRequest as _strato_network_v1_FixedIpRequest, FixedIpRequest__Output as _strato_network_v1_FixedIpRequest__Output } from './strato/network/v1/FixedIpRequest.ts';
import type { GetNetworkRequest as _strato_network_v1_GetNetworkRequest, GetNetworkRequest__Output as _strato_network_v1_GetNetworkRequest__Output } from './strato/network/v1/GetNetworkRequest.ts';
import type { GetPortRequest as _strato_network_v1_GetPortRequest, GetPortRequest__Output as _strato_network_v1_GetPortRequest__Output } from './strato/network/v1/GetPortRequest.ts';
import type { GetSecurityGroupRequest as _strato_network_v1_GetSecurityGroupRequest, GetSecurityGroupRequest__Output as _strato_network_v1_GetSecurityGroupRequest__Output } from './strato/network/v1/GetSecurityGroupRequest.ts';
import type { GetSubnetRequest as _strato_network_v1_GetSubnetRequest, GetSubnetRequest__Output as _strato_network_v1_GetSubnetRequest__Output } from './strato/network/v1/GetSubnetRequest.ts';
import type { ListNetworksRequest as _strato_network_v1_ListNetworksRequest, ListNetworksRequest__Output as _strato_network_v1_ListNetworksRequest__Output } from './strato/network/v1/ListNetworksRequest.ts';
import type { ListNetworksResponse as _strato_network_v1_ListNetworksResponse, ListNetworksResponse__Output as _strato_network_v1_ListNetworksResponse__Output } from './strato/network/v1/ListNetworksResponse.ts';
import type { ListPortsRequest as _strato_network_v1_ListPortsRequest, ListPortsRequest__Output as _strato_network_v1_ListPortsRequest__Output } from './strato/network/v1/ListPortsRequest.ts';
import type { ListPortsResponse as _strato_network_v1_ListPortsResponse, ListPortsResponse__Output as _strato_network_v1_ListPortsResponse__Output } from './strato/network/v1/ListPortsResponse.ts';
import type { ListSecurityGroupsRequest as _strato_network_v1_ListSecurityGroupsRequest, ListSecurityGroupsRequest__Output as _strato_network_v1_ListSecurityGroupsRequest__Output } from './strato/network/v1/ListSecurityGroupsRequest.ts';
import type { ListSecurityGroupsResponse as _strato_network_v1_ListSecurityGroupsResponse, ListSecurityGroupsResponse__Output as _strato_network_v1_ListSecurityGroupsResponse__Output } from './strato/network/v1/ListSecurityGroupsResponse.ts';
import type { ListSubnetsRequest as _strato_network_v1_ListSubnetsRequest, ListSubnetsRequest__Output as _strato_network_v1_ListSubnetsRequest__Output } from './strato/network/v1/ListSubnetsRequest.ts';
import type { ListSubnetsResponse as _strato_network_v1_ListSubnetsResponse, ListSubnetsResponse__Output as _strato_network_v1_ListSubnetsResponse__Output } from './strato/network/v1/ListSubnetsResponse.ts';
import type { Network as _strato_network_v1_Network, Network__Output as _strato_network_v1_Network__Output } from './strato/network/v1/Network.ts';
import type { NetworksClient as _strato_network_v1_NetworksClient, NetworksDefinition as _strato_network_v1_NetworksDefinition } from './strato/network/v1/Networks.ts';
import type { Port as _strato_network_v1_Port, Port__Output as _strato_network_v1_Port__Output } from './strato/network/v1/Port.ts';
import type { PortsClient as _strato_network_v1_PortsClient, PortsDefinition as _strato_network_v1_PortsDefinition } from './strato/network/v1/Ports.ts';
import type { SecurityGroup as _strato_network_v1_SecurityGroup, SecurityGroup__Output as _strato_network_v1_SecurityGroup__Output } from './strato/network/v1/SecurityGroup.ts';
import type { SecurityGroupRule as _strato_network_v1_SecurityGroupRule, SecurityGroupRule__Output as _strato_network_v1_SecurityGroupRule__Output } from './strato/network/v1/SecurityGroupRule.ts';
import type { SecurityGroupsClient as _strato_network_v1_SecurityGroupsClient, SecurityGroupsDefinition as _strato_network_v1_SecurityGroupsDefinition } from './strato/network/v1/SecurityGroups.ts';
import type { Subnet as _strato_network_v1_Subnet, Subnet__Output as _strato_network_v1_Subnet__Output } from './strato/network/v1/Subnet.ts';
import type { SubnetsClient as _strato_network_v1_SubnetsClient, SubnetsDefinition as _strato_network_v1_SubnetsDefinition } from './strato/network/v1/Subnets.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    network: {
      v1: {
        AllocationPool: MessageTypeDefinition<_strato_network_v1_AllocationPool, _strato_network_v1_AllocationPool__Output>
        CreateNetworkRequest: MessageTypeDefinition<_strato_network_v1_CreateNetworkRequest, _strato_network_v1_CreateNetworkRequest__Output>
        CreatePortRequest: MessageTypeDefinition<_strato_network_v1_CreatePortRequest, _strato_network_v1_CreatePortRequest__Output>
        CreateSecurityGroupRequest: MessageTypeDefinition<_strato_network_v1_CreateSecurityGroupRequest, _strato_network_v1_CreateSecurityGroupRequest__Output>
        CreateSecurityGroupRuleRequest: MessageTypeDefinition<_strato_network_v1_CreateSecurityGroupRuleRequest, _strato_network_v1_CreateSecurityGroupRuleRequest__Output>
        CreateSubnetRequest: MessageTypeDefinition<_strato_network_v1_CreateSubnetRequest, _strato_network_v1_CreateSubnetRequest__Output>
        DeleteNetworkRequest: MessageTypeDefinition<_strato_network_v1_DeleteNetworkRequest, _strato_network_v1_DeleteNetworkRequest__Output>
        DeleteNetworkResponse: MessageTypeDefinition<_strato_network_v1_DeleteNetworkResponse, _strato_network_v1_DeleteNetworkResponse__Output>
        DeletePortRequest: MessageTypeDefinition<_strato_network_v1_DeletePortRequest, _strato_network_v1_DeletePortRequest__Output>
        DeletePortResponse: MessageTypeDefinition<_strato_network_v1_DeletePortResponse, _strato_network_v1_DeletePortResponse__Output>
        DeleteSecurityGroupRequest: MessageTypeDefinition<_strato_network_v1_DeleteSecurityGroupRequest, _strato_network_v1_DeleteSecurityGroupRequest__Output>
        DeleteSecurityGroupResponse: MessageTypeDefinition<_strato_network_v1_DeleteSecurityGroupResponse, _strato_network_v1_DeleteSecurityGroupResponse__Output>
        DeleteSecurityGroupRuleRequest: MessageTypeDefinition<_strato_network_v1_DeleteSecurityGroupRuleRequest, _strato_network_v1_DeleteSecurityGroupRuleRequest__Output>
        DeleteSecurityGroupRuleResponse: MessageTypeDefinition<_strato_network_v1_DeleteSecurityGroupRuleResponse, _strato_network_v1_DeleteSecurityGroupRuleResponse__Output>
        DeleteSubnetRequest: MessageTypeDefinition<_strato_network_v1_DeleteSubnetRequest, _strato_network_v1_DeleteSubnetRequest__Output>
        DeleteSubnetResponse: MessageTypeDefinition<_strato_network_v1_DeleteSubnetResponse, _strato_network_v1_DeleteSubnetResponse__Output>
        FixedIp: MessageTypeDefinition<_strato_network_v1_FixedIp, _strato_network_v1_FixedIp__Output>
        FixedIpRequest: MessageTypeDefinition<_strato_network_v1_FixedIpRequest, _strato_network_v1_FixedIpRequest__Output>
        GetNetworkRequest: MessageTypeDefinition<_strato_network_v1_GetNetworkRequest, _strato_network_v1_GetNetworkRequest__Output>
        GetPortRequest: MessageTypeDefinition<_strato_network_v1_GetPortRequest, _strato_network_v1_GetPortRequest__Output>
        GetSecurityGroupRequest: MessageTypeDefinition<_strato_network_v1_GetSecurityGroupRequest, _strato_network_v1_GetSecurityGroupRequest__Output>
        GetSubnetRequest: MessageTypeDefinition<_strato_network_v1_GetSubnetRequest, _strato_network_v1_GetSubnetRequest__Output>
        ListNetworksRequest: MessageTypeDefinition<_strato_network_v1_ListNetworksRequest, _strato_network_v1_ListNetworksRequest__Output>
        ListNetworksResponse: MessageTypeDefinition<_strato_network_v1_ListNetworksResponse, _strato_network_v1_ListNetworksResponse__Output>
        ListPortsRequest: MessageTypeDefinition<_strato_network_v1_ListPortsRequest, _strato_network_v1_ListPortsRequest__Output>
        ListPortsResponse: MessageTypeDefinition<_strato_network_v1_ListPortsResponse, _strato_network_v1_ListPortsResponse__Output>
        ListSecurityGroupsRequest: MessageTypeDefinition<_strato_network_v1_ListSecurityGroupsRequest, _strato_network_v1_ListSecurityGroupsRequest__Output>
        ListSecurityGroupsResponse: MessageTypeDefinition<_strato_network_v1_ListSecurityGroupsResponse, _strato_network_v1_ListSecurityGroupsResponse__Output>
        ListSubnetsRequest: MessageTypeDefinition<_strato_network_v1_ListSubnetsRequest, _strato_network_v1_ListSubnetsRequest__Output>
        ListSubnetsResponse: MessageTypeDefinition<_strato_network_v1_ListSubnetsResponse, _strato_network_v1_ListSubnetsResponse__Output>
        Network: MessageTypeDefinition<_strato_network_v1_Network, _strato_network_v1_Network__Output>
        Networks: SubtypeConstructor<typeof grpc.Client, _strato_network_v1_NetworksClient> & { service: _strato_network_v1_NetworksDefinition }
        Port: MessageTypeDefinition<_strato_network_v1_Port, _strato_network_v1_Port__Output>
        Ports: SubtypeConstructor<typeof grpc.Client, _strato_network_v1_PortsClient> & { service: _strato_network_v1_PortsDefinition }
        SecurityGroup: MessageTypeDefinition<_strato_network_v1_SecurityGroup, _strato_network_v1_SecurityGroup__Output>
        SecurityGroupRule: MessageTypeDefinition<_strato_network_v1_SecurityGroupRule, _strato_network_v1_SecurityGroupRule__Output>
        SecurityGroups: SubtypeConstructor<typeof grpc.Client, _strato_network_v1_SecurityGroupsClient> & { service: _strato_network_v1_SecurityGroupsDefinition }
        Subnet: MessageTypeDefinition<_strato_network_v1_Subnet, _strato_network_v1_Subnet__Output>
        Subnets: SubtypeConstructor<typeof grpc.Client, _strato_network_v1_SubnetsClient> & { service: _strato_network_v1_SubnetsDefinition }
      }
    }
  }
}

