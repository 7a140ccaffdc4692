import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { Repository } from 'typeorm';
import { Actor, ApiClientEntity, AppError, Clock, ErrorCode, makeActor, OrgUnitEntity, UserEntity } from '@weiquan/core';
import { sha256, TokenService } from './token.service';

/**
 * Turns request credentials into an Actor: `Authorization: Bearer <jwt>` for staff,
 * `Authorization: ApiKey wq_<prefix>_<secret>` for other government systems.
 * The user row is read on every request so disabling an account takes effect at once.
 */
@Injectable()
export class ActorResolver {
  constructor(
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ApiClientEntity) private readonly clients: Repository<ApiClientEntity>,
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
  ) {}

  async fromHeaders(headers: Record<string, string | string[] | undefined>): Promise<Actor> {
    const auth = headers['authorization'];
    const value = Array.isArray(auth) ? auth[0] : auth;
    const [scheme, credential] = (value ?? '').split(' ', 2);
    if (scheme === 'Bearer' && credential) return this.fromAccessToken(credential);
    if (scheme === 'ApiKey' && credential) return this.fromApiKey(credential);
    throw new AppError(ErrorCode.UNAUTHENTICATED, '请先登录');
  }

  async forUser(userId: number): Promise<Actor> {
    const user = await this.users.findOne({ where: { id: userId }, relations: { unit: true } });
    if (!user || !user.active) throw new AppError(ErrorCode.UNAUTHENTICATED, '账号不可用，请重新登录');
    return makeActor({
      kind: 'USER',
      id: user.id,
      name: user.displayName,
      roles: user.roles,
      unitId: user.unitId,
      unitPath: user.unit!.path,
      dataScope: user.dataScope,
    });
  }

  private fromAccessToken(token: string): Promise<Actor> {
    return this.forUser(this.tokens.verifyAccess(token));
  }

  private async fromApiKey(key: string): Promise<Actor> {
    const prefix = /^wq_([A-Za-z0-9]{4,16})_[A-Za-z0-9]{16,}$/.exec(key)?.[1];
    const client = prefix ? await this.clients.findOneBy({ keyPrefix: prefix }) : null;
    const ok = !!client && client.active && timingSafeEqual(Buffer.from(sha256(key)), Buffer.from(client.keyHash));
    if (!ok) throw new AppError(ErrorCode.UNAUTHENTICATED, 'API 密钥无效');
    const unit = await this.units.findOneByOrFail({ id: client.unitId });
    await this.clients.update(client.id, { lastUsedAt: this.clock.now() });
    return makeActor({ kind: 'API_CLIENT', id: client.id, name: client.name, roles: client.roles, unitId: unit.id, unitPath: unit.path, dataScope: client.dataScope });
  }
}
