/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment CurrentUser on User {\n  id\n  username\n  displayName\n  roles\n  dataScope\n  unitId\n  unit {\n    id\n    code\n    name\n    type\n  }\n  active\n  lastLoginAt\n}\n\nfragment AuthSession on AuthPayload {\n  accessToken\n  refreshToken\n  accessTokenExpiresAt\n  user {\n    ...CurrentUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...AuthSession\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    ...CurrentUser\n  }\n}": typeof types.CurrentUserFragmentDoc,
    "fragment OrgUnitNode on OrgUnit {\n  id\n  code\n  name\n  type\n  parentId\n  path\n  depth\n  active\n}\n\nquery OrgUnits {\n  orgUnits {\n    ...OrgUnitNode\n  }\n}": typeof types.OrgUnitNodeFragmentDoc,
    "fragment UserRow on User {\n  id\n  username\n  displayName\n  phone\n  roles\n  dataScope\n  unitId\n  unit {\n    id\n    name\n  }\n  active\n  lockedUntil\n  lastLoginAt\n  createdAt\n}\n\nquery Users($filter: UserFilter, $page: PageInput) {\n  users(filter: $filter, page: $page) {\n    items {\n      ...UserRow\n    }\n    total\n    offset\n    limit\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation UpdateUser($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserActive($id: ID!, $active: Boolean!) {\n  setUserActive(id: $id, active: $active) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!, $newPassword: String!) {\n  resetUserPassword(id: $id, newPassword: $newPassword)\n}": typeof types.UserRowFragmentDoc,
};
const documents: Documents = {
    "fragment CurrentUser on User {\n  id\n  username\n  displayName\n  roles\n  dataScope\n  unitId\n  unit {\n    id\n    code\n    name\n    type\n  }\n  active\n  lastLoginAt\n}\n\nfragment AuthSession on AuthPayload {\n  accessToken\n  refreshToken\n  accessTokenExpiresAt\n  user {\n    ...CurrentUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...AuthSession\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    ...CurrentUser\n  }\n}": types.CurrentUserFragmentDoc,
    "fragment OrgUnitNode on OrgUnit {\n  id\n  code\n  name\n  type\n  parentId\n  path\n  depth\n  active\n}\n\nquery OrgUnits {\n  orgUnits {\n    ...OrgUnitNode\n  }\n}": types.OrgUnitNodeFragmentDoc,
    "fragment UserRow on User {\n  id\n  username\n  displayName\n  phone\n  roles\n  dataScope\n  unitId\n  unit {\n    id\n    name\n  }\n  active\n  lockedUntil\n  lastLoginAt\n  createdAt\n}\n\nquery Users($filter: UserFilter, $page: PageInput) {\n  users(filter: $filter, page: $page) {\n    items {\n      ...UserRow\n    }\n    total\n    offset\n    limit\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation UpdateUser($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserActive($id: ID!, $active: Boolean!) {\n  setUserActive(id: $id, active: $active) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!, $newPassword: String!) {\n  resetUserPassword(id: $id, newPassword: $newPassword)\n}": types.UserRowFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CurrentUser on User {\n  id\n  username\n  displayName\n  roles\n  dataScope\n  unitId\n  unit {\n    id\n    code\n    name\n    type\n  }\n  active\n  lastLoginAt\n}\n\nfragment AuthSession on AuthPayload {\n  accessToken\n  refreshToken\n  accessTokenExpiresAt\n  user {\n    ...CurrentUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...AuthSession\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    ...CurrentUser\n  }\n}"): (typeof documents)["fragment CurrentUser on User {\n  id\n  username\n  displayName\n  roles\n  dataScope\n  unitId\n  unit {\n    id\n    code\n    name\n    type\n  }\n  active\n  lastLoginAt\n}\n\nfragment AuthSession on AuthPayload {\n  accessToken\n  refreshToken\n  accessTokenExpiresAt\n  user {\n    ...CurrentUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...AuthSession\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...AuthSession\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    ...CurrentUser\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OrgUnitNode on OrgUnit {\n  id\n  code\n  name\n  type\n  parentId\n  path\n  depth\n  active\n}\n\nquery OrgUnits {\n  orgUnits {\n    ...OrgUnitNode\n  }\n}"): (typeof documents)["fragment OrgUnitNode on OrgUnit {\n  id\n  code\n  name\n  type\n  parentId\n  path\n  depth\n  active\n}\n\nquery OrgUnits {\n  orgUnits {\n    ...OrgUnitNode\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserRow on User {\n  id\n  username\n  displayName\n  phone\n  roles\n  dataScope\n  unitId\n  unit {\n    id\n    name\n  }\n  active\n  lockedUntil\n  lastLoginAt\n  createdAt\n}\n\nquery Users($filter: UserFilter, $page: PageInput) {\n  users(filter: $filter, page: $page) {\n    items {\n      ...UserRow\n    }\n    total\n    offset\n    limit\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation UpdateUser($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserActive($id: ID!, $active: Boolean!) {\n  setUserActive(id: $id, active: $active) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!, $newPassword: String!) {\n  resetUserPassword(id: $id, newPassword: $newPassword)\n}"): (typeof documents)["fragment UserRow on User {\n  id\n  username\n  displayName\n  phone\n  roles\n  dataScope\n  unitId\n  unit {\n    id\n    name\n  }\n  active\n  lockedUntil\n  lastLoginAt\n  createdAt\n}\n\nquery Users($filter: UserFilter, $page: PageInput) {\n  users(filter: $filter, page: $page) {\n    items {\n      ...UserRow\n    }\n    total\n    offset\n    limit\n  }\n}\n\nmutation CreateUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation UpdateUser($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    ...UserRow\n  }\n}\n\nmutation SetUserActive($id: ID!, $active: Boolean!) {\n  setUserActive(id: $id, active: $active) {\n    ...UserRow\n  }\n}\n\nmutation ResetUserPassword($id: ID!, $newPassword: String!) {\n  resetUserPassword(id: $id, newPassword: $newPassword)\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;