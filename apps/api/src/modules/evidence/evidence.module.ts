import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '@weiquan/core';
import { EvidenceController } from './evidence.controller';
import { EvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';

@Module({
  imports: [
    // Memory storage: the bytes are checked (type, signature) before anything is written.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.EVIDENCE_MAX_BYTES, files: 1, fields: 4, fieldSize: 4096, parts: 6 },
        // Browsers send UTF-8 file names raw in the part header; busboy's default would read them as latin1.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceResolver],
  exports: [EvidenceService],
})
export class EvidenceModule {}
