// Original file: strato/compute/v1/keypair.proto


export interface KeyPair {
  'name'?: (string);
  /**
   * ssh-ed25519 | ssh-rsa | ecdsa-sha2-nistp256
   */
  'type'?: (string);
  /**
   * The OpenSSH line, canonical: type, base64 key, sanitised comment.
   */
  'publicKey'?: (string);
  /**
   * SHA256:<base64>, as `ssh-keygen -l` prints it.
   */
  'fingerprint'?: (string);
  'bits'?: (number);
  'userId'?: (string);
  'createdAt'?: (string);
}

export interface KeyPair__Output {
  'name': (string);
  /**
   * ssh-ed25519 | ssh-rsa | ecdsa-sha2-nistp256
   */
  'type': (string);
  /**
   * The OpenSSH line, canonical: type, base64 key, sanitised comment.
   */
  'publicKey': (string);
  /**
   * SHA256:<base64>, as `ssh-keygen -l` prints it.
   */
  'fingerprint': (string);
  'bits': (number);
  'userId': (string);
  'createdAt': (string);
}
