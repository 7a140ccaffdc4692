import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';

export const PERMISSION_KEY = 'wq:permission';
export const PUBLIC_KEY = 'wq:public';

/** Every Query/Mutation declares what it needs; the guard denies one that declares nothing. */
export const Allow = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
/** Any signed-in actor (user or API client) may call it. */
export const SignedIn = () => SetMetadata(PERMISSION_KEY, 'signed-in');
/** No sign-in needed (login, refresh, health). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true));

export function requestOf(ctx: ExecutionContext): RequestWithActor {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext().req;
  return ctx.switchToHttp().getRequest();
}

export interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = requestOf(ctx).actor;
  if (!actor) throw new Error('CurrentActor used on a public field');
  return actor;
});
