import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { DataScope, Role } from '@weiquan/shared';
import {
  Actor,
  AppError,
  applyOrgScope,
  bumpTokenVersion,
  canSeeUnitPath,
  Clock,
  ErrorCode,
  escapeLike,
  hashPassword,
  passwordProblem,
  RefreshTokenEntity,
  UserEntity,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { AuditService } from '../audit/audit.service';
import { ActorResolver } from '../auth/actor.resolver.service';
import { OrgUnitService } from '../org-unit/org-unit.service';
import { CreateUserInput, UpdateUserInput, UserFilter } from './user.input';

export const STAFF_OPTIONS_LIMIT = 200;

const DEFAULT_SCOPE: Partial<Record<Role, DataScope>> = { STATION_STAFF: DataScope.OWN_UNIT };

@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly orgUnits: OrgUnitService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly actors: ActorResolver,
  ) {}

  async list(actor: Actor, filter: UserFilter = {}, page: PageInput = new PageInput()): Promise<Page<UserEntity>> {
    const qb = this.users.createQueryBuilder('u').innerJoinAndSelect('u.unit', 'unit');
    applyOrgScope(qb, actor, { path: 'u.unit_path', unitId: 'u.unit_id' });
    if (filter.unitId) {
      const unit = await this.orgUnits.getVisible(actor, parseId(filter.unitId, 'filter.unitId'), 'filter.unitId');
      if (filter.includeSubtree === false) qb.andWhere('u.unit_id = :uid', { uid: unit.id });
      else qb.andWhere('u.unit_path LIKE :up', { up: `${escapeLike(unit.path)}%` });
    }
    if (filter.keyword) {
      qb.andWhere('(u.username LIKE :kw OR u.display_name LIKE :kw)', { kw: `%${escapeLike(filter.keyword)}%` });
    }
    if (filter.role) qb.andWhere('u.roles LIKE :role', { role: `%"${filter.role}"%` });
    if (filter.active !== undefined && filter.active !== null)
      qb.andWhere('u.active = :active', { active: filter.active });
    const [items, total] = await qb
      .orderBy('u.unitPath')
      .addOrderBy('u.id')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items, total, offset: page.offset, limit: page.limit };
  }

  /**
   * Active staff in the actor's scope for a participant picker (names and units only), optionally
   * within one visible unit's subtree or matching a name; at most STAFF_OPTIONS_LIMIT.
   */
  async staffOptions(actor: Actor, unitId?: string | null, keyword?: string | null): Promise<UserEntity[]> {
    const qb = this.users.createQueryBuilder('u').innerJoinAndSelect('u.unit', 'unit').where('u.active = 1');
    applyOrgScope(qb, actor, { path: 'u.unit_path', unitId: 'u.unit_id' });
    if (unitId) {
      const unit = await this.orgUnits.getVisible(actor, parseId(unitId, 'unitId'), 'unitId');
      qb.andWhere('u.unit_path LIKE :up', { up: `${escapeLike(unit.path)}%` });
    }
    const kw = keyword?.trim();
    if (kw) {
      if (kw.length > 50) throw AppError.badInput('keyword', '关键词最多 50 个字符');
      qb.andWhere('(u.username LIKE :kw OR u.display_name LIKE :kw)', { kw: `%${escapeLike(kw)}%` });
    }
    return qb.orderBy('u.unitPath').addOrderBy('u.displayName').take(STAFF_OPTIONS_LIMIT).getMany();
  }

  /** A user by id within the actor's scope; outside it answers like a missing user. */
  async getVisible(actor: Actor, id: number, m: EntityManager = this.ds.manager): Promise<UserEntity> {
    const user = await m.findOne(UserEntity, { where: { id }, relations: { unit: true } });
    if (!user || !canSeeUnitPath(actor, user.unitPath, user.unitId)) throw AppError.notFound('用户', 'id');
    return user;
  }

  async create(actor: Actor, input: CreateUserInput): Promise<UserEntity> {
    const unit = await this.orgUnits.getVisible(actor, parseId(input.unitId, 'input.unitId'), 'input.unitId');
    const passwordHash = await hashPassword(input.password);
    const id = await this.ds.transaction(async (m) => {
      if (await m.exists(UserEntity, { where: { username: input.username } })) throw usernameTaken();
      const res = await m
        .insert(UserEntity, {
          username: input.username,
          displayName: input.displayName,
          phone: input.phone ?? null,
          passwordHash,
          roles: input.roles,
          dataScope: input.dataScope ?? defaultScope(input.roles),
          unitId: unit.id,
          unitPath: unit.path,
          version: 1,
        })
        .catch((e: { code?: string }) => {
          throw e.code === 'ER_DUP_ENTRY' ? usernameTaken() : e;
        });
      const newId = res.identifiers[0].id as number;
      await this.audit.record(
        m,
        actor,
        'user.create',
        { type: 'user', id: newId },
        { username: input.username, roles: input.roles, unitId: unit.id },
      );
      return newId;
    });
    return this.getVisible(actor, id);
  }

  async update(actor: Actor, input: UpdateUserInput): Promise<UserEntity> {
    const id = parseId(input.id, 'input.id');
    await this.ds.transaction(async (m) => {
      const user = await this.getVisible(actor, id, m);
      const patch: Partial<UserEntity> = {};
      if (input.displayName !== undefined) patch.displayName = input.displayName;
      if (input.phone !== undefined) patch.phone = input.phone;
      if (input.roles !== undefined) patch.roles = input.roles;
      if (input.dataScope !== undefined) patch.dataScope = input.dataScope;
      if (input.unitId !== undefined) {
        const unit = await this.orgUnits.getVisible(actor, parseId(input.unitId, 'input.unitId'), 'input.unitId');
        patch.unitId = unit.id;
        patch.unitPath = unit.path;
      }
      if (user.id === actor.id && patch.roles && !patch.roles.includes(Role.ADMIN) && user.roles.includes(Role.ADMIN)) {
        throw AppError.badInput('input.roles', '不能取消自己的管理员角色');
      }
      await m.update(UserEntity, id, { ...patch, version: () => 'version + 1' } as never);
      await this.audit.record(m, actor, 'user.update', { type: 'user', id }, { ...patch });
    });
    await this.actors.changed(id);
    return this.getVisible(actor, id);
  }

  async setActive(actor: Actor, rawId: string, active: boolean): Promise<UserEntity> {
    const id = parseId(rawId, 'id');
    if (id === actor.id && !active) throw AppError.badInput('id', '不能停用自己的账号');
    await this.ds.transaction(async (m) => {
      await this.getVisible(actor, id, m);
      await m.update(UserEntity, id, { active, failedLogins: 0, lockedUntil: null });
      // A disabled account loses its sessions at once (access tokens are checked per request).
      if (!active) await this.revokeSessions(m, id);
      await this.audit.record(m, actor, active ? 'user.enable' : 'user.disable', { type: 'user', id });
    });
    await this.actors.changed(id);
    return this.getVisible(actor, id);
  }

  async resetPassword(actor: Actor, rawId: string, newPassword: string): Promise<boolean> {
    const id = parseId(rawId, 'id');
    const { username } = await this.getVisible(actor, id);
    const problem = passwordProblem(newPassword, username);
    if (problem) throw AppError.badInput('newPassword', problem);
    const passwordHash = await hashPassword(newPassword);
    await this.ds.transaction(async (m) => {
      await this.getVisible(actor, id, m);
      await m.update(UserEntity, id, { passwordHash, failedLogins: 0, lockedUntil: null });
      await this.revokeSessions(m, id);
      await this.audit.record(m, actor, 'user.reset-password', { type: 'user', id });
    });
    await this.actors.changed(id);
    return true;
  }

  /** Refresh tokens revoked and access tokens cut off at once (token version; `changed` after the commit). */
  private async revokeSessions(m: EntityManager, userId: number): Promise<void> {
    await m
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: this.clock.now() })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
    await bumpTokenVersion(m, userId);
  }
}

function usernameTaken(): AppError {
  return new AppError(ErrorCode.USERNAME_TAKEN, '用户名已被使用', 'input.username');
}

function defaultScope(roles: Role[]): DataScope {
  return roles.map((r) => DEFAULT_SCOPE[r]).find(Boolean) ?? DataScope.SUBTREE;
}
