// Original file: strato/host/v1/host.proto


/**
 * Objects on a host that carry strato's names but that the conductor does not
 * expect there, per kind. Additive: a kind the agent does not count stays 0.
 */
export interface Orphans {
  'domains'?: (number);
  'taps'?: (number);
  'bridges'?: (number);
  'namespaces'?: (number);
  'nftChains'?: (number);
  'tgtTargets'?: (number);
  'libvirtSecrets'?: (number);
  'imageCacheFiles'?: (number);
  'instanceDirs'?: (number);
  'domainLogs'?: (number);
}

/**
 * Objects on a host that carry strato's names but that the conductor does not
 * expect there, per kind. Additive: a kind the agent does not count stays 0.
 */
export interface Orphans__Output {
  'domains': (number);
  'taps': (number);
  'bridges': (number);
  'namespaces': (number);
  'nftChains': (number);
  'tgtTargets': (number);
  'libvirtSecrets': (number);
  'imageCacheFiles': (number);
  'instanceDirs': (number);
  'domainLogs': (number);
}
