// Original file: google/rpc/status.proto

import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from '../../google/protobuf/Any.ts';

/**
 * The `Status` type defines a logical error model that is suitable for
 * different programming environments, including REST APIs and RPC APIs.
 */
export interface Status {
  /**
   * The status code, which should be an enum value of google.rpc.Code.
   */
  'code'?: (number);
  /**
   * A developer-facing error message, which should be in English.
   */
  'message'?: (string);
  /**
   * A list of messages that carry the error details.
   */
  'details'?: (_google_protobuf_Any)[];
}

/**
 * The `Status` type defines a logical error model that is suitable for
 * different programming environments, including REST APIs and RPC APIs.
 */
export interface Status__Output {
  /**
   * The status code, which should be an enum value of google.rpc.Code.
   */
  'code': (number);
  /**
   * A developer-facing error message, which should be in English.
   */
  'message': (string);
  /**
   * A list of messages that carry the error details.
   */
  'details': (_google_protobuf_Any__Output)[];
}
