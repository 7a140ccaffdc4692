import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '@weiquan/core';
import { CaseModule } from '../case/case.module';
import { DocumentModule } from '../document/document.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { PublicEvidenceController } from './public-evidence.controller';
import { PublicEvidenceService } from './public-evidence.service';
import { PublicInfoService } from './public-info.service';
import { PublicPublicationService } from './public-publication.service';
import { PublicationAdminResolver } from './publication-admin.resolver';
import { PublicBoardResolver } from './public-board.resolver';
import { PublicBoardService } from './public-board.service';
import { PublicDocumentService } from './public-document.service';
import { PublicSuggestionAdminService } from './public-suggestion-admin.service';
import { PublicSuggestionResolver } from './public-suggestion.resolver';
import { PublicLookupService } from './public-lookup.service';
import { PublicPhoneLookupService } from './public-phone-lookup.service';
import { PublicResolver } from './public.resolver';
import { PublicSubmissionService } from './public-submission.service';
import { PublicPerformanceService } from './public-performance.service';
import { PublicThrottle } from './public-throttle.service';
import { StaffPhotoController } from './staff-photo.controller';
import { StaffPhotoService } from './staff-photo.service';
import { PublicTypicalCaseService } from './public-typical-case.service';
import { TypicalCaseResolver } from './typical-case.resolver';
import { TypicalCaseService } from './typical-case.service';

/** The public site (#16): online submission, progress lookup and follow-up, 办事公开. No staff type, no login. */
@Module({
  imports: [
    CaseModule,
    DocumentModule,
    EvidenceModule,
    StatisticsModule,
    // The public's smaller limit; the bytes are checked in memory before anything is written.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.PUBLIC_EVIDENCE_MAX_BYTES, files: 1, fields: 3, fieldSize: 200, parts: 4 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [PublicEvidenceController, StaffPhotoController],
  providers: [
    PublicThrottle,
    PublicSubmissionService,
    PublicLookupService,
    PublicDocumentService,
    PublicPhoneLookupService,
    PublicEvidenceService,
    PublicInfoService,
    PublicPublicationService,
    PublicResolver,
    PublicBoardService,
    PublicBoardResolver,
    PublicSuggestionAdminService,
    PublicSuggestionResolver,
    PublicationAdminResolver,
    PublicTypicalCaseService,
    PublicPerformanceService,
    StaffPhotoService,
    TypicalCaseService,
    TypicalCaseResolver,
  ],
})
export class PublicModule {}
