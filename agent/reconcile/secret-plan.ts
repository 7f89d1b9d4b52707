// The volume secrets a pass finds, against the volumes the host's domains record, as a
// pure plan. Only strato's secrets are ever looked at (usage `strato-volume-<id>`,
// agent/hypervisor/volume-secret.ts). A secret no domain records is a leftover (an
// instance deleted while the agent was away, an attach or spawn cut short): an orphan,
// removed as removal-plan.ts decides;
// one a domain records but the hypervisor lost (libvirtd keeps them in memory only) is
// put back when the agent holds the password, or reported: the conductor's re-sent
// AttachVolume restores it, and the domain cannot start without it. Volumes an
// operation is working on are left alone, and nothing is removed while any domain's
// record could not be read.

export interface SecretInput {
  /** Volume ids of the strato secrets on the host. */
  secrets: readonly string[];
  /** Volume id → instances whose domain records it; undefined when some domain's record was unreadable. */
  volumeRefs: ReadonlyMap<string, readonly string[]> | undefined;
  /** Volumes an operation holds right now. */
  busyVolumes: ReadonlySet<string>;
  /** Volumes whose password the agent holds (in memory). */
  knownPasswords: ReadonlySet<string>;
}

export interface MissingSecret {
  volumeId: string;
  instanceIds: string[];
}

export interface SecretPlan {
  /** Secrets no domain records: orphans. */
  orphanSecrets: string[];
  /** Recorded volumes without a secret whose password the agent holds: to put back. */
  restoreSecrets: string[];
  /** Recorded volumes without a secret the agent cannot put back: to report. */
  missingSecrets: MissingSecret[];
}

export function planSecrets(input: SecretInput): SecretPlan {
  const plan: SecretPlan = { orphanSecrets: [], restoreSecrets: [], missingSecrets: [] };
  const refs = input.volumeRefs;
  if (refs === undefined) return plan;
  const present = new Set(input.secrets);
  for (const volumeId of [...present].sort()) {
    if (!refs.has(volumeId) && !input.busyVolumes.has(volumeId)) plan.orphanSecrets.push(volumeId);
  }
  for (const volumeId of [...refs.keys()].sort()) {
    if (present.has(volumeId) || input.busyVolumes.has(volumeId)) continue;
    if (input.knownPasswords.has(volumeId)) plan.restoreSecrets.push(volumeId);
    else plan.missingSecrets.push({ volumeId, instanceIds: [...(refs.get(volumeId) ?? [])].sort() });
  }
  return plan;
}
