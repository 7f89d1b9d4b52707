// Original file: strato/identity/v1/identity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateProjectRequest as _strato_identity_v1_CreateProjectRequest, CreateProjectRequest__Output as _strato_identity_v1_CreateProjectRequest__Output } from '../../../strato/identity/v1/CreateProjectRequest.ts';
import type { CreateUserRequest as _strato_identity_v1_CreateUserRequest, CreateUserRequest__Output as _strato_identity_v1_CreateUserRequest__Output } from '../../../strato/identity/v1/CreateUserRequest.ts';
import type { ListProjectsRequest as _strato_identity_v1_ListProjectsRequest, ListProjectsRequest__Output as _strato_identity_v1_ListProjectsRequest__Output } from '../../../strato/identity/v1/ListProjectsRequest.ts';
import type { ListProjectsResponse as _strato_identity_v1_ListProjectsResponse, ListProjectsResponse__Output as _strato_identity_v1_ListProjectsResponse__Output } from '../../../strato/identity/v1/ListProjectsResponse.ts';
import type { LoginRequest as _strato_identity_v1_LoginRequest, LoginRequest__Output as _strato_identity_v1_LoginRequest__Output } from '../../../strato/identity/v1/LoginRequest.ts';
import type { LoginResponse as _strato_identity_v1_LoginResponse, LoginResponse__Output as _strato_identity_v1_LoginResponse__Output } from '../../../strato/identity/v1/LoginResponse.ts';
import type { LogoutRequest as _strato_identity_v1_LogoutRequest, LogoutRequest__Output as _strato_identity_v1_LogoutRequest__Output } from '../../../strato/identity/v1/LogoutRequest.ts';
import type { LogoutResponse as _strato_identity_v1_LogoutResponse, LogoutResponse__Output as _strato_identity_v1_LogoutResponse__Output } from '../../../strato/identity/v1/LogoutResponse.ts';
import type { Project as _strato_identity_v1_Project, Project__Output as _strato_identity_v1_Project__Output } from '../../../strato/identity/v1/Project.ts';
import type { User as _strato_identity_v1_User, User__Output as _strato_identity_v1_User__Output } from '../../../strato/identity/v1/User.ts';
import type { WhoAmIRequest as _strato_identity_v1_WhoAmIRequest, WhoAmIRequest__Output as _strato_identity_v1_WhoAmIRequest__Output } from '../../../strato/identity/v1/WhoAmIRequest.ts';
import type { WhoAmIResponse as _strato_identity_v1_WhoAmIResponse, WhoAmIResponse__Output as _strato_identity_v1_WhoAmIResponse__Output } from '../../../strato/identity/v1/WhoAmIResponse.ts';

export interface IdentityClient extends grpc.Client {
  /**
   * CreateProject (admin only). The project comes with its "default" security
   * group, written with it. Errors: PERMISSION_DENIED (ADMIN_REQUIRED);
   * INVALID_ARGUMENT (NAME_INVALID); ALREADY_EXISTS (PROJECT_EXISTS).
   */
  CreateProject(argument: _strato_identity_v1_CreateProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  CreateProject(argument: _strato_identity_v1_CreateProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  CreateProject(argument: _strato_identity_v1_CreateProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  CreateProject(argument: _strato_identity_v1_CreateProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  /**
   * CreateProject (admin only). The project comes with its "default" security
   * group, written with it. Errors: PERMISSION_DENIED (ADMIN_REQUIRED);
   * INVALID_ARGUMENT (NAME_INVALID); ALREADY_EXISTS (PROJECT_EXISTS).
   */
  createProject(argument: _strato_identity_v1_CreateProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  createProject(argument: _strato_identity_v1_CreateProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  createProject(argument: _strato_identity_v1_CreateProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  createProject(argument: _strato_identity_v1_CreateProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  
  /**
   * CreateUser (admin only) makes a user with a role ("admin" or "member";
   * empty means member) in one project. User names are unique cloud-wide;
   * passwords are 8 to 1024 characters. Errors: PERMISSION_DENIED
   * (ADMIN_REQUIRED); INVALID_ARGUMENT (NAME_INVALID, PASSWORD_INVALID,
   * ROLE_INVALID); NOT_FOUND (PROJECT_NOT_FOUND); ALREADY_EXISTS (USER_EXISTS).
   */
  CreateUser(argument: _strato_identity_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _strato_identity_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _strato_identity_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _strato_identity_v1_CreateUserRequest, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  /**
   * CreateUser (admin only) makes a user with a role ("admin" or "member";
   * empty means member) in one project. User names are unique cloud-wide;
   * passwords are 8 to 1024 characters. Errors: PERMISSION_DENIED
   * (ADMIN_REQUIRED); INVALID_ARGUMENT (NAME_INVALID, PASSWORD_INVALID,
   * ROLE_INVALID); NOT_FOUND (PROJECT_NOT_FOUND); ALREADY_EXISTS (USER_EXISTS).
   */
  createUser(argument: _strato_identity_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _strato_identity_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _strato_identity_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _strato_identity_v1_CreateUserRequest, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListProjects: admins see all, others their own. Paginated (page_size 0
   * means 100, at most 1000), ordered by id.
   */
  ListProjects(argument: _strato_identity_v1_ListProjectsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  ListProjects(argument: _strato_identity_v1_ListProjectsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  ListProjects(argument: _strato_identity_v1_ListProjectsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  ListProjects(argument: _strato_identity_v1_ListProjectsRequest, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListProjects: admins see all, others their own. Paginated (page_size 0
   * means 100, at most 1000), ordered by id.
   */
  listProjects(argument: _strato_identity_v1_ListProjectsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  listProjects(argument: _strato_identity_v1_ListProjectsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  listProjects(argument: _strato_identity_v1_ListProjectsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  listProjects(argument: _strato_identity_v1_ListProjectsRequest, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Login exchanges a password for a token scoped to one project the user is a
   * member of. Not idempotent (each call mints a new token).
   * Errors: INVALID_ARGUMENT (empty fields); UNAUTHENTICATED (reason
   * BAD_CREDENTIALS) for an unknown user (also a name no user can have: too
   * long, control characters), a wrong password or a project the user is not
   * a member of — one reason for all three, so names cannot be probed.
   */
  Login(argument: _strato_identity_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _strato_identity_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _strato_identity_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _strato_identity_v1_LoginRequest, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Login exchanges a password for a token scoped to one project the user is a
   * member of. Not idempotent (each call mints a new token).
   * Errors: INVALID_ARGUMENT (empty fields); UNAUTHENTICATED (reason
   * BAD_CREDENTIALS) for an unknown user (also a name no user can have: too
   * long, control characters), a wrong password or a project the user is not
   * a member of — one reason for all three, so names cannot be probed.
   */
  login(argument: _strato_identity_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _strato_identity_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _strato_identity_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _strato_identity_v1_LoginRequest, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Logout revokes the calling token. Idempotent.
   */
  Logout(argument: _strato_identity_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _strato_identity_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _strato_identity_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _strato_identity_v1_LogoutRequest, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Logout revokes the calling token. Idempotent.
   */
  logout(argument: _strato_identity_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _strato_identity_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _strato_identity_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _strato_identity_v1_LogoutRequest, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * WhoAmI describes the calling token; user.role is the effective role
   * ("admin" only for cloud admins). Errors: UNAUTHENTICATED.
   */
  WhoAmI(argument: _strato_identity_v1_WhoAmIRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  WhoAmI(argument: _strato_identity_v1_WhoAmIRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  WhoAmI(argument: _strato_identity_v1_WhoAmIRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  WhoAmI(argument: _strato_identity_v1_WhoAmIRequest, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  /**
   * WhoAmI describes the calling token; user.role is the effective role
   * ("admin" only for cloud admins). Errors: UNAUTHENTICATED.
   */
  whoAmI(argument: _strato_identity_v1_WhoAmIRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  whoAmI(argument: _strato_identity_v1_WhoAmIRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  whoAmI(argument: _strato_identity_v1_WhoAmIRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  whoAmI(argument: _strato_identity_v1_WhoAmIRequest, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface IdentityHandlers extends grpc.UntypedServiceImplementation {
  /**
   * CreateProject (admin only). The project comes with its "default" security
   * group, written with it. Errors: PERMISSION_DENIED (ADMIN_REQUIRED);
   * INVALID_ARGUMENT (NAME_INVALID); ALREADY_EXISTS (PROJECT_EXISTS).
   */
  CreateProject: grpc.handleUnaryCall<_strato_identity_v1_CreateProjectRequest__Output, _strato_identity_v1_Project>;
  
  /**
   * CreateUser (admin only) makes a user with a role ("admin" or "member";
   * empty means member) in one project. User names are unique cloud-wide;
   * passwords are 8 to 1024 characters. Errors: PERMISSION_DENIED
   * (ADMIN_REQUIRED); INVALID_ARGUMENT (NAME_INVALID, PASSWORD_INVALID,
   * ROLE_INVALID); NOT_FOUND (PROJECT_NOT_FOUND); ALREADY_EXISTS (USER_EXISTS).
   */
  CreateUser: grpc.handleUnaryCall<_strato_identity_v1_CreateUserRequest__Output, _strato_identity_v1_User>;
  
  /**
   * ListProjects: admins see all, others their own. Paginated (page_size 0
   * means 100, at most 1000), ordered by id.
   */
  ListProjects: grpc.handleUnaryCall<_strato_identity_v1_ListProjectsRequest__Output, _strato_identity_v1_ListProjectsResponse>;
  
  /**
   * Login exchanges a password for a token scoped to one project the user is a
   * member of. Not idempotent (each call mints a new token).
   * Errors: INVALID_ARGUMENT (empty fields); UNAUTHENTICATED (reason
   * BAD_CREDENTIALS) for an unknown user (also a name no user can have: too
   * long, control characters), a wrong password or a project the user is not
   * a member of — one reason for all three, so names cannot be probed.
   */
  Login: grpc.handleUnaryCall<_strato_identity_v1_LoginRequest__Output, _strato_identity_v1_LoginResponse>;
  
  /**
   * Logout revokes the calling token. Idempotent.
   */
  Logout: grpc.handleUnaryCall<_strato_identity_v1_LogoutRequest__Output, _strato_identity_v1_LogoutResponse>;
  
  /**
   * WhoAmI describes the calling token; user.role is the effective role
   * ("admin" only for cloud admins). Errors: UNAUTHENTICATED.
   */
  WhoAmI: grpc.handleUnaryCall<_strato_identity_v1_WhoAmIRequest__Output, _strato_identity_v1_WhoAmIResponse>;
  
}

export interface IdentityDefinition extends grpc.ServiceDefinition {
  CreateProject: MethodDefinition<_strato_identity_v1_CreateProjectRequest, _strato_identity_v1_Project, _strato_identity_v1_CreateProjectRequest__Output, _strato_identity_v1_Project__Output>
  CreateUser: MethodDefinition<_strato_identity_v1_CreateUserRequest, _strato_identity_v1_User, _strato_identity_v1_CreateUserRequest__Output, _strato_identity_v1_User__Output>
  ListProjects: MethodDefinition<_strato_identity_v1_ListProjectsRequest, _strato_identity_v1_ListProjectsResponse, _strato_identity_v1_ListProjectsRequest__Output, _strato_identity_v1_ListProjectsResponse__Output>
  Login: MethodDefinition<_strato_identity_v1_LoginRequest, _strato_identity_v1_LoginResponse, _strato_identity_v1_LoginRequest__Output, _strato_identity_v1_LoginResponse__Output>
  Logout: MethodDefinition<_strato_identity_v1_LogoutRequest, _strato_identity_v1_LogoutResponse, _strato_identity_v1_LogoutRequest__Output, _strato_identity_v1_LogoutResponse__Output>
  WhoAmI: MethodDefinition<_strato_identity_v1_WhoAmIRequest, _strato_identity_v1_WhoAmIResponse, _strato_identity_v1_WhoAmIRequest__Output, _strato_identity_v1_WhoAmIResponse__Output>
}
