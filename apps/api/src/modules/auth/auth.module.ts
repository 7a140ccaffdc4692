import { Global, Module } from '@nestjs/common';
import { UserModule } from '../user/user.module';
import { ActorResolver } from './actor.resolver.service';
import { ApiKeyAuthService } from './api-key-auth.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [UserModule],
  providers: [TokenService, ApiKeyAuthService, ActorResolver, LoginThrottle, AuthService, AuthResolver],
  exports: [ActorResolver, TokenService],
})
export class AuthModule {}
