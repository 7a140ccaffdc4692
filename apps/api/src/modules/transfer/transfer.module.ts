import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { ExchangeInboundService } from './exchange-inbound.service';
import { InputValidationPipe } from '../../common/validation.pipe';
import { TransferResolver } from './transfer.resolver';
import { TransferService } from './transfer.service';
import { WorkOrderResolver } from './work-order.resolver';
import { WorkOrderService } from './work-order.service';

/**
 * 转办: cases transferred in by other government systems, and their status read back by the sender — over
 * GraphQL, and from the province receivers bound in the application (ExchangeInboundService).
 */
@Module({
  imports: [CaseModule],
  providers: [
    TransferService,
    TransferResolver,
    WorkOrderService,
    WorkOrderResolver,
    InputValidationPipe,
    ExchangeInboundService,
  ],
})
export class TransferModule {}
