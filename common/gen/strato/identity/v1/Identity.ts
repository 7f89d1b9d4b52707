// Original file: strato/identity/v1/identity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateProjectRequest as _strato_identity_v1_CreateProjectRequest, CreateProjectRequest__Output as _strato_identity_v1_CreateProjectRequest__Output } from '../../../strato/identity/v1/CreateProjectRequest.ts';
import type { CreateUserRequest as _strato_identity_v1_CreateUserRequest, CreateUserRequest__Output as _strato_identity_v1_CreateUserRequest__Output } from '../../../strato/identity/v1/CreateUserRequest.ts';
import type { DeleteProjectRequest as _strato_identity_v1_DeleteProjectRequest, DeleteProjectRequest__Output as _strato_identity_v1_DeleteProjectRequest__Output } from '../../../strato/identity/v1/DeleteProjectRequest.ts';
import type { DeleteProjectResponse as _strato_identity_v1_DeleteProjectResponse, DeleteProjectResponse__Output as _strato_identity_v1_DeleteProjectResponse__Output } from '../../../strato/identity/v1/DeleteProjectResponse.ts';
import type { DeleteUserRequest as _strato_identity_v1_DeleteUserRequest, DeleteUserRequest__Output as _strato_identity_v1_DeleteUserRequest__Output } from '../../../strato/identity/v1/DeleteUserRequest.ts';
import type { DeleteUserResponse as _strato_identity_v1_DeleteUserResponse, DeleteUserResponse__Output as _strato_identity_v1_DeleteUserResponse__Output } from '../../../strato/identity/v1/DeleteUserResponse.ts';
import type { GetProjectRequest as _strato_identity_v1_GetProjectRequest, GetProjectRequest__Output as _strato_identity_v1_GetProjectRequest__Output } from '../../../strato/identity/v1/GetProjectRequest.ts';
import type { GetUserRequest as _strato_identity_v1_GetUserRequest, GetUserRequest__Output as _strato_identity_v1_GetUserRequest__Output } from '../../../strato/identity/v1/GetUserRequest.ts';
import type { ListProjectsRequest as _strato_identity_v1_ListProjectsRequest, ListProjectsRequest__Output as _strato_identity_v1_ListProjectsRequest__Output } from '../../../strato/identity/v1/ListProjectsRequest.ts';
import type { ListProjectsResponse as _strato_identity_v1_ListProjectsResponse, ListProjectsResponse__Output as _strato_identity_v1_ListProjectsResponse__Output } from '../../../strato/identity/v1/ListProjectsResponse.ts';
import type { ListRoleAssignmentsRequest as _strato_identity_v1_ListRoleAssignmentsRequest, ListRoleAssignmentsRequest__Output as _strato_identity_v1_ListRoleAssignmentsRequest__Output } from '../../../strato/identity/v1/ListRoleAssignmentsRequest.ts';
import type { ListRoleAssignmentsResponse as _strato_identity_v1_ListRoleAssignmentsResponse, ListRoleAssignmentsResponse__Output as _strato_identity_v1_ListRoleAssignmentsResponse__Output } from '../../../strato/identity/v1/ListRoleAssignmentsResponse.ts';
import type { ListUsersRequest as _strato_identity_v1_ListUsersRequest, ListUsersRequest__Output as _strato_identity_v1_ListUsersRequest__Output } from '../../../strato/identity/v1/ListUsersRequest.ts';
import type { ListUsersResponse as _strato_identity_v1_ListUsersResponse, ListUsersResponse__Output as _strato_identity_v1_ListUsersResponse__Output } from '../../../strato/identity/v1/ListUsersResponse.ts';
import type { LoginRequest as _strato_identity_v1_LoginRequest, LoginRequest__Output as _strato_identity_v1_LoginRequest__Output } from '../../../strato/identity/v1/LoginRequest.ts';
import type { LoginResponse as _strato_identity_v1_LoginResponse, LoginResponse__Output as _strato_identity_v1_LoginResponse__Output } from '../../../strato/identity/v1/LoginResponse.ts';
import type { LogoutRequest as _strato_identity_v1_LogoutRequest, LogoutRequest__Output as _strato_identity_v1_LogoutRequest__Output } from '../../../strato/identity/v1/LogoutRequest.ts';
import type { LogoutResponse as _strato_identity_v1_LogoutResponse, LogoutResponse__Output as _strato_identity_v1_LogoutResponse__Output } from '../../../strato/identity/v1/LogoutResponse.ts';
import type { Project as _strato_identity_v1_Project, Project__Output as _strato_identity_v1_Project__Output } from '../../../strato/identity/v1/Project.ts';
import type { RemoveRoleAssignmentResponse as _strato_identity_v1_RemoveRoleAssignmentResponse, RemoveRoleAssignmentResponse__Output as _strato_identity_v1_RemoveRoleAssignmentResponse__Output } from '../../../strato/identity/v1/RemoveRoleAssignmentResponse.ts';
import type { RevokeTokenRequest as _strato_identity_v1_RevokeTokenRequest, RevokeTokenRequest__Output as _strato_identity_v1_RevokeTokenRequest__Output } from '../../../strato/identity/v1/RevokeTokenRequest.ts';
import type { RevokeTokenResponse as _strato_identity_v1_RevokeTokenResponse, RevokeTokenResponse__Output as _strato_identity_v1_RevokeTokenResponse__Output } from '../../../strato/identity/v1/RevokeTokenResponse.ts';
import type { RoleAssignment as _strato_identity_v1_RoleAssignment, RoleAssignment__Output as _strato_identity_v1_RoleAssignment__Output } from '../../../strato/identity/v1/RoleAssignment.ts';
import type { RoleAssignmentRequest as _strato_identity_v1_RoleAssignmentRequest, RoleAssignmentRequest__Output as _strato_identity_v1_RoleAssignmentRequest__Output } from '../../../strato/identity/v1/RoleAssignmentRequest.ts';
import type { UpdateProjectRequest as _strato_identity_v1_UpdateProjectRequest, UpdateProjectRequest__Output as _strato_identity_v1_UpdateProjectRequest__Output } from '../../../strato/identity/v1/UpdateProjectRequest.ts';
import type { UpdateUserRequest as _strato_identity_v1_UpdateUserRequest, UpdateUserRequest__Output as _strato_identity_v1_UpdateUserRequest__Output } from '../../../strato/identity/v1/UpdateUserRequest.ts';
import type { User as _strato_identity_v1_User, User__Output as _strato_identity_v1_User__Output } from '../../../strato/identity/v1/User.ts';
import type { WhoAmIRequest as _strato_identity_v1_WhoAmIRequest, WhoAmIRequest__Output as _strato_identity_v1_WhoAmIRequest__Output } from '../../../strato/identity/v1/WhoAmIRequest.ts';
import type { WhoAmIResponse as _strato_identity_v1_WhoAmIResponse, WhoAmIResponse__Output as _strato_identity_v1_WhoAmIResponse__Output } from '../../../strato/identity/v1/WhoAmIResponse.ts';

export interface IdentityClient extends grpc.Client {
  /**
   * AddRoleAssignment grants `role` to `user` in `project`. Idempotent (a
   * role held already changes nothing). Policy: admin. Errors: NOT_FOUND
   * (USER_NOT_FOUND, PROJECT_NOT_FOUND); INVALID_ARGUMENT (ROLE_INVALID; the
   * role is required here).
   */
  AddRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RoleAssignment__Output>): grpc.ClientUnaryCall;
  AddRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_RoleAssignment__Output>): grpc.ClientUnaryCall;
  AddRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RoleAssignment__Output>): grpc.ClientUnaryCall;
  AddRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, callback: grpc.requestCallback<_strato_identity_v1_RoleAssignment__Output>): grpc.ClientUnaryCall;
  /**
   * AddRoleAssignment grants `role` to `user` in `project`. Idempotent (a
   * role held already changes nothing). Policy: admin. Errors: NOT_FOUND
   * (USER_NOT_FOUND, PROJECT_NOT_FOUND); INVALID_ARGUMENT (ROLE_INVALID; the
   * role is required here).
   */
  addRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RoleAssignment__Output>): grpc.ClientUnaryCall;
  addRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_RoleAssignment__Output>): grpc.ClientUnaryCall;
  addRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RoleAssignment__Output>): grpc.ClientUnaryCall;
  addRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, callback: grpc.requestCallback<_strato_identity_v1_RoleAssignment__Output>): grpc.ClientUnaryCall;
  
  /**
   * CreateProject. The project comes with its "default" security group,
   * written with it. Policy: admin. Errors: INVALID_ARGUMENT (NAME_INVALID,
   * DESCRIPTION_INVALID); ALREADY_EXISTS (PROJECT_EXISTS).
   */
  CreateProject(argument: _strato_identity_v1_CreateProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  CreateProject(argument: _strato_identity_v1_CreateProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  CreateProject(argument: _strato_identity_v1_CreateProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  CreateProject(argument: _strato_identity_v1_CreateProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  /**
   * CreateProject. The project comes with its "default" security group,
   * written with it. Policy: admin. Errors: INVALID_ARGUMENT (NAME_INVALID,
   * DESCRIPTION_INVALID); ALREADY_EXISTS (PROJECT_EXISTS).
   */
  createProject(argument: _strato_identity_v1_CreateProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  createProject(argument: _strato_identity_v1_CreateProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  createProject(argument: _strato_identity_v1_CreateProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  createProject(argument: _strato_identity_v1_CreateProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  
  /**
   * CreateUser makes a user whose default project is `project`, holding
   * `role` there ("admin", "member" or "reader"; empty means member). User
   * names are unique cloud-wide; passwords are 8 to 1024 characters. Policy:
   * admin. Errors: INVALID_ARGUMENT (NAME_INVALID, PASSWORD_INVALID,
   * ROLE_INVALID); NOT_FOUND (PROJECT_NOT_FOUND); ALREADY_EXISTS (USER_EXISTS).
   */
  CreateUser(argument: _strato_identity_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _strato_identity_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _strato_identity_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  CreateUser(argument: _strato_identity_v1_CreateUserRequest, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  /**
   * CreateUser makes a user whose default project is `project`, holding
   * `role` there ("admin", "member" or "reader"; empty means member). User
   * names are unique cloud-wide; passwords are 8 to 1024 characters. Policy:
   * admin. Errors: INVALID_ARGUMENT (NAME_INVALID, PASSWORD_INVALID,
   * ROLE_INVALID); NOT_FOUND (PROJECT_NOT_FOUND); ALREADY_EXISTS (USER_EXISTS).
   */
  createUser(argument: _strato_identity_v1_CreateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _strato_identity_v1_CreateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _strato_identity_v1_CreateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  createUser(argument: _strato_identity_v1_CreateUserRequest, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteProject deletes a project that owns nothing any more, with its role
   * assignments (their tokens stop at once) and its default security group.
   * Policy: admin. Errors: NOT_FOUND (PROJECT_NOT_FOUND; a retrying caller may
   * take it as success); FAILED_PRECONDITION (PROJECT_NOT_EMPTY: the message
   * names what remains and details map each kind — servers, images, networks,
   * subnets, ports, security_groups (beyond default), volumes, snapshots … —
   * to its count; PROJECT_PROTECTED: project admin).
   */
  DeleteProject(argument: _strato_identity_v1_DeleteProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_DeleteProjectResponse__Output>): grpc.ClientUnaryCall;
  DeleteProject(argument: _strato_identity_v1_DeleteProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_DeleteProjectResponse__Output>): grpc.ClientUnaryCall;
  DeleteProject(argument: _strato_identity_v1_DeleteProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_DeleteProjectResponse__Output>): grpc.ClientUnaryCall;
  DeleteProject(argument: _strato_identity_v1_DeleteProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_DeleteProjectResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteProject deletes a project that owns nothing any more, with its role
   * assignments (their tokens stop at once) and its default security group.
   * Policy: admin. Errors: NOT_FOUND (PROJECT_NOT_FOUND; a retrying caller may
   * take it as success); FAILED_PRECONDITION (PROJECT_NOT_EMPTY: the message
   * names what remains and details map each kind — servers, images, networks,
   * subnets, ports, security_groups (beyond default), volumes, snapshots … —
   * to its count; PROJECT_PROTECTED: project admin).
   */
  deleteProject(argument: _strato_identity_v1_DeleteProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_DeleteProjectResponse__Output>): grpc.ClientUnaryCall;
  deleteProject(argument: _strato_identity_v1_DeleteProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_DeleteProjectResponse__Output>): grpc.ClientUnaryCall;
  deleteProject(argument: _strato_identity_v1_DeleteProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_DeleteProjectResponse__Output>): grpc.ClientUnaryCall;
  deleteProject(argument: _strato_identity_v1_DeleteProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_DeleteProjectResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * DeleteUser deletes a user and its role assignments; its tokens stop at
   * once. Policy: admin. Errors: NOT_FOUND (USER_NOT_FOUND); FAILED_PRECONDITION
   * (LAST_CLOUD_ADMIN).
   */
  DeleteUser(argument: _strato_identity_v1_DeleteUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _strato_identity_v1_DeleteUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _strato_identity_v1_DeleteUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  DeleteUser(argument: _strato_identity_v1_DeleteUserRequest, callback: grpc.requestCallback<_strato_identity_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  /**
   * DeleteUser deletes a user and its role assignments; its tokens stop at
   * once. Policy: admin. Errors: NOT_FOUND (USER_NOT_FOUND); FAILED_PRECONDITION
   * (LAST_CLOUD_ADMIN).
   */
  deleteUser(argument: _strato_identity_v1_DeleteUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _strato_identity_v1_DeleteUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _strato_identity_v1_DeleteUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  deleteUser(argument: _strato_identity_v1_DeleteUserRequest, callback: grpc.requestCallback<_strato_identity_v1_DeleteUserResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetProject by name or id. Policy: reader (a project the caller holds a
   * role in; the cloud admin: any). Errors: NOT_FOUND (PROJECT_NOT_FOUND, also
   * for a project the caller holds no role in).
   */
  GetProject(argument: _strato_identity_v1_GetProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  GetProject(argument: _strato_identity_v1_GetProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  GetProject(argument: _strato_identity_v1_GetProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  GetProject(argument: _strato_identity_v1_GetProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  /**
   * GetProject by name or id. Policy: reader (a project the caller holds a
   * role in; the cloud admin: any). Errors: NOT_FOUND (PROJECT_NOT_FOUND, also
   * for a project the caller holds no role in).
   */
  getProject(argument: _strato_identity_v1_GetProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  getProject(argument: _strato_identity_v1_GetProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  getProject(argument: _strato_identity_v1_GetProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  getProject(argument: _strato_identity_v1_GetProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  
  /**
   * GetUser by name or id; role is the user's role in its default project.
   * Policy: admin. Errors: NOT_FOUND (USER_NOT_FOUND).
   */
  GetUser(argument: _strato_identity_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _strato_identity_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _strato_identity_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  GetUser(argument: _strato_identity_v1_GetUserRequest, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  /**
   * GetUser by name or id; role is the user's role in its default project.
   * Policy: admin. Errors: NOT_FOUND (USER_NOT_FOUND).
   */
  getUser(argument: _strato_identity_v1_GetUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _strato_identity_v1_GetUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _strato_identity_v1_GetUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getUser(argument: _strato_identity_v1_GetUserRequest, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListProjects: the cloud admin sees all, others the projects they hold a
   * role in. Policy: any token. Paginated (page_size 0 means 100, at most
   * 1000), ordered by id.
   */
  ListProjects(argument: _strato_identity_v1_ListProjectsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  ListProjects(argument: _strato_identity_v1_ListProjectsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  ListProjects(argument: _strato_identity_v1_ListProjectsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  ListProjects(argument: _strato_identity_v1_ListProjectsRequest, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListProjects: the cloud admin sees all, others the projects they hold a
   * role in. Policy: any token. Paginated (page_size 0 means 100, at most
   * 1000), ordered by id.
   */
  listProjects(argument: _strato_identity_v1_ListProjectsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  listProjects(argument: _strato_identity_v1_ListProjectsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  listProjects(argument: _strato_identity_v1_ListProjectsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  listProjects(argument: _strato_identity_v1_ListProjectsRequest, callback: grpc.requestCallback<_strato_identity_v1_ListProjectsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListRoleAssignments: one entry per user × project × role, of one user,
   * one project, both or all. Paginated by user × project pairs (page_size 0
   * means 100, at most 1000; a page holds every role of its pairs). Policy:
   * admin. Errors: NOT_FOUND (USER_NOT_FOUND, PROJECT_NOT_FOUND).
   */
  ListRoleAssignments(argument: _strato_identity_v1_ListRoleAssignmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListRoleAssignmentsResponse__Output>): grpc.ClientUnaryCall;
  ListRoleAssignments(argument: _strato_identity_v1_ListRoleAssignmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_ListRoleAssignmentsResponse__Output>): grpc.ClientUnaryCall;
  ListRoleAssignments(argument: _strato_identity_v1_ListRoleAssignmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListRoleAssignmentsResponse__Output>): grpc.ClientUnaryCall;
  ListRoleAssignments(argument: _strato_identity_v1_ListRoleAssignmentsRequest, callback: grpc.requestCallback<_strato_identity_v1_ListRoleAssignmentsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListRoleAssignments: one entry per user × project × role, of one user,
   * one project, both or all. Paginated by user × project pairs (page_size 0
   * means 100, at most 1000; a page holds every role of its pairs). Policy:
   * admin. Errors: NOT_FOUND (USER_NOT_FOUND, PROJECT_NOT_FOUND).
   */
  listRoleAssignments(argument: _strato_identity_v1_ListRoleAssignmentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListRoleAssignmentsResponse__Output>): grpc.ClientUnaryCall;
  listRoleAssignments(argument: _strato_identity_v1_ListRoleAssignmentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_ListRoleAssignmentsResponse__Output>): grpc.ClientUnaryCall;
  listRoleAssignments(argument: _strato_identity_v1_ListRoleAssignmentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListRoleAssignmentsResponse__Output>): grpc.ClientUnaryCall;
  listRoleAssignments(argument: _strato_identity_v1_ListRoleAssignmentsRequest, callback: grpc.requestCallback<_strato_identity_v1_ListRoleAssignmentsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * ListUsers: every user, or (with `project`) those holding a role in it.
   * Paginated (page_size 0 means 100, at most 1000), ordered by id. Policy:
   * admin. Errors: NOT_FOUND (PROJECT_NOT_FOUND).
   */
  ListUsers(argument: _strato_identity_v1_ListUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _strato_identity_v1_ListUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _strato_identity_v1_ListUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  ListUsers(argument: _strato_identity_v1_ListUsersRequest, callback: grpc.requestCallback<_strato_identity_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ListUsers: every user, or (with `project`) those holding a role in it.
   * Paginated (page_size 0 means 100, at most 1000), ordered by id. Policy:
   * admin. Errors: NOT_FOUND (PROJECT_NOT_FOUND).
   */
  listUsers(argument: _strato_identity_v1_ListUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _strato_identity_v1_ListUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _strato_identity_v1_ListUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  listUsers(argument: _strato_identity_v1_ListUsersRequest, callback: grpc.requestCallback<_strato_identity_v1_ListUsersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Login exchanges a password for a token scoped to one project the user
   * holds a role in (`project`, or the user's default project when empty).
   * Policy: public. Not idempotent (each call mints a new token).
   * Errors: INVALID_ARGUMENT (empty fields); UNAUTHENTICATED (reason
   * BAD_CREDENTIALS) for an unknown user (also a name no user can have: too
   * long, control characters), a disabled user, a wrong password or a project
   * the user holds no role in — one reason for all, so names cannot be
   * probed; RESOURCE_EXHAUSTED (LOGIN_THROTTLED, details.retryAfterS: seconds
   * to wait) after too many failures for this user from this address, from
   * this address for any user, or for a user under attack from an address
   * that failed for it: the wait doubles with each further failure. An
   * address with no failures for a user is never held back by failures from
   * elsewhere, so a stranger cannot lock a user out. Only a wrong password
   * (or unknown or disabled user) counts as a failure: the right password
   * with a project the user holds no role in is no guess.
   */
  Login(argument: _strato_identity_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _strato_identity_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _strato_identity_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  Login(argument: _strato_identity_v1_LoginRequest, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Login exchanges a password for a token scoped to one project the user
   * holds a role in (`project`, or the user's default project when empty).
   * Policy: public. Not idempotent (each call mints a new token).
   * Errors: INVALID_ARGUMENT (empty fields); UNAUTHENTICATED (reason
   * BAD_CREDENTIALS) for an unknown user (also a name no user can have: too
   * long, control characters), a disabled user, a wrong password or a project
   * the user holds no role in — one reason for all, so names cannot be
   * probed; RESOURCE_EXHAUSTED (LOGIN_THROTTLED, details.retryAfterS: seconds
   * to wait) after too many failures for this user from this address, from
   * this address for any user, or for a user under attack from an address
   * that failed for it: the wait doubles with each further failure. An
   * address with no failures for a user is never held back by failures from
   * elsewhere, so a stranger cannot lock a user out. Only a wrong password
   * (or unknown or disabled user) counts as a failure: the right password
   * with a project the user holds no role in is no guess.
   */
  login(argument: _strato_identity_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _strato_identity_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _strato_identity_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  login(argument: _strato_identity_v1_LoginRequest, callback: grpc.requestCallback<_strato_identity_v1_LoginResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Logout revokes the calling token. Policy: any token. Idempotent.
   */
  Logout(argument: _strato_identity_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _strato_identity_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _strato_identity_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _strato_identity_v1_LogoutRequest, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Logout revokes the calling token. Policy: any token. Idempotent.
   */
  logout(argument: _strato_identity_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _strato_identity_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _strato_identity_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _strato_identity_v1_LogoutRequest, callback: grpc.requestCallback<_strato_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * RemoveRoleAssignment revokes `role` from `user` in `project`; the user's
   * tokens for that project lose it at once (and stop working with its last
   * role there). Policy: admin. Errors: NOT_FOUND (USER_NOT_FOUND,
   * PROJECT_NOT_FOUND, ROLE_ASSIGNMENT_NOT_FOUND: a retrying caller may take
   * it as success); INVALID_ARGUMENT (ROLE_INVALID); FAILED_PRECONDITION
   * (LAST_CLOUD_ADMIN).
   */
  RemoveRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RemoveRoleAssignmentResponse__Output>): grpc.ClientUnaryCall;
  RemoveRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_RemoveRoleAssignmentResponse__Output>): grpc.ClientUnaryCall;
  RemoveRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RemoveRoleAssignmentResponse__Output>): grpc.ClientUnaryCall;
  RemoveRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, callback: grpc.requestCallback<_strato_identity_v1_RemoveRoleAssignmentResponse__Output>): grpc.ClientUnaryCall;
  /**
   * RemoveRoleAssignment revokes `role` from `user` in `project`; the user's
   * tokens for that project lose it at once (and stop working with its last
   * role there). Policy: admin. Errors: NOT_FOUND (USER_NOT_FOUND,
   * PROJECT_NOT_FOUND, ROLE_ASSIGNMENT_NOT_FOUND: a retrying caller may take
   * it as success); INVALID_ARGUMENT (ROLE_INVALID); FAILED_PRECONDITION
   * (LAST_CLOUD_ADMIN).
   */
  removeRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RemoveRoleAssignmentResponse__Output>): grpc.ClientUnaryCall;
  removeRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_RemoveRoleAssignmentResponse__Output>): grpc.ClientUnaryCall;
  removeRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RemoveRoleAssignmentResponse__Output>): grpc.ClientUnaryCall;
  removeRoleAssignment(argument: _strato_identity_v1_RoleAssignmentRequest, callback: grpc.requestCallback<_strato_identity_v1_RemoveRoleAssignmentResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * RevokeToken revokes the token given in full (whoever holds a token may
   * end it; the cloud admin ends other users' by disabling them). Policy: any
   * token. Idempotent: an unknown or expired token changes nothing and is no
   * error (nothing is revealed about it). Errors: INVALID_ARGUMENT
   * (FIELD_REQUIRED: token empty; TOKEN_MALFORMED: not 43 characters of
   * base64url, the shape of every token).
   */
  RevokeToken(argument: _strato_identity_v1_RevokeTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RevokeTokenResponse__Output>): grpc.ClientUnaryCall;
  RevokeToken(argument: _strato_identity_v1_RevokeTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_RevokeTokenResponse__Output>): grpc.ClientUnaryCall;
  RevokeToken(argument: _strato_identity_v1_RevokeTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RevokeTokenResponse__Output>): grpc.ClientUnaryCall;
  RevokeToken(argument: _strato_identity_v1_RevokeTokenRequest, callback: grpc.requestCallback<_strato_identity_v1_RevokeTokenResponse__Output>): grpc.ClientUnaryCall;
  /**
   * RevokeToken revokes the token given in full (whoever holds a token may
   * end it; the cloud admin ends other users' by disabling them). Policy: any
   * token. Idempotent: an unknown or expired token changes nothing and is no
   * error (nothing is revealed about it). Errors: INVALID_ARGUMENT
   * (FIELD_REQUIRED: token empty; TOKEN_MALFORMED: not 43 characters of
   * base64url, the shape of every token).
   */
  revokeToken(argument: _strato_identity_v1_RevokeTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RevokeTokenResponse__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _strato_identity_v1_RevokeTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_RevokeTokenResponse__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _strato_identity_v1_RevokeTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_RevokeTokenResponse__Output>): grpc.ClientUnaryCall;
  revokeToken(argument: _strato_identity_v1_RevokeTokenRequest, callback: grpc.requestCallback<_strato_identity_v1_RevokeTokenResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * UpdateProject renames a project and/or sets its description (absent fields
   * are kept). Idempotent. Policy: admin. Errors: NOT_FOUND
   * (PROJECT_NOT_FOUND); INVALID_ARGUMENT (NAME_INVALID, DESCRIPTION_INVALID);
   * ALREADY_EXISTS (PROJECT_EXISTS); FAILED_PRECONDITION (PROJECT_PROTECTED:
   * project admin keeps its name).
   */
  UpdateProject(argument: _strato_identity_v1_UpdateProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  UpdateProject(argument: _strato_identity_v1_UpdateProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  UpdateProject(argument: _strato_identity_v1_UpdateProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  UpdateProject(argument: _strato_identity_v1_UpdateProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  /**
   * UpdateProject renames a project and/or sets its description (absent fields
   * are kept). Idempotent. Policy: admin. Errors: NOT_FOUND
   * (PROJECT_NOT_FOUND); INVALID_ARGUMENT (NAME_INVALID, DESCRIPTION_INVALID);
   * ALREADY_EXISTS (PROJECT_EXISTS); FAILED_PRECONDITION (PROJECT_PROTECTED:
   * project admin keeps its name).
   */
  updateProject(argument: _strato_identity_v1_UpdateProjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  updateProject(argument: _strato_identity_v1_UpdateProjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  updateProject(argument: _strato_identity_v1_UpdateProjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  updateProject(argument: _strato_identity_v1_UpdateProjectRequest, callback: grpc.requestCallback<_strato_identity_v1_Project__Output>): grpc.ClientUnaryCall;
  
  /**
   * UpdateUser renames a user, sets its password, enables or disables it or
   * changes its default project (absent fields are kept). A new password or
   * disabling ends every token of the user. Idempotent. Policy: admin.
   * Errors: NOT_FOUND (USER_NOT_FOUND, PROJECT_NOT_FOUND); INVALID_ARGUMENT
   * (NAME_INVALID, PASSWORD_INVALID); ALREADY_EXISTS (USER_EXISTS);
   * FAILED_PRECONDITION (LAST_CLOUD_ADMIN: disabling the last enabled admin of
   * project admin).
   */
  UpdateUser(argument: _strato_identity_v1_UpdateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateUser(argument: _strato_identity_v1_UpdateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateUser(argument: _strato_identity_v1_UpdateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateUser(argument: _strato_identity_v1_UpdateUserRequest, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  /**
   * UpdateUser renames a user, sets its password, enables or disables it or
   * changes its default project (absent fields are kept). A new password or
   * disabling ends every token of the user. Idempotent. Policy: admin.
   * Errors: NOT_FOUND (USER_NOT_FOUND, PROJECT_NOT_FOUND); INVALID_ARGUMENT
   * (NAME_INVALID, PASSWORD_INVALID); ALREADY_EXISTS (USER_EXISTS);
   * FAILED_PRECONDITION (LAST_CLOUD_ADMIN: disabling the last enabled admin of
   * project admin).
   */
  updateUser(argument: _strato_identity_v1_UpdateUserRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _strato_identity_v1_UpdateUserRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _strato_identity_v1_UpdateUserRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  updateUser(argument: _strato_identity_v1_UpdateUserRequest, callback: grpc.requestCallback<_strato_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  /**
   * WhoAmI describes the calling token; user.role is the effective role in
   * its project ("admin" only for cloud admins). Policy: any token.
   */
  WhoAmI(argument: _strato_identity_v1_WhoAmIRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  WhoAmI(argument: _strato_identity_v1_WhoAmIRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  WhoAmI(argument: _strato_identity_v1_WhoAmIRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  WhoAmI(argument: _strato_identity_v1_WhoAmIRequest, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  /**
   * WhoAmI describes the calling token; user.role is the effective role in
   * its project ("admin" only for cloud admins). Policy: any token.
   */
  whoAmI(argument: _strato_identity_v1_WhoAmIRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  whoAmI(argument: _strato_identity_v1_WhoAmIRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  whoAmI(argument: _strato_identity_v1_WhoAmIRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  whoAmI(argument: _strato_identity_v1_WhoAmIRequest, callback: grpc.requestCallback<_strato_identity_v1_WhoAmIResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface IdentityHandlers extends grpc.UntypedServiceImplementation {
  /**
   * AddRoleAssignment grants `role` to `user` in `project`. Idempotent (a
   * role held already changes nothing). Policy: admin. Errors: NOT_FOUND
   * (USER_NOT_FOUND, PROJECT_NOT_FOUND); INVALID_ARGUMENT (ROLE_INVALID; the
   * role is required here).
   */
  AddRoleAssignment: grpc.handleUnaryCall<_strato_identity_v1_RoleAssignmentRequest__Output, _strato_identity_v1_RoleAssignment>;
  
  /**
   * CreateProject. The project comes with its "default" security group,
   * written with it. Policy: admin. Errors: INVALID_ARGUMENT (NAME_INVALID,
   * DESCRIPTION_INVALID); ALREADY_EXISTS (PROJECT_EXISTS).
   */
  CreateProject: grpc.handleUnaryCall<_strato_identity_v1_CreateProjectRequest__Output, _strato_identity_v1_Project>;
  
  /**
   * CreateUser makes a user whose default project is `project`, holding
   * `role` there ("admin", "member" or "reader"; empty means member). User
   * names are unique cloud-wide; passwords are 8 to 1024 characters. Policy:
   * admin. Errors: INVALID_ARGUMENT (NAME_INVALID, PASSWORD_INVALID,
   * ROLE_INVALID); NOT_FOUND (PROJECT_NOT_FOUND); ALREADY_EXISTS (USER_EXISTS).
   */
  CreateUser: grpc.handleUnaryCall<_strato_identity_v1_CreateUserRequest__Output, _strato_identity_v1_User>;
  
  /**
   * DeleteProject deletes a project that owns nothing any more, with its role
   * assignments (their tokens stop at once) and its default security group.
   * Policy: admin. Errors: NOT_FOUND (PROJECT_NOT_FOUND; a retrying caller may
   * take it as success); FAILED_PRECONDITION (PROJECT_NOT_EMPTY: the message
   * names what remains and details map each kind — servers, images, networks,
   * subnets, ports, security_groups (beyond default), volumes, snapshots … —
   * to its count; PROJECT_PROTECTED: project admin).
   */
  DeleteProject: grpc.handleUnaryCall<_strato_identity_v1_DeleteProjectRequest__Output, _strato_identity_v1_DeleteProjectResponse>;
  
  /**
   * DeleteUser deletes a user and its role assignments; its tokens stop at
   * once. Policy: admin. Errors: NOT_FOUND (USER_NOT_FOUND); FAILED_PRECONDITION
   * (LAST_CLOUD_ADMIN).
   */
  DeleteUser: grpc.handleUnaryCall<_strato_identity_v1_DeleteUserRequest__Output, _strato_identity_v1_DeleteUserResponse>;
  
  /**
   * GetProject by name or id. Policy: reader (a project the caller holds a
   * role in; the cloud admin: any). Errors: NOT_FOUND (PROJECT_NOT_FOUND, also
   * for a project the caller holds no role in).
   */
  GetProject: grpc.handleUnaryCall<_strato_identity_v1_GetProjectRequest__Output, _strato_identity_v1_Project>;
  
  /**
   * GetUser by name or id; role is the user's role in its default project.
   * Policy: admin. Errors: NOT_FOUND (USER_NOT_FOUND).
   */
  GetUser: grpc.handleUnaryCall<_strato_identity_v1_GetUserRequest__Output, _strato_identity_v1_User>;
  
  /**
   * ListProjects: the cloud admin sees all, others the projects they hold a
   * role in. Policy: any token. Paginated (page_size 0 means 100, at most
   * 1000), ordered by id.
   */
  ListProjects: grpc.handleUnaryCall<_strato_identity_v1_ListProjectsRequest__Output, _strato_identity_v1_ListProjectsResponse>;
  
  /**
   * ListRoleAssignments: one entry per user × project × role, of one user,
   * one project, both or all. Paginated by user × project pairs (page_size 0
   * means 100, at most 1000; a page holds every role of its pairs). Policy:
   * admin. Errors: NOT_FOUND (USER_NOT_FOUND, PROJECT_NOT_FOUND).
   */
  ListRoleAssignments: grpc.handleUnaryCall<_strato_identity_v1_ListRoleAssignmentsRequest__Output, _strato_identity_v1_ListRoleAssignmentsResponse>;
  
  /**
   * ListUsers: every user, or (with `project`) those holding a role in it.
   * Paginated (page_size 0 means 100, at most 1000), ordered by id. Policy:
   * admin. Errors: NOT_FOUND (PROJECT_NOT_FOUND).
   */
  ListUsers: grpc.handleUnaryCall<_strato_identity_v1_ListUsersRequest__Output, _strato_identity_v1_ListUsersResponse>;
  
  /**
   * Login exchanges a password for a token scoped to one project the user
   * holds a role in (`project`, or the user's default project when empty).
   * Policy: public. Not idempotent (each call mints a new token).
   * Errors: INVALID_ARGUMENT (empty fields); UNAUTHENTICATED (reason
   * BAD_CREDENTIALS) for an unknown user (also a name no user can have: too
   * long, control characters), a disabled user, a wrong password or a project
   * the user holds no role in — one reason for all, so names cannot be
   * probed; RESOURCE_EXHAUSTED (LOGIN_THROTTLED, details.retryAfterS: seconds
   * to wait) after too many failures for this user from this address, from
   * this address for any user, or for a user under attack from an address
   * that failed for it: the wait doubles with each further failure. An
   * address with no failures for a user is never held back by failures from
   * elsewhere, so a stranger cannot lock a user out. Only a wrong password
   * (or unknown or disabled user) counts as a failure: the right password
   * with a project the user holds no role in is no guess.
   */
  Login: grpc.handleUnaryCall<_strato_identity_v1_LoginRequest__Output, _strato_identity_v1_LoginResponse>;
  
  /**
   * Logout revokes the calling token. Policy: any token. Idempotent.
   */
  Logout: grpc.handleUnaryCall<_strato_identity_v1_LogoutRequest__Output, _strato_identity_v1_LogoutResponse>;
  
  /**
   * RemoveRoleAssignment revokes `role` from `user` in `project`; the user's
   * tokens for that project lose it at once (and stop working with its last
   * role there). Policy: admin. Errors: NOT_FOUND (USER_NOT_FOUND,
   * PROJECT_NOT_FOUND, ROLE_ASSIGNMENT_NOT_FOUND: a retrying caller may take
   * it as success); INVALID_ARGUMENT (ROLE_INVALID); FAILED_PRECONDITION
   * (LAST_CLOUD_ADMIN).
   */
  RemoveRoleAssignment: grpc.handleUnaryCall<_strato_identity_v1_RoleAssignmentRequest__Output, _strato_identity_v1_RemoveRoleAssignmentResponse>;
  
  /**
   * RevokeToken revokes the token given in full (whoever holds a token may
   * end it; the cloud admin ends other users' by disabling them). Policy: any
   * token. Idempotent: an unknown or expired token changes nothing and is no
   * error (nothing is revealed about it). Errors: INVALID_ARGUMENT
   * (FIELD_REQUIRED: token empty; TOKEN_MALFORMED: not 43 characters of
   * base64url, the shape of every token).
   */
  RevokeToken: grpc.handleUnaryCall<_strato_identity_v1_RevokeTokenRequest__Output, _strato_identity_v1_RevokeTokenResponse>;
  
  /**
   * UpdateProject renames a project and/or sets its description (absent fields
   * are kept). Idempotent. Policy: admin. Errors: NOT_FOUND
   * (PROJECT_NOT_FOUND); INVALID_ARGUMENT (NAME_INVALID, DESCRIPTION_INVALID);
   * ALREADY_EXISTS (PROJECT_EXISTS); FAILED_PRECONDITION (PROJECT_PROTECTED:
   * project admin keeps its name).
   */
  UpdateProject: grpc.handleUnaryCall<_strato_identity_v1_UpdateProjectRequest__Output, _strato_identity_v1_Project>;
  
  /**
   * UpdateUser renames a user, sets its password, enables or disables it or
   * changes its default project (absent fields are kept). A new password or
   * disabling ends every token of the user. Idempotent. Policy: admin.
   * Errors: NOT_FOUND (USER_NOT_FOUND, PROJECT_NOT_FOUND); INVALID_ARGUMENT
   * (NAME_INVALID, PASSWORD_INVALID); ALREADY_EXISTS (USER_EXISTS);
   * FAILED_PRECONDITION (LAST_CLOUD_ADMIN: disabling the last enabled admin of
   * project admin).
   */
  UpdateUser: grpc.handleUnaryCall<_strato_identity_v1_UpdateUserRequest__Output, _strato_identity_v1_User>;
  
  /**
   * WhoAmI describes the calling token; user.role is the effective role in
   * its project ("admin" only for cloud admins). Policy: any token.
   */
  WhoAmI: grpc.handleUnaryCall<_strato_identity_v1_WhoAmIRequest__Output, _strato_identity_v1_WhoAmIResponse>;
  
}

export interface IdentityDefinition extends grpc.ServiceDefinition {
  AddRoleAssignment: MethodDefinition<_strato_identity_v1_RoleAssignmentRequest, _strato_identity_v1_RoleAssignment, _strato_identity_v1_RoleAssignmentRequest__Output, _strato_identity_v1_RoleAssignment__Output>
  CreateProject: MethodDefinition<_strato_identity_v1_CreateProjectRequest, _strato_identity_v1_Project, _strato_identity_v1_CreateProjectRequest__Output, _strato_identity_v1_Project__Output>
  CreateUser: MethodDefinition<_strato_identity_v1_CreateUserRequest, _strato_identity_v1_User, _strato_identity_v1_CreateUserRequest__Output, _strato_identity_v1_User__Output>
  DeleteProject: MethodDefinition<_strato_identity_v1_DeleteProjectRequest, _strato_identity_v1_DeleteProjectResponse, _strato_identity_v1_DeleteProjectRequest__Output, _strato_identity_v1_DeleteProjectResponse__Output>
  DeleteUser: MethodDefinition<_strato_identity_v1_DeleteUserRequest, _strato_identity_v1_DeleteUserResponse, _strato_identity_v1_DeleteUserRequest__Output, _strato_identity_v1_DeleteUserResponse__Output>
  GetProject: MethodDefinition<_strato_identity_v1_GetProjectRequest, _strato_identity_v1_Project, _strato_identity_v1_GetProjectRequest__Output, _strato_identity_v1_Project__Output>
  GetUser: MethodDefinition<_strato_identity_v1_GetUserRequest, _strato_identity_v1_User, _strato_identity_v1_GetUserRequest__Output, _strato_identity_v1_User__Output>
  ListProjects: MethodDefinition<_strato_identity_v1_ListProjectsRequest, _strato_identity_v1_ListProjectsResponse, _strato_identity_v1_ListProjectsRequest__Output, _strato_identity_v1_ListProjectsResponse__Output>
  ListRoleAssignments: MethodDefinition<_strato_identity_v1_ListRoleAssignmentsRequest, _strato_identity_v1_ListRoleAssignmentsResponse, _strato_identity_v1_ListRoleAssignmentsRequest__Output, _strato_identity_v1_ListRoleAssignmentsResponse__Output>
  ListUsers: MethodDefinition<_strato_identity_v1_ListUsersRequest, _strato_identity_v1_ListUsersResponse, _strato_identity_v1_ListUsersRequest__Output, _strato_identity_v1_ListUsersResponse__Output>
  Login: MethodDefinition<_strato_identity_v1_LoginRequest, _strato_identity_v1_LoginResponse, _strato_identity_v1_LoginRequest__Output, _strato_identity_v1_LoginResponse__Output>
  Logout: MethodDefinition<_strato_identity_v1_LogoutRequest, _strato_identity_v1_LogoutResponse, _strato_identity_v1_LogoutRequest__Output, _strato_identity_v1_LogoutResponse__Output>
  RemoveRoleAssignment: MethodDefinition<_strato_identity_v1_RoleAssignmentRequest, _strato_identity_v1_RemoveRoleAssignmentResponse, _strato_identity_v1_RoleAssignmentRequest__Output, _strato_identity_v1_RemoveRoleAssignmentResponse__Output>
  RevokeToken: MethodDefinition<_strato_identity_v1_RevokeTokenRequest, _strato_identity_v1_RevokeTokenResponse, _strato_identity_v1_RevokeTokenRequest__Output, _strato_identity_v1_RevokeTokenResponse__Output>
  UpdateProject: MethodDefinition<_strato_identity_v1_UpdateProjectRequest, _strato_identity_v1_Project, _strato_identity_v1_UpdateProjectRequest__Output, _strato_identity_v1_Project__Output>
  UpdateUser: MethodDefinition<_strato_identity_v1_UpdateUserRequest, _strato_identity_v1_User, _strato_identity_v1_UpdateUserRequest__Output, _strato_identity_v1_User__Output>
  WhoAmI: MethodDefinition<_strato_identity_v1_WhoAmIRequest, _strato_identity_v1_WhoAmIResponse, _strato_identity_v1_WhoAmIRequest__Output, _strato_identity_v1_WhoAmIResponse__Output>
}
