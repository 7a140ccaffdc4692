import { Injectable } from '@nestjs/common';
import { createHash, createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppConfig, AppError, Clock, ErrorCode } from '@weiquan/core';

export interface AccessClaims {
  userId: number;
  tokenVersion: number;
  exp: number;
}

/** Access tokens are short-lived HS256 JWTs; refresh tokens are opaque random strings stored hashed. */
@Injectable()
export class TokenService {
  // A prepared key: jsonwebtoken otherwise tries to parse the string secret as a public key on every call.
  private readonly key: KeyObject;

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = createSecretKey(Buffer.from(config.JWT_SECRET));
  }

  /** `tokenVersion` is the user's current token version: bumping it in the database revokes the token. */
  signAccess(userId: number, tokenVersion: number): { token: string; expiresAt: Date } {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const exp = iat + this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = jwt.sign({ sub: String(userId), typ: 'access', tv: tokenVersion, iat, exp }, this.key, {
      algorithm: 'HS256',
    });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  verifyAccess(token: string): AccessClaims {
    const nowSec = Math.floor(this.clock.now().getTime() / 1000);
    // A token verified once stays valid until its exp (the signature cannot change): the console sends
    // the same token with every request, so the HMAC is not recomputed each time. Expiry is still checked.
    const known = this.verified.get(token);
    if (known && nowSec < known.exp) return known;
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], clockTimestamp: nowSec }) as jwt.JwtPayload;
      // A token without a version (issued before versions existed) is refused: the console refreshes.
      if (payload.typ !== 'access' || !payload.sub || typeof payload.exp !== 'number' || !Number.isInteger(payload.tv))
        throw new Error('wrong token type');
      const claims = { userId: Number(payload.sub), tokenVersion: payload.tv as number, exp: payload.exp };
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, claims);
      return claims;
    } catch {
      throw new AppError(ErrorCode.UNAUTHENTICATED, '登录已过期，请重新登录');
    }
  }

  private readonly verified = new Map<string, AccessClaims>();

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: sha256(token) };
  }
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
