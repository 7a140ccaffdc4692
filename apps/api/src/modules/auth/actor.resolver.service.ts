import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type IORedis from 'ioredis';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor, AppConfig, AppError, Clock, ErrorCode, makeActor, REDIS, UserEntity } from '@weiquan/core';
import { DataScope, Role } from '@weiquan/shared';
import { ApiKeyAuthService } from './api-key-auth.service';
import { TokenService } from './token.service';

interface UserActorRow {
  id: number;
  display_name: string;
  roles: string;
  unit_id: number;
  data_scope: string;
  active: number;
  token_version: number;
  path: string;
  unit_type: string;
}

/** How long a user's actor is kept without news of a change (edits made by hand in SQL, a lost message). */
export const ACTOR_CACHE_TTL_MS = 30_000;
const ACTOR_CACHE_MAX = 10_000;

/**
 * Turns request credentials into an Actor: `Authorization: Bearer <jwt>` for staff,
 * `Authorization: ApiKey wq_<prefix>_<secret>` for other government systems.
 *
 * A user's actor (roles, unit, data scope, active) is kept in memory instead of being read on every
 * request (a round trip on the hot path of every call). Every change made through the API
 * (UserService) calls `changed(id)` after its commit: the copy is dropped here and a message on Redis
 * (`<QUEUE_PREFIX>:actor-changed`) drops it in every other API process, so disabling an account or
 * taking a role away takes effect at once everywhere. A copy is never older than ACTOR_CACHE_TTL_MS.
 * The copy carries the user's token version, so revoking access tokens (a bumped version plus the
 * same notice) costs no extra read per request.
 */
@Injectable()
export class ActorResolver implements OnModuleInit, OnApplicationShutdown {
  private readonly cache = new Map<number, { actor: Actor; tokenVersion: number; until: number }>();
  /** Bumped by every change notice: a read that started before one is not kept. */
  private generation = 0;
  private subscriber: IORedis | null = null;
  private readonly channel: string;

  constructor(
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    config: AppConfig,
    @Inject(REDIS) private readonly redis: IORedis,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly apiKeys: ApiKeyAuthService,
  ) {
    this.channel = `${config.QUEUE_PREFIX}:actor-changed`;
  }

  async onModuleInit(): Promise<void> {
    const sub = this.redis.duplicate();
    sub.on('error', () => undefined); // ioredis reconnects; meanwhile copies still expire after the TTL
    sub.on('message', (_channel: string, message: string) => this.drop(message));
    // After a reconnect messages may have been missed: start from nothing.
    sub.on('ready', () => this.drop('*'));
    await sub.subscribe(this.channel);
    this.subscriber = sub;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** A user's roles, unit, scope or state changed (call after the commit); `'*'` for everyone. */
  async changed(userId: number | '*'): Promise<void> {
    this.drop(String(userId));
    await this.redis.publish(this.channel, String(userId));
  }

  private drop(message: string): void {
    this.generation++;
    if (message === '*') this.cache.clear();
    else this.cache.delete(Number(message));
  }

  /** `sourceIp`: the caller's address, checked against an API client's allowed sources. */
  async fromHeaders(headers: Record<string, string | string[] | undefined>, sourceIp?: string): Promise<Actor> {
    const auth = headers['authorization'];
    const value = Array.isArray(auth) ? auth[0] : auth;
    const [scheme, credential] = (value ?? '').split(' ', 2);
    if (scheme === 'Bearer' && credential) return this.fromAccessToken(credential);
    if (scheme === 'ApiKey' && credential) return this.apiKeys.authenticate(credential, sourceIp);
    throw new AppError(ErrorCode.UNAUTHENTICATED, '请先登录');
  }

  async forUser(userId: number): Promise<Actor> {
    return (await this.userEntry(userId)).actor;
  }

  /** The user's current token version (bumped by logout, password reset, disabling, refresh-token reuse). */
  async tokenVersionOf(userId: number): Promise<number> {
    return (await this.userEntry(userId)).tokenVersion;
  }

  private async userEntry(userId: number): Promise<{ actor: Actor; tokenVersion: number }> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(userId);
    if (hit && hit.until > now) return hit;
    const generation = this.generation;
    const entry = await this.loadUser(userId);
    if (generation === this.generation) {
      this.cache.delete(userId);
      if (this.cache.size >= ACTOR_CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(userId, { ...entry, until: now + ACTOR_CACHE_TTL_MS });
    }
    return entry;
  }

  private async loadUser(userId: number): Promise<{ actor: Actor; tokenVersion: number }> {
    // One statement, no entity hydration, no relation loader.
    const rows: UserActorRow[] = await this.users.query(
      `SELECT u.id, u.display_name, u.roles, u.unit_id, u.data_scope, u.active, u.token_version, o.path, o.type AS unit_type
         FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.id = ?`,
      [userId],
    );
    const user = rows[0];
    if (!user || !Number(user.active)) throw new AppError(ErrorCode.UNAUTHENTICATED, '账号不可用，请重新登录');
    const actor = makeActor({
      kind: 'USER',
      id: Number(user.id),
      name: user.display_name,
      roles: JSON.parse(user.roles) as Role[],
      unitId: Number(user.unit_id),
      unitPath: user.path,
      unitType: user.unit_type,
      dataScope: user.data_scope as DataScope,
    });
    return { actor, tokenVersion: Number(user.token_version) };
  }

  /** A token whose version is behind the user's was revoked (logout, password reset, disabling, reuse). */
  private async fromAccessToken(token: string): Promise<Actor> {
    const claims = this.tokens.verifyAccess(token);
    const entry = await this.userEntry(claims.userId);
    if (entry.tokenVersion !== claims.tokenVersion)
      throw new AppError(ErrorCode.UNAUTHENTICATED, '登录已失效，请重新登录');
    return entry.actor;
  }
}
