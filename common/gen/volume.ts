import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateVolumeRequest as _strato_volume_v1_CreateVolumeRequest, CreateVolumeRequest__Output as _strato_volume_v1_CreateVolumeRequest__Output } from './strato/volume/v1/CreateVolumeRequest.ts';
import type { CreateVolumeSnapshotRequest as _strato_volume_v1_CreateVolumeSnapshotRequest, CreateVolumeSnapshotRequest__Output as _strato_volume_v1_CreateVolumeSnapshotRequest__Output } from './strato/volume/v1/CreateVolumeSnapshotRequest.ts';
import type { DeleteVolumeRequest as _strato_volume_v1_DeleteVolumeRequest, DeleteVolumeRequest__Output as _strato_volume_v1_DeleteVolumeRequest__Output } from './strato/volume/v1/DeleteVolumeRequest.ts';
import type { DeleteVolumeSnapshotRequest as _strato_volume_v1_DeleteVolumeSnapshotRequest, DeleteVolumeSnapshotRequest__Output as _strato_volume_v1_DeleteVolumeSnapshotRequest__Output } from './strato/volume/v1/DeleteVolumeSnapshotRequest.ts';
import type { ExtendVolumeRequest as _strato_volume_v1_ExtendVolumeRequest, ExtendVolumeRequest__Output as _strato_volume_v1_ExtendVolumeRequest__Output } from './strato/volume/v1/ExtendVolumeRequest.ts';
import type { Fault as _strato_volume_v1_Fault, Fault__Output as _strato_volume_v1_Fault__Output } from './strato/volume/v1/Fault.ts';
import type { GetVolumeRequest as _strato_volume_v1_GetVolumeRequest, GetVolumeRequest__Output as _strato_volume_v1_GetVolumeRequest__Output } from './strato/volume/v1/GetVolumeRequest.ts';
import type { GetVolumeSnapshotRequest as _strato_volume_v1_GetVolumeSnapshotRequest, GetVolumeSnapshotRequest__Output as _strato_volume_v1_GetVolumeSnapshotRequest__Output } from './strato/volume/v1/GetVolumeSnapshotRequest.ts';
import type { ListVolumeBackendsRequest as _strato_volume_v1_ListVolumeBackendsRequest, ListVolumeBackendsRequest__Output as _strato_volume_v1_ListVolumeBackendsRequest__Output } from './strato/volume/v1/ListVolumeBackendsRequest.ts';
import type { ListVolumeBackendsResponse as _strato_volume_v1_ListVolumeBackendsResponse, ListVolumeBackendsResponse__Output as _strato_volume_v1_ListVolumeBackendsResponse__Output } from './strato/volume/v1/ListVolumeBackendsResponse.ts';
import type { ListVolumeSnapshotsRequest as _strato_volume_v1_ListVolumeSnapshotsRequest, ListVolumeSnapshotsRequest__Output as _strato_volume_v1_ListVolumeSnapshotsRequest__Output } from './strato/volume/v1/ListVolumeSnapshotsRequest.ts';
import type { ListVolumeSnapshotsResponse as _strato_volume_v1_ListVolumeSnapshotsResponse, ListVolumeSnapshotsResponse__Output as _strato_volume_v1_ListVolumeSnapshotsResponse__Output } from './strato/volume/v1/ListVolumeSnapshotsResponse.ts';
import type { ListVolumesRequest as _strato_volume_v1_ListVolumesRequest, ListVolumesRequest__Output as _strato_volume_v1_ListVolumesRequest__Output } from './strato/volume/v1/ListVolumesRequest.ts';
import type { ListVolumesResponse as _strato_volume_v1_ListVolumesResponse, ListVolumesResponse__Output as _strato_volume_v1_ListVolumesResponse__Output } from './strato/volume/v1/ListVolumesResponse.ts';
import type { UpdateVolumeRequest as _strato_volume_v1_UpdateVolumeRequest, UpdateVolumeRequest__Output as _strato_volume_v1_UpdateVolumeRequest__Output } from './strato/volume/v1/UpdateVolumeRequest.ts';
import type { Volume as _strato_volume_v1_Volume, Volume__Output as _strato_volume_v1_Volume__Output } from './strato/volume/v1/Volume.ts';
import type { VolumeAttachment as _strato_volume_v1_VolumeAttachment, VolumeAttachment__Output as _strato_volume_v1_VolumeAttachment__Output } from './strato/volume/v1/VolumeAttachment.ts';
import type { VolumeBackend as _strato_volume_v1_VolumeBackend, VolumeBackend__Output as _strato_volume_v1_VolumeBackend__Output } from './strato/volume/v1/VolumeBackend.ts';
import type { VolumeSnapshot as _strato_volume_v1_VolumeSnapshot, VolumeSnapshot__Output as _strato_volume_v1_VolumeSnapshot__Output } from './strato/volume/v1/VolumeSnapshot.ts';
import type { VolumeSnapshotsClient as _strato_volume_v1_VolumeSnapshotsClient, VolumeSnapshotsDefinition as _strato_volume_v1_VolumeSnapshotsDefinition } from './strato/volume/v1/VolumeSnapshots.ts';
import type { VolumesClient as _strato_volume_v1_VolumesClient, VolumesDefinition as _strato_volume_v1_VolumesDefinition } from './strato/volume/v1/Volumes.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    volume: {
      v1: {
        CreateVolumeRequest: MessageTypeDefinition<_strato_volume_v1_CreateVolumeRequest, _strato_volume_v1_CreateVolumeRequest__Output>
        CreateVolumeSnapshotRequest: MessageTypeDefinition<_strato_volume_v1_CreateVolumeSnapshotRequest, _strato_volume_v1_CreateVolumeSnapshotRequest__Output>
        DeleteVolumeRequest: MessageTypeDefinition<_strato_volume_v1_DeleteVolumeRequest, _strato_volume_v1_DeleteVolumeRequest__Output>
        DeleteVolumeSnapshotRequest: MessageTypeDefinition<_strato_volume_v1_DeleteVolumeSnapshotRequest, _strato_volume_v1_DeleteVolumeSnapshotRequest__Output>
        ExtendVolumeRequest: MessageTypeDefinition<_strato_volume_v1_ExtendVolumeRequest, _strato_volume_v1_ExtendVolumeRequest__Output>
        Fault: MessageTypeDefinition<_strato_volume_v1_Fault, _strato_volume_v1_Fault__Output>
        GetVolumeRequest: MessageTypeDefinition<_strato_volume_v1_GetVolumeRequest, _strato_volume_v1_GetVolumeRequest__Output>
        GetVolumeSnapshotRequest: MessageTypeDefinition<_strato_volume_v1_GetVolumeSnapshotRequest, _strato_volume_v1_GetVolumeSnapshotRequest__Output>
        ListVolumeBackendsRequest: MessageTypeDefinition<_strato_volume_v1_ListVolumeBackendsRequest, _strato_volume_v1_ListVolumeBackendsRequest__Output>
        ListVolumeBackendsResponse: MessageTypeDefinition<_strato_volume_v1_ListVolumeBackendsResponse, _strato_volume_v1_ListVolumeBackendsResponse__Output>
        ListVolumeSnapshotsRequest: MessageTypeDefinition<_strato_volume_v1_ListVolumeSnapshotsRequest, _strato_volume_v1_ListVolumeSnapshotsRequest__Output>
        ListVolumeSnapshotsResponse: MessageTypeDefinition<_strato_volume_v1_ListVolumeSnapshotsResponse, _strato_volume_v1_ListVolumeSnapshotsResponse__Output>
        ListVolumesRequest: MessageTypeDefinition<_strato_volume_v1_ListVolumesRequest, _strato_volume_v1_ListVolumesRequest__Output>
        ListVolumesResponse: MessageTypeDefinition<_strato_volume_v1_ListVolumesResponse, _strato_volume_v1_ListVolumesResponse__Output>
        UpdateVolumeRequest: MessageTypeDefinition<_strato_volume_v1_UpdateVolumeRequest, _strato_volume_v1_UpdateVolumeRequest__Output>
        Volume: MessageTypeDefinition<_strato_volume_v1_Volume, _strato_volume_v1_Volume__Output>
        VolumeAttachment: MessageTypeDefinition<_strato_volume_v1_VolumeAttachment, _strato_volume_v1_VolumeAttachment__Output>
        VolumeBackend: MessageTypeDefinition<_strato_volume_v1_VolumeBackend, _strato_volume_v1_VolumeBackend__Output>
        VolumeSnapshot: MessageTypeDefinition<_strato_volume_v1_VolumeSnapshot, _strato_volume_v1_VolumeSnapshot__Output>
        VolumeSnapshots: SubtypeConstructor<typeof grpc.Client, _strato_volume_v1_VolumeSnapshotsClient> & { service: _strato_volume_v1_VolumeSnapshotsDefinition }
        Volumes: SubtypeConstructor<typeof grpc.Client, _strato_volume_v1_VolumesClient> & { service: _strato_volume_v1_VolumesDefinition }
      }
    }
  }
}

