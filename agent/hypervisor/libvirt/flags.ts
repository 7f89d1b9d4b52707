// Public constants of libvirt's API (include/libvirt/libvirt-domain.h, libvirt-secret.h)
// that strato passes as flags or reads back as states, as plain frozen objects.

export const DomainState = {
  NOSTATE: 0,
  RUNNING: 1,
  BLOCKED: 2,
  PAUSED: 3,
  SHUTDOWN: 4,
  SHUTOFF: 5,
  CRASHED: 6,
  PMSUSPENDED: 7,
} as const;
export type DomainStateName = keyof typeof DomainState;

export const ShutdownFlags = {
  DEFAULT: 0,
  ACPI_POWER_BTN: 1 << 0,
  GUEST_AGENT: 1 << 1,
  INITCTL: 1 << 2,
  SIGNAL: 1 << 3,
  PARAVIRT: 1 << 4,
} as const;

export const RebootFlags = ShutdownFlags;

export const DestroyFlags = {
  DEFAULT: 0,
  /** SIGTERM only, never SIGKILL: fails instead of killing a stuck QEMU. */
  GRACEFUL: 1 << 0,
  REMOVE_LOGS: 1 << 1,
} as const;

export const UndefineFlags = {
  MANAGED_SAVE: 1 << 0,
  SNAPSHOTS_METADATA: 1 << 1,
  NVRAM: 1 << 2,
  KEEP_NVRAM: 1 << 3,
  CHECKPOINTS_METADATA: 1 << 4,
  TPM: 1 << 5,
  KEEP_TPM: 1 << 6,
} as const;

/** virDomainModificationImpact / virDomainDeviceModifyFlags. */
export const AffectFlags = {
  CURRENT: 0,
  LIVE: 1 << 0,
  CONFIG: 1 << 1,
  FORCE: 1 << 2,
} as const;

export const StartFlags = {
  PAUSED: 1 << 0,
  AUTODESTROY: 1 << 1,
  BYPASS_CACHE: 1 << 2,
  FORCE_BOOT: 1 << 3,
  VALIDATE: 1 << 4,
  RESET_NVRAM: 1 << 5,
} as const;

export const DefineFlags = {
  VALIDATE: 1 << 0,
} as const;

export const SaveFlags = {
  BYPASS_CACHE: 1 << 0,
  RUNNING: 1 << 1,
  PAUSED: 1 << 2,
} as const;

export const XmlFlags = {
  SECURE: 1 << 0,
  INACTIVE: 1 << 1,
  UPDATE_CPU: 1 << 2,
  MIGRATABLE: 1 << 3,
} as const;

/** virDomainMetadataType. */
export const MetadataType = {
  DESCRIPTION: 0,
  TITLE: 1,
  ELEMENT: 2,
} as const;

export const BlockResizeFlags = {
  /** Size is in bytes, not KiB. */
  BYTES: 1 << 0,
} as const;

export const ListDomainsFlags = {
  ACTIVE: 1 << 0,
  INACTIVE: 1 << 1,
  PERSISTENT: 1 << 2,
  TRANSIENT: 1 << 3,
  RUNNING: 1 << 4,
  PAUSED: 1 << 5,
  SHUTOFF: 1 << 6,
  OTHER: 1 << 7,
  MANAGEDSAVE: 1 << 8,
} as const;

export const StatsGroups = {
  STATE: 1 << 0,
  CPU_TOTAL: 1 << 1,
  BALLOON: 1 << 2,
  VCPU: 1 << 3,
  INTERFACE: 1 << 4,
  BLOCK: 1 << 5,
  PERF: 1 << 6,
  IOTHREAD: 1 << 7,
  MEMORY: 1 << 8,
  DIRTYRATE: 1 << 9,
  VM: 1 << 10,
} as const;

export const StatsFlags = {
  ACTIVE: 1 << 0,
  INACTIVE: 1 << 1,
  RUNNING: 1 << 4,
  PAUSED: 1 << 5,
  SHUTOFF: 1 << 6,
  NOWAIT: 1 << 29,
  BACKING: 1 << 30,
  // 1 << 31 would be negative in JavaScript's int32 arithmetic; the wire takes it unsigned.
  ENFORCE_STATS: 0x80000000,
} as const;

export const SecretUsageType = {
  NONE: 0,
  VOLUME: 1,
  CEPH: 2,
  ISCSI: 3,
  TLS: 4,
  VTPM: 5,
} as const;

/** virDomainEventType, in wire order. */
export const LIFECYCLE_EVENTS = [
  'DEFINED',
  'UNDEFINED',
  'STARTED',
  'SUSPENDED',
  'RESUMED',
  'STOPPED',
  'SHUTDOWN',
  'PMSUSPENDED',
  'CRASHED',
] as const;
export type LifecycleEventName = (typeof LIFECYCLE_EVENTS)[number];

/** Detail names per event (virDomainEvent*DetailType), in wire order. */
export const LIFECYCLE_DETAILS: Record<LifecycleEventName, readonly string[]> = {
  DEFINED: ['ADDED', 'UPDATED', 'RENAMED', 'FROM_SNAPSHOT'],
  UNDEFINED: ['REMOVED', 'RENAMED'],
  STARTED: ['BOOTED', 'MIGRATED', 'RESTORED', 'FROM_SNAPSHOT', 'WAKEUP'],
  SUSPENDED: [
    'PAUSED',
    'MIGRATED',
    'IOERROR',
    'WATCHDOG',
    'RESTORED',
    'FROM_SNAPSHOT',
    'API_ERROR',
    'POSTCOPY',
    'POSTCOPY_FAILED',
  ],
  RESUMED: ['UNPAUSED', 'MIGRATED', 'FROM_SNAPSHOT', 'POSTCOPY', 'POSTCOPY_FAILED'],
  STOPPED: ['SHUTDOWN', 'DESTROYED', 'CRASHED', 'MIGRATED', 'SAVED', 'FAILED', 'FROM_SNAPSHOT'],
  SHUTDOWN: ['FINISHED', 'GUEST', 'HOST'],
  PMSUSPENDED: ['MEMORY', 'DISK'],
  CRASHED: ['PANICKED', 'CRASHLOADED'],
};
