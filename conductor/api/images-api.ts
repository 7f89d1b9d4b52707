// strato.image.v1.Images: a thin adapter from gRPC messages to the image registry.
import type { Image } from '../../common/gen/strato/image/v1/Image.ts';
import type { ImagesHandlers } from '../../common/gen/strato/image/v1/Images.ts';
import type { Implementation } from '../../common/grpc/handlers.ts';
import type { Identity } from '../identity/identity.ts';
import type { ImageRegistry } from '../images/images.ts';
import type { ImageRecord } from '../images/model.ts';
import { authenticate } from './auth.ts';

export function imageToProto(i: ImageRecord): Image {
  return {
    id: i.id,
    name: i.name,
    projectId: i.projectId,
    status: i.status,
    diskFormat: i.diskFormat,
    public: i.public,
    sha256: i.sha256,
    sizeBytes: String(i.sizeBytes),
    virtualSizeBytes: String(i.virtualSizeBytes),
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

export function imagesApi(identity: Identity, images: ImageRegistry): Implementation<ImagesHandlers> {
  return {
    async CreateImage(req, ctx) {
      const p = await authenticate(ctx, identity);
      return imageToProto(await images.create(p, { name: req.name, diskFormat: req.diskFormat, public: req.public }));
    },

    async UploadImage(requests, ctx) {
      const p = await authenticate(ctx, identity);
      return imageToProto(await images.upload(p, requests, ctx.signal));
    },

    async GetImage(req, ctx) {
      const p = await authenticate(ctx, identity);
      return imageToProto(await images.get(p, req.image));
    },

    async ListImages(req, ctx) {
      const p = await authenticate(ctx, identity);
      const page = await images.list(p, req);
      return { images: page.items.map(imageToProto), nextPageToken: page.nextPageToken };
    },

    async DeleteImage(req, ctx) {
      const p = await authenticate(ctx, identity);
      await images.delete(p, req.image);
      return {};
    },
  };
}
