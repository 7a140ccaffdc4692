import { Module } from '@nestjs/common';
import { OrgUnitModule } from '../org-unit/org-unit.module';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

@Module({ imports: [OrgUnitModule], providers: [UserService, UserResolver], exports: [UserService] })
export class UserModule {}
