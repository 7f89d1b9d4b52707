// Original file: strato/agent/v1/agent.proto


/**
 * An SSH public key for a guest.
 */
export interface PublicKey {
  /**
   * The key pair's name (a meta_data.json key).
   */
  'name'?: (string);
  /**
   * One OpenSSH line: "<type> <base64 key> [comment]".
   */
  'key'?: (string);
}

/**
 * An SSH public key for a guest.
 */
export interface PublicKey__Output {
  /**
   * The key pair's name (a meta_data.json key).
   */
  'name': (string);
  /**
   * One OpenSSH line: "<type> <base64 key> [comment]".
   */
  'key': (string);
}
