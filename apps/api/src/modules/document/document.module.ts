import { Module } from '@nestjs/common';
import { CaseFileService } from './case-file.service';
import { DocumentController } from './document.controller';
import { DocumentDataBuilder } from './document-data.builder';
import { DocumentDelivery } from './document-delivery.service';
import { DocumentFiles } from './document-files.service';
import { DocumentHook } from './document.hook';
import { DocumentNumberService } from './document-number.service';
import { DocumentRegistry } from './document-registry.service';
import { DocumentResolver } from './document.resolver';
import { DocumentSettingsService } from './document-settings.service';
import { PdfRenderer } from './pdf-renderer.service';

/**
 * Documents (文书) and the case file (卷宗): the numbered registry, the templates, the PDF renderer,
 * the hook that issues a step's documents in the step's transaction, downloads and SMS delivery.
 */
@Module({
  controllers: [DocumentController],
  providers: [
    PdfRenderer,
    DocumentNumberService,
    DocumentDataBuilder,
    DocumentFiles,
    DocumentRegistry,
    CaseFileService,
    DocumentHook,
    DocumentSettingsService,
    DocumentDelivery,
    DocumentResolver,
  ],
  exports: [DocumentRegistry, DocumentFiles, PdfRenderer, DocumentDelivery],
})
export class DocumentModule {}
