import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CreateProjectRequest as _strato_identity_v1_CreateProjectRequest, CreateProjectRequest__Output as _strato_identity_v1_CreateProjectRequest__Output } from './strato/identity/v1/CreateProjectRequest.ts';
import type { CreateUserRequest as _strato_identity_v1_CreateUserRequest, CreateUserRequest__Output as _strato_identity_v1_CreateUserRequest__Output } from './strato/identity/v1/CreateUserRequest.ts';
import type { DeleteProjectRequest as _strato_identity_v1_DeleteProjectRequest, DeleteProjectRequest__Output as _strato_identity_v1_DeleteProjectRequest__Output } from './strato/identity/v1/DeleteProjectRequest.ts';
import type { DeleteProjectResponse as _strato_identity_v1_DeleteProjectResponse, DeleteProjectResponse__Output as _strato_identity_v1_DeleteProjectResponse__Output } from './strato/identity/v1/DeleteProjectResponse.ts';
import type { DeleteUserRequest as _strato_identity_v1_DeleteUserRequest, DeleteUserRequest__Output as _strato_identity_v1_DeleteUserRequest__Output } from './strato/identity/v1/DeleteUserRequest.ts';
import type { DeleteUserResponse as _strato_identity_v1_DeleteUserResponse, DeleteUserResponse__Output as _strato_identity_v1_DeleteUserResponse__Output } from './strato/identity/v1/DeleteUserResponse.ts';
import type { GetProjectRequest as _strato_identity_v1_GetProjectRequest, GetProjectRequest__Output as _strato_identity_v1_GetProjectRequest__Output } from './strato/identity/v1/GetProjectRequest.ts';
import type { GetUserRequest as _strato_identity_v1_GetUserRequest, GetUserRequest__Output as _strato_identity_v1_GetUserRequest__Output } from './strato/identity/v1/GetUserRequest.ts';
import type { IdentityClient as _strato_identity_v1_IdentityClient, IdentityDefinition as _strato_identity_v1_IdentityDefinition } from './strato/identity/v1/Identity.ts';
import type { ListProjectsRequest as _strato_identity_v1_ListProjectsRequest, ListProjectsRequest__Output as _strato_identity_v1_ListProjectsRequest__Output } from './strato/identity/v1/ListProjectsRequest.ts';
import type { ListProjectsResponse as _strato_identity_v1_ListProjectsResponse, ListProjectsResponse__Output as _strato_identity_v1_ListProjectsResponse__Output } from './strato/identity/v1/ListProjectsResponse.ts';
import type { ListRoleAssignmentsRequest as _strato_identity_v1_ListRoleAssignmentsRequest, ListRoleAssignmentsRequest__Output as _strato_identity_v1_ListRoleAssignmentsRequest__Output } from './strato/identity/v1/ListRoleAssignmentsRequest.ts';
import type { ListRoleAssignmentsResponse as _strato_identity_v1_ListRoleAssignmentsResponse, ListRoleAssignmentsResponse__Output as _strato_identity_v1_ListRoleAssignmentsResponse__Output } from './strato/identity/v1/ListRoleAssignmentsResponse.ts';
import type { ListUsersRequest as _strato_identity_v1_ListUsersRequest, ListUsersRequest__Output as _strato_identity_v1_ListUsersRequest__Output } from './strato/identity/v1/ListUsersRequest.ts';
import type { ListUsersResponse as _strato_identity_v1_ListUsersResponse, ListUsersResponse__Output as _strato_identity_v1_ListUsersResponse__Output } from './strato/identity/v1/ListUsersResponse.ts';
import type { LoginRequest as _strato_identity_v1_LoginRequest, LoginRequest__Output as _strato_identity_v1_LoginRequest__Output } from './strato/identity/v1/LoginRequest.ts';
import type { LoginResponse as _strato_identity_v1_LoginResponse, LoginResponse__Output as _strato_identity_v1_LoginResponse__Output } from './strato/identity/v1/LoginResponse.ts';
import type { LogoutRequest as _strato_identity_v1_LogoutRequest, LogoutRequest__Output as _strato_identity_v1_LogoutRequest__Output } from './strato/identity/v1/LogoutRequest.ts';
import type { LogoutResponse as _strato_identity_v1_LogoutResponse, LogoutResponse__Output as _strato_identity_v1_LogoutResponse__Output } from './strato/identity/v1/LogoutResponse.ts';
import type { Project as _strato_identity_v1_Project, Project__Output as _strato_identity_v1_Project__Output } from './strato/identity/v1/Project.ts';
import type { RemoveRoleAssignmentResponse as _strato_identity_v1_RemoveRoleAssignmentResponse, RemoveRoleAssignmentResponse__Output as _strato_identity_v1_RemoveRoleAssignmentResponse__Output } from './strato/identity/v1/RemoveRoleAssignmentResponse.ts';
import type { RevokeTokenRequest as _strato_identity_v1_RevokeTokenRequest, RevokeTokenRequest__Output as _strato_identity_v1_RevokeTokenRequest__Output } from './strato/identity/v1/RevokeTokenRequest.ts';
import type { RevokeTokenResponse as _strato_identity_v1_RevokeTokenResponse, RevokeTokenResponse__Output as _strato_identity_v1_RevokeTokenResponse__Output } from './strato/identity/v1/RevokeTokenResponse.ts';
import type { RoleAssignment as _strato_identity_v1_RoleAssignment, RoleAssignment__Output as _strato_identity_v1_RoleAssignment__Output } from './strato/identity/v1/RoleAssignment.ts';
import type { RoleAssignmentRequest as _strato_identity_v1_RoleAssignmentRequest, RoleAssignmentRequest__Output as _strato_identity_v1_RoleAssignmentRequest__Output } from './strato/identity/v1/RoleAssignmentRequest.ts';
import type { UpdateProjectRequest as _strato_identity_v1_UpdateProjectRequest, UpdateProjectRequest__Output as _strato_identity_v1_UpdateProjectRequest__Output } from './strato/identity/v1/UpdateProjectRequest.ts';
import type { UpdateUserRequest as _strato_identity_v1_UpdateUserRequest, UpdateUserRequest__Output as _strato_identity_v1_UpdateUserRequest__Output } from './strato/identity/v1/UpdateUserRequest.ts';
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
        DeleteProjectRequest: MessageTypeDefinition<_strato_identity_v1_DeleteProjectRequest, _strato_identity_v1_DeleteProjectRequest__Output>
        DeleteProjectResponse: MessageTypeDefinition<_strato_identity_v1_DeleteProjectResponse, _strato_identity_v1_DeleteProjectResponse__Output>
        DeleteUserRequest: MessageTypeDefinition<_strato_identity_v1_DeleteUserRequest, _strato_identity_v1_DeleteUserRequest__Output>
        DeleteUserResponse: MessageTypeDefinition<_strato_identity_v1_DeleteUserResponse, _strato_identity_v1_DeleteUserResponse__Output>
        GetProjectRequest: MessageTypeDefinition<_strato_identity_v1_GetProjectRequest, _strato_identity_v1_GetProjectRequest__Output>
        GetUserRequest: MessageTypeDefinition<_strato_identity_v1_GetUserRequest, _strato_identity_v1_GetUserRequest__Output>
        Identity: SubtypeConstructor<typeof grpc.Client, _strato_identity_v1_IdentityClient> & { service: _strato_identity_v1_IdentityDefinition }
        ListProjectsRequest: MessageTypeDefinition<_strato_identity_v1_ListProjectsRequest, _strato_identity_v1_ListProjectsRequest__Output>
        ListProjectsResponse: MessageTypeDefinition<_strato_identity_v1_ListProjectsResponse, _strato_identity_v1_ListProjectsResponse__Output>
        ListRoleAssignmentsRequest: MessageTypeDefinition<_strato_identity_v1_ListRoleAssignmentsRequest, _strato_identity_v1_ListRoleAssignmentsRequest__Output>
        ListRoleAssignmentsResponse: MessageTypeDefinition<_strato_identity_v1_ListRoleAssignmentsResponse, _strato_identity_v1_ListRoleAssignmentsResponse__Output>
        ListUsersRequest: MessageTypeDefinition<_strato_identity_v1_ListUsersRequest, _strato_identity_v1_ListUsersRequest__Output>
        ListUsersResponse: MessageTypeDefinition<_strato_identity_v1_ListUsersResponse, _strato_identity_v1_ListUsersResponse__Output>
        LoginRequest: MessageTypeDefinition<_strato_identity_v1_LoginRequest, _strato_identity_v1_LoginRequest__Output>
        LoginResponse: MessageTypeDefinition<_strato_identity_v1_LoginResponse, _strato_identity_v1_LoginResponse__Output>
        LogoutRequest: MessageTypeDefinition<_strato_identity_v1_LogoutRequest, _strato_identity_v1_LogoutRequest__Output>
        LogoutResponse: MessageTypeDefinition<_strato_identity_v1_LogoutResponse, _strato_identity_v1_LogoutResponse__Output>
        Project: MessageTypeDefinition<_strato_identity_v1_Project, _strato_identity_v1_Project__Output>
        RemoveRoleAssignmentResponse: MessageTypeDefinition<_strato_identity_v1_RemoveRoleAssignmentResponse, _strato_identity_v1_RemoveRoleAssignmentResponse__Output>
        RevokeTokenRequest: MessageTypeDefinition<_strato_identity_v1_RevokeTokenRequest, _strato_identity_v1_RevokeTokenRequest__Output>
        RevokeTokenResponse: MessageTypeDefinition<_strato_identity_v1_RevokeTokenResponse, _strato_identity_v1_RevokeTokenResponse__Output>
        RoleAssignment: MessageTypeDefinition<_strato_identity_v1_RoleAssignment, _strato_identity_v1_RoleAssignment__Output>
        RoleAssignmentRequest: MessageTypeDefinition<_strato_identity_v1_RoleAssignmentRequest, _strato_identity_v1_RoleAssignmentRequest__Output>
        UpdateProjectRequest: MessageTypeDefinition<_strato_identity_v1_UpdateProjectRequest, _strato_identity_v1_UpdateProjectRequest__Output>
        UpdateUserRequest: MessageTypeDefinition<_strato_identity_v1_UpdateUserRequest, _strato_identity_v1_UpdateUserRequest__Output>
        User: MessageTypeDefinition<_strato_identity_v1_User, _strato_identity_v1_User__Output>
        WhoAmIRequest: MessageTypeDefinition<_strato_identity_v1_WhoAmIRequest, _strato_identity_v1_WhoAmIRequest__Output>
        WhoAmIResponse: MessageTypeDefinition<_strato_identity_v1_WhoAmIResponse, _strato_identity_v1_WhoAmIResponse__Output>
      }
    }
  }
}

