// Original file: strato/host/v1/host.proto


/**
 * Over-commit factors, as in Nova/Placement: the scheduler places up to
 * (capacity - reserved) x ratio of each resource on a host.
 */
export interface AllocationRatio {
  'cpu'?: (number | string);
  'ram'?: (number | string);
  'disk'?: (number | string);
}

/**
 * Over-commit factors, as in Nova/Placement: the scheduler places up to
 * (capacity - reserved) x ratio of each resource on a host.
 */
export interface AllocationRatio__Output {
  'cpu': (number);
  'ram': (number);
  'disk': (number);
}
