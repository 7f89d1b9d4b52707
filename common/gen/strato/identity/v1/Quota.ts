// Original file: strato/identity/v1/quota.proto

import type { QuotaUsage as _strato_identity_v1_QuotaUsage, QuotaUsage__Output as _strato_identity_v1_QuotaUsage__Output } from '../../../strato/identity/v1/QuotaUsage.ts';

export interface Quota {
  'projectId'?: (string);
  /**
   * Every resource, in the order listed above.
   */
  'usage'?: (_strato_identity_v1_QuotaUsage)[];
}

export interface Quota__Output {
  'projectId': (string);
  /**
   * Every resource, in the order listed above.
   */
  'usage': (_strato_identity_v1_QuotaUsage__Output)[];
}
