// Original file: strato/compute/v1/server.proto


export interface UpdateServerRequest {
  /**
   * Server id or name.
   */
  'server'?: (string);
  /**
   * The new name; '' = unchanged.
   */
  'name'?: (string);
  /**
   * Metadata items to add or replace.
   */
  'setMetadata'?: ({[key: string]: string});
  /**
   * Metadata keys to remove (absent keys are ignored).
   */
  'unsetMetadata'?: (string)[];
}

export interface UpdateServerRequest__Output {
  /**
   * Server id or name.
   */
  'server': (string);
  /**
   * The new name; '' = unchanged.
   */
  'name': (string);
  /**
   * Metadata items to add or replace.
   */
  'setMetadata': ({[key: string]: string});
  /**
   * Metadata keys to remove (absent keys are ignored).
   */
  'unsetMetadata': (string)[];
}
