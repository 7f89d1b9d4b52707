// Original file: strato/image/v1/image.proto

import type { Long } from '@grpc/proto-loader';

export interface Image {
  'id'?: (string);
  'name'?: (string);
  'projectId'?: (string);
  /**
   * queued | saving | active | killed | deleted
   */
  'status'?: (string);
  /**
   * qcow2 | raw
   */
  'diskFormat'?: (string);
  'public'?: (boolean);
  'sha256'?: (string);
  'sizeBytes'?: (number | string | Long);
  'virtualSizeBytes'?: (number | string | Long);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Image__Output {
  'id': (string);
  'name': (string);
  'projectId': (string);
  /**
   * queued | saving | active | killed | deleted
   */
  'status': (string);
  /**
   * qcow2 | raw
   */
  'diskFormat': (string);
  'public': (boolean);
  'sha256': (string);
  'sizeBytes': (string);
  'virtualSizeBytes': (string);
  'createdAt': (string);
  'updatedAt': (string);
}
