// strato.image.v1.Images' requests.
import { z } from 'zod';
import { DISK_FORMATS } from '../../images/model.ts';
import { bool, chunk, name, oneOf, optionalRef, pageSize, pageToken, type RequestSchemas, ref } from './fields.ts';

export const imagesRequests: RequestSchemas = {
  'strato.image.v1.CreateImageRequest': z.object({
    name,
    diskFormat: oneOf('DISK_FORMAT_INVALID', DISK_FORMATS, { empty: true }),
    public: bool,
  }),
  // Every message of the upload stream: the first names the image (the
  // registry requires it there), the rest may repeat it or leave it ''.
  'strato.image.v1.UploadImageRequest': z.object({ imageId: optionalRef('image'), data: chunk }),
  'strato.image.v1.GetImageRequest': z.object({ image: ref('image') }),
  'strato.image.v1.ListImagesRequest': z.object({ pageSize, pageToken, allProjects: bool }),
  'strato.image.v1.DeleteImageRequest': z.object({ image: ref('image') }),
};
