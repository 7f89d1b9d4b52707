// Original file: strato/image/v1/image.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateImageRequest as _strato_image_v1_CreateImageRequest, CreateImageRequest__Output as _strato_image_v1_CreateImageRequest__Output } from '../../../strato/image/v1/CreateImageRequest.ts';
import type { DeleteImageRequest as _strato_image_v1_DeleteImageRequest, DeleteImageRequest__Output as _strato_image_v1_DeleteImageRequest__Output } from '../../../strato/image/v1/DeleteImageRequest.ts';
import type { DeleteImageResponse as _strato_image_v1_DeleteImageResponse, DeleteImageResponse__Output as _strato_image_v1_DeleteImageResponse__Output } from '../../../strato/image/v1/DeleteImageResponse.ts';
import type { GetImageRequest as _strato_image_v1_GetImageRequest, GetImageRequest__Output as _strato_image_v1_GetImageRequest__Output } from '../../../strato/image/v1/GetImageRequest.ts';
import type { Image as _strato_image_v1_Image, Image__Output as _strato_image_v1_Image__Output } from '../../../strato/image/v1/Image.ts';
import type { ListImagesRequest as _strato_image_v1_ListImagesRequest, ListImagesRequest__Output as _strato_image_v1_ListImagesRequest__Output } from '../../../strato/image/v1/ListImagesRequest.ts';
import type { ListImagesResponse as _strato_image_v1_ListImagesResponse, ListImagesResponse__Output as _strato_image_v1_ListImagesResponse__Output } from '../../../strato/image/v1/ListImagesResponse.ts';
import type { UploadImageRequest as _strato_image_v1_UploadImageRequest, UploadImageRequest__Output as _strato_image_v1_UploadImageRequest__Output } from '../../../strato/image/v1/UploadImageRequest.ts';

export interface ImagesClient extends grpc.Client {
  /**
   * CreateImage registers an image record in `queued`, owned by the caller's
   * project. An empty disk_format means qcow2. Not idempotent.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, DISK_FORMAT_INVALID);
   * PERMISSION_DENIED (ADMIN_REQUIRED: public images need admin).
   */
  CreateImage(argument: _strato_image_v1_CreateImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  CreateImage(argument: _strato_image_v1_CreateImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  CreateImage(argument: _strato_image_v1_CreateImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  CreateImage(argument: _strato_image_v1_CreateImageRequest, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  /**
   * CreateImage registers an image record in `queued`, owned by the caller's
   * project. An empty disk_format means qcow2. Not idempotent.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, DISK_FORMAT_INVALID);
   * PERMISSION_DENIED (ADMIN_REQUIRED: public images need admin).
   */
  createImage(argument: _strato_image_v1_CreateImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  createImage(argument: _strato_image_v1_CreateImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  createImage(argument: _strato_image_v1_CreateImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  createImage(argument: _strato_image_v1_CreateImageRequest, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteImage (by id or name) removes the record and its bytes; instances
   * already booted keep their cached copy. Admins may delete any image.
   * Errors: NOT_FOUND (absent, or another project's private image);
   * PERMISSION_DENIED (IMAGE_NOT_OWNED: a public image of another project).
   */
  DeleteImage(argument: _strato_image_v1_DeleteImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_DeleteImageResponse__Output>): grpc.ClientUnaryCall;
  DeleteImage(argument: _strato_image_v1_DeleteImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_DeleteImageResponse__Output>): grpc.ClientUnaryCall;
  DeleteImage(argument: _strato_image_v1_DeleteImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_DeleteImageResponse__Output>): grpc.ClientUnaryCall;
  DeleteImage(argument: _strato_image_v1_DeleteImageRequest, callback: grpc.requestCallback<_strato_image_v1_DeleteImageResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteImage (by id or name) removes the record and its bytes; instances
   * already booted keep their cached copy. Admins may delete any image.
   * Errors: NOT_FOUND (absent, or another project's private image);
   * PERMISSION_DENIED (IMAGE_NOT_OWNED: a public image of another project).
   */
  deleteImage(argument: _strato_image_v1_DeleteImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_DeleteImageResponse__Output>): grpc.ClientUnaryCall;
  deleteImage(argument: _strato_image_v1_DeleteImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_DeleteImageResponse__Output>): grpc.ClientUnaryCall;
  deleteImage(argument: _strato_image_v1_DeleteImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_DeleteImageResponse__Output>): grpc.ClientUnaryCall;
  deleteImage(argument: _strato_image_v1_DeleteImageRequest, callback: grpc.requestCallback<_strato_image_v1_DeleteImageResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetImage by id or name. An id finds the caller's own and public images
   * (admins: any image); a name is looked up among the caller's own and public
   * images. Errors: NOT_FOUND (IMAGE_NOT_FOUND, also for another project's
   * private image); FAILED_PRECONDITION (IMAGE_NAME_AMBIGUOUS) when a name
   * matches several images.
   */
  GetImage(argument: _strato_image_v1_GetImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  GetImage(argument: _strato_image_v1_GetImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  GetImage(argument: _strato_image_v1_GetImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  GetImage(argument: _strato_image_v1_GetImageRequest, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  /**
   * GetImage by id or name. An id finds the caller's own and public images
   * (admins: any image); a name is looked up among the caller's own and public
   * images. Errors: NOT_FOUND (IMAGE_NOT_FOUND, also for another project's
   * private image); FAILED_PRECONDITION (IMAGE_NAME_AMBIGUOUS) when a name
   * matches several images.
   */
  getImage(argument: _strato_image_v1_GetImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  getImage(argument: _strato_image_v1_GetImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  getImage(argument: _strato_image_v1_GetImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  getImage(argument: _strato_image_v1_GetImageRequest, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListImages: own and public images, paginated (page_size 0 means 100, at
   * most 1000), ordered by name. all_projects lists every project's images
   * (admins only). Errors: PERMISSION_DENIED (all_projects without admin);
   * INVALID_ARGUMENT (PAGE_TOKEN_INVALID, PAGE_SIZE_INVALID).
   */
  ListImages(argument: _strato_image_v1_ListImagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_ListImagesResponse__Output>): grpc.ClientUnaryCall;
  ListImages(argument: _strato_image_v1_ListImagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_ListImagesResponse__Output>): grpc.ClientUnaryCall;
  ListImages(argument: _strato_image_v1_ListImagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_ListImagesResponse__Output>): grpc.ClientUnaryCall;
  ListImages(argument: _strato_image_v1_ListImagesRequest, callback: grpc.requestCallback<_strato_image_v1_ListImagesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListImages: own and public images, paginated (page_size 0 means 100, at
   * most 1000), ordered by name. all_projects lists every project's images
   * (admins only). Errors: PERMISSION_DENIED (all_projects without admin);
   * INVALID_ARGUMENT (PAGE_TOKEN_INVALID, PAGE_SIZE_INVALID).
   */
  listImages(argument: _strato_image_v1_ListImagesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_ListImagesResponse__Output>): grpc.ClientUnaryCall;
  listImages(argument: _strato_image_v1_ListImagesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_ListImagesResponse__Output>): grpc.ClientUnaryCall;
  listImages(argument: _strato_image_v1_ListImagesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_ListImagesResponse__Output>): grpc.ClientUnaryCall;
  listImages(argument: _strato_image_v1_ListImagesRequest, callback: grpc.requestCallback<_strato_image_v1_ListImagesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * UploadImage streams the image's bytes: the first message names the image
   * (id or name), every message may carry data. The image is `saving` during the
   * upload and `active` after inspection, or `killed` when the stream breaks or
   * the content is refused (the error says why; bytes are removed). Not
   * idempotent and not retryable: after a failure, create a new image.
   * Errors: NOT_FOUND (IMAGE_NOT_FOUND); PERMISSION_DENIED (IMAGE_NOT_OWNED: a
   * public image of another project); FAILED_PRECONDITION (IMAGE_NOT_QUEUED);
   * INVALID_ARGUMENT (IMAGE_REFUSED, details.check one of BACKING_FILE,
   * DATA_FILE, FORMAT_MISMATCH, ENCRYPTED, CORRUPT, UNREADABLE, EMPTY;
   * IMAGE_TOO_LARGE beyond the conductor's upload limit).
   */
  UploadImage(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientWritableStream<_strato_image_v1_UploadImageRequest>;
  UploadImage(metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientWritableStream<_strato_image_v1_UploadImageRequest>;
  UploadImage(options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientWritableStream<_strato_image_v1_UploadImageRequest>;
  UploadImage(callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientWritableStream<_strato_image_v1_UploadImageRequest>;
  /**
   * UploadImage streams the image's bytes: the first message names the image
   * (id or name), every message may carry data. The image is `saving` during the
   * upload and `active` after inspection, or `killed` when the stream breaks or
   * the content is refused (the error says why; bytes are removed). Not
   * idempotent and not retryable: after a failure, create a new image.
   * Errors: NOT_FOUND (IMAGE_NOT_FOUND); PERMISSION_DENIED (IMAGE_NOT_OWNED: a
   * public image of another project); FAILED_PRECONDITION (IMAGE_NOT_QUEUED);
   * INVALID_ARGUMENT (IMAGE_REFUSED, details.check one of BACKING_FILE,
   * DATA_FILE, FORMAT_MISMATCH, ENCRYPTED, CORRUPT, UNREADABLE, EMPTY;
   * IMAGE_TOO_LARGE beyond the conductor's upload limit).
   */
  uploadImage(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientWritableStream<_strato_image_v1_UploadImageRequest>;
  uploadImage(metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientWritableStream<_strato_image_v1_UploadImageRequest>;
  uploadImage(options: grpc.CallOptions, callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientWritableStream<_strato_image_v1_UploadImageRequest>;
  uploadImage(callback: grpc.requestCallback<_strato_image_v1_Image__Output>): grpc.ClientWritableStream<_strato_image_v1_UploadImageRequest>;
  
}

export interface ImagesHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateImage registers an image record in `queued`, owned by the caller's
   * project. An empty disk_format means qcow2. Not idempotent.
   * Errors: INVALID_ARGUMENT (NAME_INVALID, DISK_FORMAT_INVALID);
   * PERMISSION_DENIED (ADMIN_REQUIRED: public images need admin).
   */
  CreateImage: grpc.handleUnaryCall<_strato_image_v1_CreateImageRequest__Output, _strato_image_v1_Image>;
  
  /**
   * DeleteImage (by id or name) removes the record and its bytes; instances
   * already booted keep their cached copy. Admins may delete any image.
   * Errors: NOT_FOUND (absent, or another project's private image);
   * PERMISSION_DENIED (IMAGE_NOT_OWNED: a public image of another project).
   */
  DeleteImage: grpc.handleUnaryCall<_strato_image_v1_DeleteImageRequest__Output, _strato_image_v1_DeleteImageResponse>;
  
  /**
   * GetImage by id or name. An id finds the caller's own and public images
   * (admins: any image); a name is looked up among the caller's own and public
   * images. Errors: NOT_FOUND (IMAGE_NOT_FOUND, also for another project's
   * private image); FAILED_PRECONDITION (IMAGE_NAME_AMBIGUOUS) when a name
   * matches several images.
   */
  GetImage: grpc.handleUnaryCall<_strato_image_v1_GetImageRequest__Output, _strato_image_v1_Image>;
  
  /**
   * ListImages: own and public images, paginated (page_size 0 means 100, at
   * most 1000), ordered by name. all_projects lists every project's images
   * (admins only). Errors: PERMISSION_DENIED (all_projects without admin);
   * INVALID_ARGUMENT (PAGE_TOKEN_INVALID, PAGE_SIZE_INVALID).
   */
  ListImages: grpc.handleUnaryCall<_strato_image_v1_ListImagesRequest__Output, _strato_image_v1_ListImagesResponse>;
  
  /**
   * UploadImage streams the image's bytes: the first message names the image
   * (id or name), every message may carry data. The image is `saving` during the
   * upload and `active` after inspection, or `killed` when the stream breaks or
   * the content is refused (the error says why; bytes are removed). Not
   * idempotent and not retryable: after a failure, create a new image.
   * Errors: NOT_FOUND (IMAGE_NOT_FOUND); PERMISSION_DENIED (IMAGE_NOT_OWNED: a
   * public image of another project); FAILED_PRECONDITION (IMAGE_NOT_QUEUED);
   * INVALID_ARGUMENT (IMAGE_REFUSED, details.check one of BACKING_FILE,
   * DATA_FILE, FORMAT_MISMATCH, ENCRYPTED, CORRUPT, UNREADABLE, EMPTY;
   * IMAGE_TOO_LARGE beyond the conductor's upload limit).
   */
  UploadImage: grpc.handleClientStreamingCall<_strato_image_v1_UploadImageRequest__Output, _strato_image_v1_Image>;
  
}

export interface ImagesDefinition extends grpc.ServiceDefinition {
  CreateImage: MethodDefinition<_strato_image_v1_CreateImageRequest, _strato_image_v1_Image, _strato_image_v1_CreateImageRequest__Output, _strato_image_v1_Image__Output>
  DeleteImage: MethodDefinition<_strato_image_v1_DeleteImageRequest, _strato_image_v1_DeleteImageResponse, _strato_image_v1_DeleteImageRequest__Output, _strato_image_v1_DeleteImageResponse__Output>
  GetImage: MethodDefinition<_strato_image_v1_GetImageRequest, _strato_image_v1_Image, _strato_image_v1_GetImageRequest__Output, _strato_image_v1_Image__Output>
  ListImages: MethodDefinition<_strato_image_v1_ListImagesRequest, _strato_image_v1_ListImagesResponse, _strato_image_v1_ListImagesRequest__Output, _strato_image_v1_ListImagesResponse__Output>
  UploadImage: MethodDefinition<_strato_image_v1_UploadImageRequest, _strato_image_v1_Image, _strato_image_v1_UploadImageRequest__Output, _strato_image_v1_Image__Output>
}
