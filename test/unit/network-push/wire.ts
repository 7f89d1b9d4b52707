// What an agent reads of an ApplyNetworkStateRequest the conductor builds: encoded and
// decoded by the real protobuf codec (as grpc-js does on the wire), then converted by
// the agent's own edge converter into the driver's plain state.
import type { DesiredHostNetwork } from '../../../agent/network/network-driver.ts';
import { hostNetworkFromProto } from '../../../agent/server/network-from-proto.ts';
import type { ProtoGrpcType } from '../../../common/gen/agent_network.ts';
import type { ApplyNetworkStateRequest } from '../../../common/gen/strato/agent/v1/ApplyNetworkStateRequest.ts';
import { loadProtoPackage, toGrpcObject } from '../../../common/proto.ts';

export type AgentReader = (req: ApplyNetworkStateRequest) => DesiredHostNetwork;

export async function agentReader(): Promise<AgentReader> {
  const proto = toGrpcObject<ProtoGrpcType>(await loadProtoPackage());
  const rpc = proto.strato.agent.v1.AgentNetwork.service.ApplyNetworkState;
  return (req) => hostNetworkFromProto(rpc.requestDeserialize(rpc.requestSerialize(req)).state);
}
