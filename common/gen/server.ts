import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddServerPortRequest as _strato_compute_v1_AddServerPortRequest, AddServerPortRequest__Output as _strato_compute_v1_AddServerPortRequest__Output } from './strato/compute/v1/AddServerPortRequest.ts';
import type { AddServerVolumeRequest as _strato_compute_v1_AddServerVolumeRequest, AddServerVolumeRequest__Output as _strato_compute_v1_AddServerVolumeRequest__Output } from './strato/compute/v1/AddServerVolumeRequest.ts';
import type { CreateFlavorRequest as _strato_compute_v1_CreateFlavorRequest, CreateFlavorRequest__Output as _strato_compute_v1_CreateFlavorRequest__Output } from './strato/compute/v1/CreateFlavorRequest.ts';
import type { CreateServerImageRequest as _strato_compute_v1_CreateServerImageRequest, CreateServerImageRequest__Output as _strato_compute_v1_CreateServerImageRequest__Output } from './strato/compute/v1/CreateServerImageRequest.ts';
import type { CreateServerImageResponse as _strato_compute_v1_CreateServerImageResponse, CreateServerImageResponse__Output as _strato_compute_v1_CreateServerImageResponse__Output } from './strato/compute/v1/CreateServerImageResponse.ts';
import type { CreateServerRequest as _strato_compute_v1_CreateServerRequest, CreateServerRequest__Output as _strato_compute_v1_CreateServerRequest__Output } from './strato/compute/v1/CreateServerRequest.ts';
import type { DeleteFlavorRequest as _strato_compute_v1_DeleteFlavorRequest, DeleteFlavorRequest__Output as _strato_compute_v1_DeleteFlavorRequest__Output } from './strato/compute/v1/DeleteFlavorRequest.ts';
import type { DeleteFlavorResponse as _strato_compute_v1_DeleteFlavorResponse, DeleteFlavorResponse__Output as _strato_compute_v1_DeleteFlavorResponse__Output } from './strato/compute/v1/DeleteFlavorResponse.ts';
import type { DeleteServerRequest as _strato_compute_v1_DeleteServerRequest, DeleteServerRequest__Output as _strato_compute_v1_DeleteServerRequest__Output } from './strato/compute/v1/DeleteServerRequest.ts';
import type { Fault as _strato_compute_v1_Fault, Fault__Output as _strato_compute_v1_Fault__Output } from './strato/compute/v1/Fault.ts';
import type { Flavor as _strato_compute_v1_Flavor, Flavor__Output as _strato_compute_v1_Flavor__Output } from './strato/compute/v1/Flavor.ts';
import type { FlavorsClient as _strato_compute_v1_FlavorsClient, FlavorsDefinition as _strato_compute_v1_FlavorsDefinition } from './strato/compute/v1/Flavors.ts';
import type { GetConsoleLogRequest as _strato_compute_v1_GetConsoleLogRequest, GetConsoleLogRequest__Output as _strato_compute_v1_GetConsoleLogRequest__Output } from './strato/compute/v1/GetConsoleLogRequest.ts';
import type { GetConsoleLogResponse as _strato_compute_v1_GetConsoleLogResponse, GetConsoleLogResponse__Output as _strato_compute_v1_GetConsoleLogResponse__Output } from './strato/compute/v1/GetConsoleLogResponse.ts';
import type { GetFlavorRequest as _strato_compute_v1_GetFlavorRequest, GetFlavorRequest__Output as _strato_compute_v1_GetFlavorRequest__Output } from './strato/compute/v1/GetFlavorRequest.ts';
import type { GetServerRequest as _strato_compute_v1_GetServerRequest, GetServerRequest__Output as _strato_compute_v1_GetServerRequest__Output } from './strato/compute/v1/GetServerRequest.ts';
import type { ListFlavorsRequest as _strato_compute_v1_ListFlavorsRequest, ListFlavorsRequest__Output as _strato_compute_v1_ListFlavorsRequest__Output } from './strato/compute/v1/ListFlavorsRequest.ts';
import type { ListFlavorsResponse as _strato_compute_v1_ListFlavorsResponse, ListFlavorsResponse__Output as _strato_compute_v1_ListFlavorsResponse__Output } from './strato/compute/v1/ListFlavorsResponse.ts';
import type { ListServerEventsRequest as _strato_compute_v1_ListServerEventsRequest, ListServerEventsRequest__Output as _strato_compute_v1_ListServerEventsRequest__Output } from './strato/compute/v1/ListServerEventsRequest.ts';
import type { ListServerEventsResponse as _strato_compute_v1_ListServerEventsResponse, ListServerEventsResponse__Output as _strato_compute_v1_ListServerEventsResponse__Output } from './strato/compute/v1/ListServerEventsResponse.ts';
import type { ListServersRequest as _strato_compute_v1_ListServersRequest, ListServersRequest__Output as _strato_compute_v1_ListServersRequest__Output } from './strato/compute/v1/ListServersRequest.ts';
import type { ListServersResponse as _strato_compute_v1_ListServersResponse, ListServersResponse__Output as _strato_compute_v1_ListServersResponse__Output } from './strato/compute/v1/ListServersResponse.ts';
import type { RebuildServerRequest as _strato_compute_v1_RebuildServerRequest, RebuildServerRequest__Output as _strato_compute_v1_RebuildServerRequest__Output } from './strato/compute/v1/RebuildServerRequest.ts';
import type { RemoveServerPortRequest as _strato_compute_v1_RemoveServerPortRequest, RemoveServerPortRequest__Output as _strato_compute_v1_RemoveServerPortRequest__Output } from './strato/compute/v1/RemoveServerPortRequest.ts';
import type { RemoveServerVolumeRequest as _strato_compute_v1_RemoveServerVolumeRequest, RemoveServerVolumeRequest__Output as _strato_compute_v1_RemoveServerVolumeRequest__Output } from './strato/compute/v1/RemoveServerVolumeRequest.ts';
import type { Server as _strato_compute_v1_Server, Server__Output as _strato_compute_v1_Server__Output } from './strato/compute/v1/Server.ts';
import type { ServerActionRequest as _strato_compute_v1_ServerActionRequest, ServerActionRequest__Output as _strato_compute_v1_ServerActionRequest__Output } from './strato/compute/v1/ServerActionRequest.ts';
import type { ServerAddresses as _strato_compute_v1_ServerAddresses, ServerAddresses__Output as _strato_compute_v1_ServerAddresses__Output } from './strato/compute/v1/ServerAddresses.ts';
import type { ServerEvent as _strato_compute_v1_ServerEvent, ServerEvent__Output as _strato_compute_v1_ServerEvent__Output } from './strato/compute/v1/ServerEvent.ts';
import type { ServerNetwork as _strato_compute_v1_ServerNetwork, ServerNetwork__Output as _strato_compute_v1_ServerNetwork__Output } from './strato/compute/v1/ServerNetwork.ts';
import type { ServerPort as _strato_compute_v1_ServerPort, ServerPort__Output as _strato_compute_v1_ServerPort__Output } from './strato/compute/v1/ServerPort.ts';
import type { ServerVolume as _strato_compute_v1_ServerVolume, ServerVolume__Output as _strato_compute_v1_ServerVolume__Output } from './strato/compute/v1/ServerVolume.ts';
import type { ServerVolumesClient as _strato_compute_v1_ServerVolumesClient, ServerVolumesDefinition as _strato_compute_v1_ServerVolumesDefinition } from './strato/compute/v1/ServerVolumes.ts';
import type { ServersClient as _strato_compute_v1_ServersClient, ServersDefinition as _strato_compute_v1_ServersDefinition } from './strato/compute/v1/Servers.ts';
import type { UpdateServerRequest as _strato_compute_v1_UpdateServerRequest, UpdateServerRequest__Output as _strato_compute_v1_UpdateServerRequest__Output } from './strato/compute/v1/UpdateServerRequest.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    compute: {
      v1: {
        AddServerPortRequest: MessageTypeDefinition<_strato_compute_v1_AddServerPortRequest, _strato_compute_v1_AddServerPortRequest__Output>
        AddServerVolumeRequest: MessageTypeDefinition<_strato_compute_v1_AddServerVolumeRequest, _strato_compute_v1_AddServerVolumeRequest__Output>
        CreateFlavorRequest: MessageTypeDefinition<_strato_compute_v1_CreateFlavorRequest, _strato_compute_v1_CreateFlavorRequest__Output>
        CreateServerImageRequest: MessageTypeDefinition<_strato_compute_v1_CreateServerImageRequest, _strato_compute_v1_CreateServerImageRequest__Output>
        CreateServerImageResponse: MessageTypeDefinition<_strato_compute_v1_CreateServerImageResponse, _strato_compute_v1_CreateServerImageResponse__Output>
        CreateServerRequest: MessageTypeDefinition<_strato_compute_v1_CreateServerRequest, _strato_compute_v1_CreateServerRequest__Output>
        DeleteFlavorRequest: MessageTypeDefinition<_strato_compute_v1_DeleteFlavorRequest, _strato_compute_v1_DeleteFlavorRequest__Output>
        DeleteFlavorResponse: MessageTypeDefinition<_strato_compute_v1_DeleteFlavorResponse, _strato_compute_v1_DeleteFlavorResponse__Output>
        DeleteServerRequest: MessageTypeDefinition<_strato_compute_v1_DeleteServerRequest, _strato_compute_v1_DeleteServerRequest__Output>
        Fault: MessageTypeDefinition<_strato_compute_v1_Fault, _strato_compute_v1_Fault__Output>
        Flavor: MessageTypeDefinition<_strato_compute_v1_Flavor, _strato_compute_v1_Flavor__Output>
        Flavors: SubtypeConstructor<typeof grpc.Client, _strato_compute_v1_FlavorsClient> & { service: _strato_compute_v1_FlavorsDefinition }
        GetConsoleLogRequest: MessageTypeDefinition<_strato_compute_v1_GetConsoleLogRequest, _strato_compute_v1_GetConsoleLogRequest__Output>
        GetConsoleLogResponse: MessageTypeDefinition<_strato_compute_v1_GetConsoleLogResponse, _strato_compute_v1_GetConsoleLogResponse__Output>
        GetFlavorRequest: MessageTypeDefinition<_strato_compute_v1_GetFlavorRequest, _strato_compute_v1_GetFlavorRequest__Output>
        GetServerRequest: MessageTypeDefinition<_strato_compute_v1_GetServerRequest, _strato_compute_v1_GetServerRequest__Output>
        ListFlavorsRequest: MessageTypeDefinition<_strato_compute_v1_ListFlavorsRequest, _strato_compute_v1_ListFlavorsRequest__Output>
        ListFlavorsResponse: MessageTypeDefinition<_strato_compute_v1_ListFlavorsResponse, _strato_compute_v1_ListFlavorsResponse__Output>
        ListServerEventsRequest: MessageTypeDefinition<_strato_compute_v1_ListServerEventsRequest, _strato_compute_v1_ListServerEventsRequest__Output>
        ListServerEventsResponse: MessageTypeDefinition<_strato_compute_v1_ListServerEventsResponse, _strato_compute_v1_ListServerEventsResponse__Output>
        ListServersRequest: MessageTypeDefinition<_strato_compute_v1_ListServersRequest, _strato_compute_v1_ListServersRequest__Output>
        ListServersResponse: MessageTypeDefinition<_strato_compute_v1_ListServersResponse, _strato_compute_v1_ListServersResponse__Output>
        RebuildServerRequest: MessageTypeDefinition<_strato_compute_v1_RebuildServerRequest, _strato_compute_v1_RebuildServerRequest__Output>
        RemoveServerPortRequest: MessageTypeDefinition<_strato_compute_v1_RemoveServerPortRequest, _strato_compute_v1_RemoveServerPortRequest__Output>
        RemoveServerVolumeRequest: MessageTypeDefinition<_strato_compute_v1_RemoveServerVolumeRequest, _strato_compute_v1_RemoveServerVolumeRequest__Output>
        Server: MessageTypeDefinition<_strato_compute_v1_Server, _strato_compute_v1_Server__Output>
        ServerActionRequest: MessageTypeDefinition<_strato_compute_v1_ServerActionRequest, _strato_compute_v1_ServerActionRequest__Output>
        ServerAddresses: MessageTypeDefinition<_strato_compute_v1_ServerAddresses, _strato_compute_v1_ServerAddresses__Output>
        ServerEvent: MessageTypeDefinition<_strato_compute_v1_ServerEvent, _strato_compute_v1_ServerEvent__Output>
        ServerNetwork: MessageTypeDefinition<_strato_compute_v1_ServerNetwork, _strato_compute_v1_ServerNetwork__Output>
        ServerPort: MessageTypeDefinition<_strato_compute_v1_ServerPort, _strato_compute_v1_ServerPort__Output>
        ServerVolume: MessageTypeDefinition<_strato_compute_v1_ServerVolume, _strato_compute_v1_ServerVolume__Output>
        /**
         * ServerVolumes: attaching volumes to servers and detaching them, a
         * sub-resource of servers as Nova's os-volume_attachments is. Verbs of the
         * server rather than of the volume, because the server's state decides
         * whether they are legal and its task_state serialises them with the server's
         * other actions (power, NIC hot-plug, delete), as AddServerPort's does; a
         * service of its own so that a cloud without block storage serves Servers
         * without it (UNIMPLEMENTED). Common rules as in Servers: references are ids
         * or names (a UUID-shaped value is an id), another project's server or volume
         * is NOT_FOUND, a call that fails changes nothing.
         */
        ServerVolumes: SubtypeConstructor<typeof grpc.Client, _strato_compute_v1_ServerVolumesClient> & { service: _strato_compute_v1_ServerVolumesDefinition }
        Servers: SubtypeConstructor<typeof grpc.Client, _strato_compute_v1_ServersClient> & { service: _strato_compute_v1_ServersDefinition }
        UpdateServerRequest: MessageTypeDefinition<_strato_compute_v1_UpdateServerRequest, _strato_compute_v1_UpdateServerRequest__Output>
      }
    }
  }
}

