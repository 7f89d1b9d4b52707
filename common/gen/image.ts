import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateImageRequest as _strato_image_v1_CreateImageRequest, CreateImageRequest__Output as _strato_image_v1_CreateImageRequest__Output } from './strato/image/v1/CreateImageRequest.ts';
import type { DeleteImageRequest as _strato_image_v1_DeleteImageRequest, DeleteImageRequest__Output as _strato_image_v1_DeleteImageRequest__Output } from './strato/image/v1/DeleteImageRequest.ts';
import type { DeleteImageResponse as _strato_image_v1_DeleteImageResponse, DeleteImageResponse__Output as _strato_image_v1_DeleteImageResponse__Output } from './strato/image/v1/DeleteImageResponse.ts';
import type { GetImageRequest as _strato_image_v1_GetImageRequest, GetImageRequest__Output as _strato_image_v1_GetImageRequest__Output } from './strato/image/v1/GetImageRequest.ts';
import type { Image as _strato_image_v1_Image, Image__Output as _strato_image_v1_Image__Output } from './strato/image/v1/Image.ts';
import type { ImagesClient as _strato_image_v1_ImagesClient, ImagesDefinition as _strato_image_v1_ImagesDefinition } from './strato/image/v1/Images.ts';
import type { ListImagesRequest as _strato_image_v1_ListImagesRequest, ListImagesRequest__Output as _strato_image_v1_ListImagesRequest__Output } from './strato/image/v1/ListImagesRequest.ts';
import type { ListImagesResponse as _strato_image_v1_ListImagesResponse, ListImagesResponse__Output as _strato_image_v1_ListImagesResponse__Output } from './strato/image/v1/ListImagesResponse.ts';
import type { UploadImageRequest as _strato_image_v1_UploadImageRequest, UploadImageRequest__Output as _strato_image_v1_UploadImageRequest__Output } from './strato/image/v1/UploadImageRequest.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    image: {
      v1: {
        CreateImageRequest: MessageTypeDefinition<_strato_image_v1_CreateImageRequest, _strato_image_v1_CreateImageRequest__Output>
        DeleteImageRequest: MessageTypeDefinition<_strato_image_v1_DeleteImageRequest, _strato_image_v1_DeleteImageRequest__Output>
        DeleteImageResponse: MessageTypeDefinition<_strato_image_v1_DeleteImageResponse, _strato_image_v1_DeleteImageResponse__Output>
        GetImageRequest: MessageTypeDefinition<_strato_image_v1_GetImageRequest, _strato_image_v1_GetImageRequest__Output>
        Image: MessageTypeDefinition<_strato_image_v1_Image, _strato_image_v1_Image__Output>
        Images: SubtypeConstructor<typeof grpc.Client, _strato_image_v1_ImagesClient> & { service: _strato_image_v1_ImagesDefinition }
        ListImagesRequest: MessageTypeDefinition<_strato_image_v1_ListImagesRequest, _strato_image_v1_ListImagesRequest__Output>
        ListImagesResponse: MessageTypeDefinition<_strato_image_v1_ListImagesResponse, _strato_image_v1_ListImagesResponse__Output>
        UploadImageRequest: MessageTypeDefinition<_strato_image_v1_UploadImageRequest, _strato_image_v1_UploadImageRequest__Output>
      }
    }
  }
}

