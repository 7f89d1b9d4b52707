// Original file: google/rpc/error_details.proto


/**
 * Describes the cause of the error with structured details.
 * 
 * strato: `reason` is the StratoError reason (UPPER_SNAKE, stable, part of the
 * API), `domain` is "strato.io", `metadata` holds StratoError.details.
 */
export interface ErrorInfo {
  /**
   * The reason of the error. A constant value that identifies the proximate
   * cause of the error. At most 63 characters, matching
   * /[A-Z][A-Z0-9_]+[A-Z0-9]/.
   */
  'reason'?: (string);
  /**
   * The logical grouping to which the "reason" belongs.
   */
  'domain'?: (string);
  /**
   * Additional structured details about this error.
   */
  'metadata'?: ({[key: string]: string});
}

/**
 * Describes the cause of the error with structured details.
 * 
 * strato: `reason` is the StratoError reason (UPPER_SNAKE, stable, part of the
 * API), `domain` is "strato.io", `metadata` holds StratoError.details.
 */
export interface ErrorInfo__Output {
  /**
   * The reason of the error. A constant value that identifies the proximate
   * cause of the error. At most 63 characters, matching
   * /[A-Z][A-Z0-9_]+[A-Z0-9]/.
   */
  'reason': (string);
  /**
   * The logical grouping to which the "reason" belongs.
   */
  'domain': (string);
  /**
   * Additional structured details about this error.
   */
  'metadata': ({[key: string]: string});
}
