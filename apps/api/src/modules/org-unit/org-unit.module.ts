import { Module } from '@nestjs/common';
import { OrgUnitResolver } from './org-unit.resolver';
import { OrgUnitService } from './org-unit.service';

@Module({ providers: [OrgUnitService, OrgUnitResolver], exports: [OrgUnitService] })
export class OrgUnitModule {}
