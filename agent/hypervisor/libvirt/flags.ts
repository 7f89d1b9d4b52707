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

/** virDomainMigrateFlags (libvirt-domain.h). */
export const MigrateFlags = {
  LIVE: 1 << 0,
  PEER2PEER: 1 << 1,
  TUNNELLED: 1 << 2,
  PERSIST_DEST: 1 << 3,
  UNDEFINE_SOURCE: 1 << 4,
  PAUSED: 1 << 5,
  NON_SHARED_DISK: 1 << 6,
  NON_SHARED_INC: 1 << 7,
  CHANGE_PROTECTION: 1 << 8,
  UNSAFE: 1 << 9,
  OFFLINE: 1 << 10,
  COMPRESSED: 1 << 11,
  ABORT_ON_ERROR: 1 << 12,
  AUTO_CONVERGE: 1 << 13,
  POSTCOPY: 1 << 15,
  TLS: 1 << 16,
} as const;

/** VIR_MIGRATE_PARAM_* names (libvirt-domain.h). */
export const MigrateParam = {
  URI: 'migrate_uri',
  DEST_XML: 'destination_xml',
  PERSIST_XML: 'persistent_xml',
  BANDWIDTH: 'bandwidth',
  LISTEN_ADDRESS: 'listen_address',
  MIGRATE_DISKS: 'migrate_disks',
} as const;

/** virDomainGetJobStatsFlags. */
export const JobStatsFlags = {
  COMPLETED: 1 << 0,
  KEEP_COMPLETED: 1 << 1,
} as const;

/** virDomainJobType: NONE means no job runs (or, with COMPLETED, none finished). */
export const JobType = {
  NONE: 0,
  BOUNDED: 1,
  UNBOUNDED: 2,
  COMPLETED: 3,
  FAILED: 4,
  CANCELLED: 5,
} as const;
