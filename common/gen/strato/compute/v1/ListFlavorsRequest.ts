// Original file: strato/compute/v1/flavor.proto


export interface ListFlavorsRequest {
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListFlavorsRequest__Output {
  'pageSize': (number);
  'pageToken': (string);
}
