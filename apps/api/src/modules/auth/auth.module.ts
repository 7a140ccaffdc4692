import { Global, Module } from '@nestjs/common';
import { UserModule } from '../user/user.module';
import { ActorResolver } from './actor.resolver.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [UserModule],
  providers: [TokenService, ActorResolver, LoginThrottle, AuthService, AuthResolver],
  exports: [ActorResolver, TokenService],
})
export class AuthModule {}
