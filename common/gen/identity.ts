import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateProjectRequest as _strato_identity_v1_CreateProjectRequest, CreateProjectRequest__Output as _strato_identity_v1_CreateProjectRequest__Output } from './strato/identity/v1/CreateProjectRequest.ts';
import type { CreateUserRequest as _strato_identity_v1_CreateUserRequest, CreateUserRequest__Output as _strato_identity_v1_CreateUserRequest__Output } from './strato/identity/v1/CreateUserRequest.ts';
import type { IdentityClient as _strato_identity_v1_IdentityClient, IdentityDefinition as _strato_identity_v1_IdentityDefinition } from './strato/identity/v1/Identity.ts';
import type { ListProjectsRequest as _strato_identity_v1_ListProjectsRequest, ListProjectsRequest__Output as _strato_identity_v1_ListProjectsRequest__Output } from './strato/identity/v1/ListProjectsRequest.ts';
import type { ListProjectsResponse as _strato_identity_v1_ListProjectsResponse, ListProjectsResponse__Output as _strato_identity_v1_ListProjectsResponse__Output } from './strato/identity/v1/ListProjectsResponse.ts';
import type { LoginRequest as _strato_identity_v1_LoginRequest, LoginRequest__Output as _strato_identity_v1_LoginRequest__Output } from './strato/identity/v1/LoginRequest.ts';
import type { LoginResponse as _strato_identity_v1_LoginResponse, LoginResponse__Output as _strato_identity_v1_LoginResponse__Output } from './strato/identity/v1/LoginResponse.ts';
import type { LogoutRequest as _strato_identity_v1_LogoutRequest, LogoutRequest__Output as _strato_identity_v1_LogoutRequest__Output } from './strato/identity/v1/LogoutRequest.ts';
import type { LogoutResponse as _strato_identity_v1_LogoutResponse, LogoutResponse__Output as _strato_identity_v1_LogoutResponse__Output } from './strato/identity/v1/LogoutResponse.ts';
import type { Project as _strato_identity_v1_Project, Project__Output as _strato_identity_v1_Project__Output } from './strato/identity/v1/Project.ts';
import type { User as _strato_identity_v1_User, User__Output as _strato_identity_v1_User__Output } from './strato/identity/v1/User.ts';
import type { WhoAmIRequest as _strato_identity_v1_WhoAmIRequest, WhoAmIRequest__Output as _strato_identity_v1_WhoAmIRequest__Output } from './strato/identity/v1/WhoAmIRequest.ts';
import type { WhoAmIResponse as _strato_identity_v1_WhoAmIResponse, WhoAmIResponse__Output as _strato_identity_v1_WhoAmIResponse__Output } from './strato/identity/v1/WhoAmIResponse.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strato: {
    identity: {
      v1: {
        CreateProjectRequest: MessageTypeDefinition<_strato_identity_v1_CreateProjectRequest, _strato_identity_v1_CreateProjectRequest__Output>
        CreateUserRequest: MessageTypeDefinition<_strato_identity_v1_CreateUserRequest, _strato_identity_v1_CreateUserRequest__Output>
        Identity: SubtypeConstructor<typeof grpc.Client, _strato_identity_v1_IdentityClient> & { service: _strato_identity_v1_IdentityDefinition }
        ListProjectsRequest: MessageTypeDefinition<_strato_identity_v1_ListProjectsRequest, _strato_identity_v1_ListProjectsRequest__Output>
        ListProjectsResponse: MessageTypeDefinition<_strato_identity_v1_ListProjectsResponse, _strato_identity_v1_ListProjectsResponse__Output>
        LoginRequest: MessageTypeDefinition<_strato_identity_v1_LoginRequest, _strato_identity_v1_LoginRequest__Output>
        LoginResponse: MessageTypeDefinition<_strato_identity_v1_LoginResponse, _strato_identity_v1_LoginResponse__Output>
        LogoutRequest: MessageTypeDefinition<_strato_identity_v1_LogoutRequest, _strato_identity_v1_LogoutRequest__Output>
        LogoutResponse: MessageTypeDefinition<_strato_identity_v1_LogoutResponse, _strato_identity_v1_LogoutResponse__Output>
        Project: MessageTypeDefinition<_strato_identity_v1_Project, _strato_identity_v1_Project__Output>
        User: MessageTypeDefinition<_strato_identity_v1_User, _strato_identity_v1_User__Output>
        WhoAmIRequest: MessageTypeDefinition<_strato_identity_v1_WhoAmIRequest, _strato_identity_v1_WhoAmIRequest__Output>
        WhoAmIResponse: MessageTypeDefinition<_strato_identity_v1_WhoAmIResponse, _strato_identity_v1_WhoAmIResponse__Output>
      }
    }
  }
}

