import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, ErrorCode } from '@weiquan/core';
import type { Permission } from '@weiquan/shared';
import { ActorResolver } from '../modules/auth/actor.resolver.service';
import { PERMISSION_KEY, PUBLIC_KEY, requestOf } from './permission.decorator';

/**
 * The single gate for every GraphQL field and HTTP route: authenticates the caller, then checks
 * the declared permission. A handler with neither @Public nor a permission is denied (fail closed).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly actors: ActorResolver,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const needed = this.reflector.getAllAndOverride<Permission | 'signed-in' | undefined>(PERMISSION_KEY, targets);
    if (!needed) throw new AppError(ErrorCode.FORBIDDEN, '接口未声明权限，拒绝访问');
    const req = requestOf(ctx);
    req.actor ??= await this.actors.fromHeaders(req.headers, req.ip);
    if (needed !== 'signed-in' && !req.actor.permissions.has(needed)) throw AppError.forbidden();
    return true;
  }
}
