import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum recommendation).
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so timing does not reveal which usernames exist.
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$xZBBA4QatKEuuU6CTodA3w$D1PeymjktLNJBDi1cBDKk1DTScDTz6enFHwo10Fflxs';
