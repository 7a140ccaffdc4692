import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { Public } from '../../common/permission.decorator';
import { UserService } from '../user/user.service';
import { toUserModel } from '../user/user.model';
import { ActorResolver } from './actor.resolver.service';
import { AuthPayload, LoginInput } from './auth.model';
import { AuthService, Session } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly actors: ActorResolver,
    private readonly users: UserService,
  ) {}

  @Mutation(() => AuthPayload, { description: '登录：返回访问令牌与刷新令牌' })
  @Public()
  async login(@Args('input') input: LoginInput, @Context('req') req: Request): Promise<AuthPayload> {
    return this.payload(await this.auth.login(input.username, input.password, req.ip ?? ''));
  }

  @Mutation(() => AuthPayload, { description: '用刷新令牌换取新令牌（旧刷新令牌随即作废）' })
  @Public()
  async refreshToken(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.payload(await this.auth.refresh(refreshToken));
  }

  @Mutation(() => Boolean, { description: '退出登录：注销该会话' })
  @Public()
  logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  private async payload(s: Session): Promise<AuthPayload> {
    const actor = await this.actors.forUser(s.userId);
    const user = await this.users.getVisible(actor, s.userId);
    return {
      accessToken: s.accessToken,
      refreshToken: s.refreshToken,
      accessTokenExpiresAt: s.accessTokenExpiresAt,
      user: toUserModel(user),
    };
  }
}
