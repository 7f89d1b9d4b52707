// How protobuf values map to JavaScript, in one place: the proto-loader path
// (common/proto.ts, the daemons), the build-time descriptor path
// (common/proto-descriptor.ts, the CLI) and the generated types in
// common/gen all follow these options. Kept apart so that importing them
// loads neither proto-loader nor grpc-js.
import type { Options } from '@grpc/proto-loader';

/**
 * 64-bit integers are decimal strings because libvirt counters (CPU time in
 * ns) outgrow 2^53; enums are their names so logs and JSON read well; absent
 * scalars get their proto3 defaults so handlers never see `undefined` for a
 * scalar; set oneofs name the field.
 */
export const PROTO_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
} as const satisfies Options;
