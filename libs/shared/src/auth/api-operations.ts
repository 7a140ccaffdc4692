import { Permission } from './permissions';

// What another government system may do through the API, granted per client (least privilege).
// A client's permissions are exactly the union of its operations' permissions; its role grants nothing.
export const ApiOperation = {
  TRANSFER_IN: 'TRANSFER_IN',
  TRANSFER_READ: 'TRANSFER_READ',
  ORG_READ: 'ORG_READ',
  CASE_READ: 'CASE_READ',
  CASE_UNMASK: 'CASE_UNMASK',
} as const;
export type ApiOperation = (typeof ApiOperation)[keyof typeof ApiOperation];

export const ApiOperationLabel: Readonly<Record<ApiOperation, string>> = {
  TRANSFER_IN: '转办登记',
  TRANSFER_READ: '查询本系统转办的案件',
  ORG_READ: '查询组织机构',
  CASE_READ: '查询所属单位辖区内的案件',
  CASE_UNMASK: '查看完整的消费者个人信息',
};

export const API_OPERATIONS: readonly ApiOperation[] = Object.values(ApiOperation);

/** A new client may transfer cases in and read back its own transfers, nothing more. */
export const DEFAULT_API_OPERATIONS: readonly ApiOperation[] = [ApiOperation.TRANSFER_IN, ApiOperation.TRANSFER_READ];

const OPERATION_PERMISSIONS: Record<ApiOperation, readonly Permission[]> = {
  TRANSFER_IN: [Permission.CASE_TRANSFER],
  TRANSFER_READ: [Permission.TRANSFER_READ],
  ORG_READ: [Permission.ORG_READ],
  CASE_READ: [Permission.CASE_READ],
  CASE_UNMASK: [Permission.CASE_UNMASK],
};

export function permissionsOfOperations(ops: readonly ApiOperation[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const op of ops) for (const p of OPERATION_PERMISSIONS[op] ?? []) out.add(p);
  return out;
}

export function isApiOperation(value: unknown): value is ApiOperation {
  return typeof value === 'string' && (API_OPERATIONS as readonly string[]).includes(value);
}
