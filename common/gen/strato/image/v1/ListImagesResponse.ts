// Original file: strato/image/v1/image.proto

import type { Image as _strato_image_v1_Image, Image__Output as _strato_image_v1_Image__Output } from '../../../strato/image/v1/Image.ts';

export interface ListImagesResponse {
  'images'?: (_strato_image_v1_Image)[];
  'nextPageToken'?: (string);
}

export interface ListImagesResponse__Output {
  'images': (_strato_image_v1_Image__Output)[];
  'nextPageToken': (string);
}
