// Original file: strato/host/v1/host.proto


export interface ListHostsRequest {
}

export interface ListHostsRequest__Output {
}
