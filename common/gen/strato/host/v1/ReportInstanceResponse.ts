// Original file: strato/host/v1/host.proto


export interface ReportInstanceResponse {
}

export interface ReportInstanceResponse__Output {
}
