import type { EntityManager } from 'typeorm';

/**
 * Revokes every access token of a user issued so far (they carry the old version). Call inside the
 * transaction of the change, then `ActorResolver.changed(userId)` after the commit so every API
 * process drops its cached copy of the version.
 */
export async function bumpTokenVersion(m: EntityManager, userId: number): Promise<void> {
  await m.query('UPDATE app_user SET token_version = token_version + 1 WHERE id = ?', [userId]);
}
