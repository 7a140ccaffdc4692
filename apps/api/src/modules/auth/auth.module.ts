import { Global, Module } from '@nestjs/common';
import { UserModule } from '../user/user.module';
import { ActorResolver } from './actor.resolver.service';
import { ApiKeyAuthService } from './api-key-auth.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [UserModule],
  providers: [TokenService, ApiKeyAuthService, ActorResolver, AuthService, AuthResolver],
  exports: [ActorResolver, TokenService],
})
export class AuthModule {}
