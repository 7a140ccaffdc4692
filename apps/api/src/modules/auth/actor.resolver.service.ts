import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { Repository } from 'typeorm';
import { Actor, ApiClientEntity, AppError, Clock, ErrorCode, makeActor, OrgUnitEntity, UserEntity } from '@weiquan/core';
import { DataScope, Role } from '@weiquan/shared';
import { sha256, TokenService } from './token.service';

/**
 * Turns request credentials into an Actor: `Authorization: Bearer <jwt>` for staff,
 * `Authorization: ApiKey wq_<prefix>_<secret>` for other government systems.
 * The user row is read on every request so disabling an account takes effect at once.
 */
interface UserActorRow {
  id: number;
  display_name: string;
  roles: string;
  unit_id: number;
  data_scope: string;
  active: number;
  path: string;
}

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
    // One statement on every request (the hot path of every call): no entity hydration, no relation loader.
    const rows: UserActorRow[] = await this.users.query(
      `SELECT u.id, u.display_name, u.roles, u.unit_id, u.data_scope, u.active, o.path
         FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?`,
      [userId],
    );
    const user = rows[0];
    if (!user || !Number(user.active)) throw new AppError(ErrorCode.UNAUTHENTICATED, '账号不可用，请重新登录');
    return makeActor({
      kind: 'USER',
      id: Number(user.id),
      name: user.display_name,
      roles: JSON.parse(user.roles) as Role[],
      unitId: Number(user.unit_id),
      unitPath: user.path,
      dataScope: user.data_scope as DataScope,
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
