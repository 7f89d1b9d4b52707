// Original file: strato/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One iSCSI volume as the compute host attaches it. The CHAP secret travels
 * only in this request (mutual TLS) and lands only in a libvirt secret
 * (private, ephemeral: never written to disk by libvirt).
 */
export interface VolumeSpec {
  /**
   * Lower-case UUID; also the disk's serial.
   */
  'volumeId'?: (string);
  /**
   * vda (boot) or vdc..vdz.
   */
  'device'?: (string);
  /**
   * The storage host's portal, `address:port` (IPv6 in brackets).
   */
  'portal'?: (string);
  /**
   * iqn.2026-01.io.strato:<volume id>
   */
  'targetIqn'?: (string);
  'lun'?: (number);
  'chapUser'?: (string);
  'chapSecret'?: (string);
  /**
   * The iSCSI initiator name QEMU presents: this compute host's,
   * iqn.2026-01.io.strato:host:<host id>.
   */
  'initiatorName'?: (string);
  /**
   * The volume's size when attached.
   */
  'sizeBytes'?: (number | string | Long);
}

/**
 * One iSCSI volume as the compute host attaches it. The CHAP secret travels
 * only in this request (mutual TLS) and lands only in a libvirt secret
 * (private, ephemeral: never written to disk by libvirt).
 */
export interface VolumeSpec__Output {
  /**
   * Lower-case UUID; also the disk's serial.
   */
  'volumeId': (string);
  /**
   * vda (boot) or vdc..vdz.
   */
  'device': (string);
  /**
   * The storage host's portal, `address:port` (IPv6 in brackets).
   */
  'portal': (string);
  /**
   * iqn.2026-01.io.strato:<volume id>
   */
  'targetIqn': (string);
  'lun': (number);
  'chapUser': (string);
  'chapSecret': (string);
  /**
   * The iSCSI initiator name QEMU presents: this compute host's,
   * iqn.2026-01.io.strato:host:<host id>.
   */
  'initiatorName': (string);
  /**
   * The volume's size when attached.
   */
  'sizeBytes': (string);
}
