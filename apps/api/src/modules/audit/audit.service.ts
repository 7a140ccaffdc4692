// The audit writer lives in libs/core (core services record too); the api's modules inject it under this name.
export { AuditWriter as AuditService } from '@weiquan/core';
