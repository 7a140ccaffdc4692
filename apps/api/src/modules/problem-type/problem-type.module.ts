import { Module } from '@nestjs/common';
import { ProblemTypeResolver } from './problem-type.resolver';
import { ProblemTypeService } from './problem-type.service';

/** 投诉问题类别 dictionary (issue 14): administration, and the check registration runs. */
@Module({ providers: [ProblemTypeService, ProblemTypeResolver], exports: [ProblemTypeService] })
export class ProblemTypeModule {}
