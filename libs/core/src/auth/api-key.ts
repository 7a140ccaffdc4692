import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ApiOperation, Channel, permissionsOfOperations, Role } from '@weiquan/shared';
import { ApiClientEntity, ApiClientKeyEntity } from '../entities/api-client.entity';
import { Actor, actsForOf } from '../scope/actor';

const KEY_FORMAT = /^wq_([A-Za-z0-9]{4,16})_[A-Za-z0-9]{16,}$/;

/** The SHA-256 (hex) of a key: what is stored, never the key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The public prefix of a well-formed key (`wq_<prefix>_<secret>`), else null. */
export function apiKeyPrefix(key: string): string | null {
  return KEY_FORMAT.exec(key)?.[1] ?? null;
}

/** A new key `wq_<12 chars>_<43 chars>` with 256 random bits in its secret part. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const alnum = (n: number) => randomBytes(n).toString('base64url').replace(/[-_]/g, 'x');
  const prefix = alnum(9).slice(0, 12);
  const key = `wq_${prefix}_${alnum(32)}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The actor of a client: its unit's subtree, exactly the permissions of its operations. */
export function apiClientActor(
  client: Pick<ApiClientEntity, 'id' | 'name' | 'operations'> & { unitId: number },
  unitPath: string,
): Actor {
  return {
    kind: 'API_CLIENT',
    id: client.id,
    name: client.name,
    roles: [Role.API_CLIENT],
    permissions: permissionsOfOperations(client.operations),
    unitId: client.unitId,
    unitPath,
    scope: { type: 'SUBTREE', pathPrefix: unitPath },
    actsFor: actsForOf(client.unitId, unitPath),
  };
}

/** Creates a client with one key (the demo seed; the console goes through ApiClientService). */
export async function insertApiClient(
  m: EntityManager,
  c: { name: string; unitId: number; operations: ApiOperation[]; channel: Channel; key: string },
): Promise<ApiClientEntity> {
  const client = await m.save(
    m.create(ApiClientEntity, {
      name: c.name,
      unitId: c.unitId,
      operations: c.operations,
      channel: c.channel,
      allowedSources: [],
      rateLimitPerMin: null,
      active: true,
      note: null,
    }),
  );
  await m.insert(ApiClientKeyEntity, {
    clientId: client.id,
    prefix: apiKeyPrefix(c.key)!,
    keyHash: hashApiKey(c.key),
    label: null,
  });
  return client;
}
