import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { CaseActionLabel, CaseStateLabel } from '@weiquan/shared';
import { Actor, ApiClientEntity, AppError, CaseEntity, CaseEventEntity, ErrorCode, OrgUnitEntity } from '@weiquan/core';
import { Page, PageInput } from '../../common/paging';
import { AuditService } from '../audit/audit.service';
import { CaseIntakeService } from '../case/case-intake.service';
import { RegisterCaseInput } from '../case/case.input';
import { TransferCaseInput } from './transfer.input';
import { TransferModel } from './transfer.model';

/**
 * Transfer-in (转办) from another system and reading back its own transfers.
 *
 * Idempotency rests on the database: (registered_by_client_id, external_ref) and
 * (registered_by_client_id, idempotency_key) are unique keys of wq_case, written with the case row. A resent
 * transfer finds the case by the fast lookup; concurrent resends that all miss it race to the INSERT, one
 * wins, the others fail with a duplicate key and answer the winner's case.
 */
@Injectable()
export class TransferService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly audit: AuditService,
  ) {}

  async transferIn(actor: Actor, input: TransferCaseInput): Promise<{ transfer: TransferModel; created: boolean }> {
    if (actor.kind !== 'API_CLIENT') throw AppError.forbidden('转办登记仅供外部系统调用');
    const client = await this.ds.getRepository(ApiClientEntity).findOneByOrFail({ id: actor.id });
    const { externalRef, idempotencyKey, ...fields } = input;
    const found = await this.existing(actor.id, externalRef, idempotencyKey);
    if (found) return this.resent(actor, found, input);
    let c: CaseEntity;
    try {
      const register: RegisterCaseInput = { ...fields, channel: client.channel };
      c = await this.intake.register(actor, register, { externalRef, idempotencyKey: idempotencyKey ?? null });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const winner = await this.existing(actor.id, externalRef, idempotencyKey);
      if (!winner) throw e;
      return this.resent(actor, winner, input);
    }
    await this.ds.transaction((m) =>
      this.audit.record(m, actor, 'case.transferIn', { type: 'case', id: c.id }, { externalRef, caseNo: c.caseNo }),
    );
    return { transfer: (await this.models([c]))[0]!, created: true };
  }

  /** The client's own transfer by the sender's reference; any other case answers NOT_FOUND. */
  async byExternalRef(actor: Actor, externalRef: string): Promise<TransferModel> {
    const c = await this.ds
      .getRepository(CaseEntity)
      .findOneBy({ registeredByClientId: actor.id, externalRef: String(externalRef).slice(0, 64) });
    if (!c || actor.kind !== 'API_CLIENT') throw AppError.notFound('转办案件', 'externalRef');
    return (await this.models([c]))[0]!;
  }

  /** The client's own transfers, newest first. */
  async list(actor: Actor, page: PageInput): Promise<Page<TransferModel>> {
    if (actor.kind !== 'API_CLIENT') return { items: [], total: 0, offset: page.offset, limit: page.limit };
    const [rows, total] = await this.ds.getRepository(CaseEntity).findAndCount({
      where: { registeredByClientId: actor.id, externalRef: Not(IsNull()) },
      order: { id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return { items: await this.models(rows), total, offset: page.offset, limit: page.limit };
  }

  private existing(clientId: number, externalRef: string, idempotencyKey?: string): Promise<CaseEntity | null> {
    const repo = this.ds.getRepository(CaseEntity);
    return repo.findOne({
      where: [
        { registeredByClientId: clientId, externalRef },
        ...(idempotencyKey ? [{ registeredByClientId: clientId, idempotencyKey }] : []),
      ],
      order: { id: 'ASC' },
    });
  }

  /** A resend: the same case — unless the idempotency key was already used for another work order. */
  private async resent(actor: Actor, c: CaseEntity, input: TransferCaseInput) {
    if (c.externalRef !== input.externalRef)
      throw new AppError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        `该幂等键已用于工单 ${c.externalRef}，不能用于另一工单`,
        'input.idempotencyKey',
      );
    await this.ds.transaction((m) =>
      this.audit.record(
        m,
        actor,
        'case.transferIn.resent',
        { type: 'case', id: c.id },
        {
          externalRef: c.externalRef,
          caseNo: c.caseNo,
        },
      ),
    );
    return { transfer: (await this.models([c]))[0]!, created: false };
  }

  private async models(cases: CaseEntity[]): Promise<TransferModel[]> {
    if (!cases.length) return [];
    const ids = cases.map((c) => c.id);
    const [events, units] = await Promise.all([
      this.ds.getRepository(CaseEventEntity).find({
        where: { caseId: In(ids), toState: Not(IsNull()) },
        order: { id: 'ASC' },
      }),
      this.ds.getRepository(OrgUnitEntity).findBy({ id: In([...new Set(cases.map((c) => c.ownerUnitId))]) }),
    ]);
    return cases.map((c) => ({
      caseId: c.id,
      caseNo: c.caseNo,
      externalRef: c.externalRef ?? '',
      kind: c.kind,
      channel: c.channel,
      state: c.state,
      stateLabel: CaseStateLabel[c.state] ?? c.state,
      isOpen: c.isOpen,
      ownerUnitName: units.find((u) => u.id === c.ownerUnitId)?.name ?? '',
      receivedAt: c.receivedAt,
      registeredAt: c.registeredAt,
      dueAt: c.dueAt,
      overdue: c.overdue,
      rejectGround: c.rejectGround,
      outcome: c.outcome,
      concludedAt: c.concludedAt,
      replyContent: c.replyContent,
      repliedAt: c.repliedAt,
      satisfaction: c.satisfaction,
      archivedAt: c.archivedAt,
      steps: events
        .filter((e) => e.caseId === c.id)
        .map((e) => ({
          action: e.action,
          label: (CaseActionLabel as Record<string, string>)[e.action] ?? e.action,
          fromState: e.fromState as TransferModel['state'] | null,
          toState: e.toState as TransferModel['state'] | null,
          at: e.at,
        })),
    }));
  }
}

function isDuplicateKey(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } };
  return err?.code === 'ER_DUP_ENTRY' || err?.driverError?.code === 'ER_DUP_ENTRY';
}
