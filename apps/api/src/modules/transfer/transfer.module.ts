import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { TransferResolver } from './transfer.resolver';
import { TransferService } from './transfer.service';

/** 转办: cases transferred in by other government systems, and their status read back by the sender. */
@Module({ imports: [CaseModule], providers: [TransferService, TransferResolver] })
export class TransferModule {}
