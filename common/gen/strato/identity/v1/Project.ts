// Original file: strato/identity/v1/identity.proto


export interface Project {
  'id'?: (string);
  'name'?: (string);
  'createdAt'?: (string);
  'description'?: (string);
  /**
   * '' until the first update.
   */
  'updatedAt'?: (string);
}

export interface Project__Output {
  'id': (string);
  'name': (string);
  'createdAt': (string);
  'description': (string);
  /**
   * '' until the first update.
   */
  'updatedAt': (string);
}
