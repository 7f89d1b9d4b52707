import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddRouterInterfaceRequest as _strato_network_v1_AddRouterInterfaceRequest, AddRouterInterfaceRequest__Output as _strato_network_v1_AddRouterInterfaceRequest__Output } from './strato/network/v1/AddRouterInterfaceRequest.ts';
import type { ClearRouterGatewayRequest as _strato_network_v1_ClearRouterGatewayRequest, ClearRouterGatewayRequest__Output as _strato_network_v1_ClearRouterGatewayRequest__Output } from './strato/network/v1/ClearRouterGatewayRequest.ts';
import type { CreateFloatingIpRequest as _strato_network_v1_CreateFloatingIpRequest, CreateFloatingIpRequest__Output as _strato_network_v1_CreateFloatingIpRequest__Output } from './strato/network/v1/CreateFloatingIpRequest.ts';
import type { CreateRouterRequest as _strato_network_v1_CreateRouterRequest, CreateRouterRequest__Output as _strato_network_v1_CreateRouterRequest__Output } from './strato/network/v1/CreateRouterRequest.ts';
import type { DeleteFloatingIpRequest as _strato_network_v1_DeleteFloatingIpRequest, DeleteFloatingIpRequest__Output as _strato_network_v1_DeleteFloatingIpRequest__Output } from './strato/network/v1/DeleteFloatingIpRequest.ts';
import type { DeleteFloatingIpResponse as _strato_network_v1_DeleteFloatingIpResponse, DeleteFloatingIpResponse__Output as _strato_network_v1_DeleteFloatingIpResponse__Output } from './strato/network/v1/DeleteFloatingIpResponse.ts';
import type { DeleteRouterRequest as _strato_network_v1_DeleteRouterRequest, DeleteRouterRequest__Output as _strato_network_v1_DeleteRouterRequest__Output } from './strato/network/v1/DeleteRouterRequest.ts';
import type { DeleteRouterResponse as _strato_network_v1_DeleteRouterResponse, DeleteRouterResponse__Output as _strato_network_v1_DeleteRouterResponse__Output } from './strato/network/v1/DeleteRouterResponse.ts';
import type { ExternalGateway as _strato_network_v1_ExternalGateway, ExternalGateway__Output as _strato_network_v1_ExternalGateway__Output } from './strato/network/v1/ExternalGateway.ts';
import type { FloatingIp as _strato_network_v1_FloatingIp, FloatingIp__Output as _strato_network_v1_FloatingIp__Output } from './strato/network/v1/FloatingIp.ts';
import type { FloatingIpsClient as _strato_network_v1_FloatingIpsClient, FloatingIpsDefinition as _strato_network_v1_FloatingIpsDefinition } from './strato/network/v1/FloatingIps.ts';
import type { GetFloatingIpRequest as _strato_network_v1_GetFloatingIpRequest, GetFloatingIpRequest__Output as _strato_network_v1_GetFloatingIpRequest__Output } from './strato/network/v1/GetFloatingIpRequest.ts';
import type { GetRouterRequest as _strato_network_v1_GetRouterRequest, GetRouterRequest__Output as _strato_network_v1_GetRouterRequest__Output } from './strato/network/v1/GetRouterRequest.ts';
import type { ListFloatingIpsRequest as _strato_network_v1_ListFloatingIpsRequest, ListFloatingIpsRequest__Output as _strato_network_v1_ListFloatingIpsRequest__Output } from './strato/network/v1/ListFloatingIpsRequest.ts';
import type { ListFloatingIpsResponse as _strato_network_v1_ListFloatingIpsResponse, ListFloatingIpsResponse__Output as _strato_network_v1_ListFloatingIpsResponse__Output } from './strato/network/v1/ListFloatingIpsResponse.ts';
import type { ListRoutersRequest as _strato_network_v1_ListRoutersRequest, ListRoutersRequest__Output as _strato_network_v1_ListRoutersRequest__Output } from './strato/network/v1/ListRoutersRequest.ts';
import type { ListRoutersResponse as _strato_network_v1_ListRoutersResponse, ListRoutersResponse__Output as _strato_network_v1_ListRoutersResponse__Output } from './strato/network/v1/ListRoutersResponse.ts';
import type { RemoveRouterInterfaceRequest as _strato_network_v1_RemoveRouterInterfaceRequest, RemoveRouterInterfaceRequest__Output as _strato_network_v1_RemoveRouterInterfaceRequest__Output } from './strato/network/v1/RemoveRouterInterfaceRequest.ts';
import type { RemoveRouterInterfaceResponse as _strato_network_v1_RemoveRouterInterfaceResponse, RemoveRouterInterfaceResponse__Output as _strato_network_v1_RemoveRouterInterfaceResponse__Output } from './strato/network/v1/RemoveRouterInterfaceResponse.ts';
import type { Router as _strato_network_v1_Router, Router__Output as _strato_network_v1_Router__Output } from './strato/network/v1/Router.ts';
import type { RouterInterface as _strato_network_v1_RouterInterface, RouterInterface__Output as _strato_network_v1_RouterInterface__Output } from './strato/network/v1/RouterInterface.ts';
import type { RoutersClient as _strato_network_v1_RoutersClient, RoutersDefinition as _strato_network_v1_RoutersDefinition } from './strato/network/v1/Routers.ts';
import type { SetFloatingIpPortRequest as _strato_network_v1_SetFloatingIpPortRequest, SetFloatingIpPortRequest__Output as _strato_network_v1_SetFloatingIpPortRequest__Output } from './strato/network/v1/SetFloatingIpPortRequest.ts';
import type { SetRouterGatewayRequest as _strato_network_v1_SetRouterGatewayRequest, SetRouterGatewayRequest__Output as _strato_network_v1_SetRouterGatewayRequest__Output } from './strato/network/v1/SetRouterGatewayRequest.ts';
import type { UnsetFloatingIpPortRequest as _strato_network_v1_UnsetFloatingIpPortRequest, UnsetFloatingIpPortRequest__Output as _strato_network_v1_UnsetFloatingIpPortRequest__Output } from './strato/network/v1/UnsetFloatingIpPortRequest.ts';
import type { UpdateRouterRequest as _strato_network_v1_UpdateRouterRequest, UpdateRouterRequest__Output as _strato_network_v1_UpdateRouterRequest__Output } from './strato/network/v1/UpdateRouterRequest.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    network: {
      v1: {
        AddRouterInterfaceRequest: MessageTypeDefinition<_strato_network_v1_AddRouterInterfaceRequest, _strato_network_v1_AddRouterInterfaceRequest__Output>
        ClearRouterGatewayRequest: MessageTypeDefinition<_strato_network_v1_ClearRouterGatewayRequest, _strato_network_v1_ClearRouterGatewayRequest__Output>
        CreateFloatingIpRequest: MessageTypeDefinition<_strato_network_v1_CreateFloatingIpRequest, _strato_network_v1_CreateFloatingIpRequest__Output>
        CreateRouterRequest: MessageTypeDefinition<_strato_network_v1_CreateRouterRequest, _strato_network_v1_CreateRouterRequest__Output>
        DeleteFloatingIpRequest: MessageTypeDefinition<_strato_network_v1_DeleteFloatingIpRequest, _strato_network_v1_DeleteFloatingIpRequest__Output>
        DeleteFloatingIpResponse: MessageTypeDefinition<_strato_network_v1_DeleteFloatingIpResponse, _strato_network_v1_DeleteFloatingIpResponse__Output>
        DeleteRouterRequest: MessageTypeDefinition<_strato_network_v1_DeleteRouterRequest, _strato_network_v1_DeleteRouterRequest__Output>
        DeleteRouterResponse: MessageTypeDefinition<_strato_network_v1_DeleteRouterResponse, _strato_network_v1_DeleteRouterResponse__Output>
        ExternalGateway: MessageTypeDefinition<_strato_network_v1_ExternalGateway, _strato_network_v1_ExternalGateway__Output>
        FloatingIp: MessageTypeDefinition<_strato_network_v1_FloatingIp, _strato_network_v1_FloatingIp__Output>
        FloatingIps: SubtypeConstructor<typeof grpc.Client, _strato_network_v1_FloatingIpsClient> & { service: _strato_network_v1_FloatingIpsDefinition }
        GetFloatingIpRequest: MessageTypeDefinition<_strato_network_v1_GetFloatingIpRequest, _strato_network_v1_GetFloatingIpRequest__Output>
        GetRouterRequest: MessageTypeDefinition<_strato_network_v1_GetRouterRequest, _strato_network_v1_GetRouterRequest__Output>
        ListFloatingIpsRequest: MessageTypeDefinition<_strato_network_v1_ListFloatingIpsRequest, _strato_network_v1_ListFloatingIpsRequest__Output>
        ListFloatingIpsResponse: MessageTypeDefinition<_strato_network_v1_ListFloatingIpsResponse, _strato_network_v1_ListFloatingIpsResponse__Output>
        ListRoutersRequest: MessageTypeDefinition<_strato_network_v1_ListRoutersRequest, _strato_network_v1_ListRoutersRequest__Output>
        ListRoutersResponse: MessageTypeDefinition<_strato_network_v1_ListRoutersResponse, _strato_network_v1_ListRoutersResponse__Output>
        RemoveRouterInterfaceRequest: MessageTypeDefinition<_strato_network_v1_RemoveRouterInterfaceRequest, _strato_network_v1_RemoveRouterInterfaceRequest__Output>
        RemoveRouterInterfaceResponse: MessageTypeDefinition<_strato_network_v1_RemoveRouterInterfaceResponse, _strato_network_v1_RemoveRouterInterfaceResponse__Output>
        Router: MessageTypeDefinition<_strato_network_v1_Router, _strato_network_v1_Router__Output>
        RouterInterface: MessageTypeDefinition<_strato_network_v1_RouterInterface, _strato_network_v1_RouterInterface__Output>
        Routers: SubtypeConstructor<typeof grpc.Client, _strato_network_v1_RoutersClient> & { service: _strato_network_v1_RoutersDefinition }
        SetFloatingIpPortRequest: MessageTypeDefinition<_strato_network_v1_SetFloatingIpPortRequest, _strato_network_v1_SetFloatingIpPortRequest__Output>
        SetRouterGatewayRequest: MessageTypeDefinition<_strato_network_v1_SetRouterGatewayRequest, _strato_network_v1_SetRouterGatewayRequest__Output>
        UnsetFloatingIpPortRequest: MessageTypeDefinition<_strato_network_v1_UnsetFloatingIpPortRequest, _strato_network_v1_UnsetFloatingIpPortRequest__Output>
        UpdateRouterRequest: MessageTypeDefinition<_strato_network_v1_UpdateRouterRequest, _strato_network_v1_UpdateRouterRequest__Output>
      }
    }
  }
}

