import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutcomeLabel, Role, type Outcome } from '@weiquan/shared';
import {
  Actor,
  AppConfig,
  AppError,
  AuditWriter,
  CaseAccess,
  Clock,
  NotificationService,
  PublicPublicationWithdrawalEntity,
  PublicSuggestionEntity,
} from '@weiquan/core';
import { PublicPublishedComplaintPage } from './public-info.model';
import { PublicSuggestionInput } from './public.input';
import { PublicSubmissionService } from './public-submission.service';
import { PublicThrottle } from './public-throttle.service';

const DAY_MS = 86_400_000;
const PAGE_MAX = 50;

/**
 * 公示: concluded complaints whose consumer consented, published PUBLIC_PUBLICATION_DELAY_DAYS after the
 * conclusion unless an administrator withdrew them (reason kept, audited). Only the business side is
 * shown — never the consumer. Also the 意见箱: messages reach the center's directors as a notification.
 */
@Injectable()
export class PublicPublicationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly access: CaseAccess,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationService,
    private readonly submissions: PublicSubmissionService,
    private readonly throttle: PublicThrottle,
  ) {}

  /** Published complaints, newest first; `keyword` matches the business name or its credit code. */
  async published(keyword: string | null | undefined, offset = 0, limit = 20): Promise<PublicPublishedComplaintPage> {
    const before = new Date(this.clock.now().getTime() - this.config.PUBLIC_PUBLICATION_DELAY_DAYS * DAY_MS);
    const qb = this.ds
      .createQueryBuilder()
      .from('wq_case', 'c')
      .innerJoin('org_unit', 'u', 'u.id = COALESCE(c.assigned_unit_id, c.owner_unit_id)')
      .leftJoin('public_publication_withdrawal', 'w', 'w.case_id = c.id')
      .where("c.kind = 'COMPLAINT' AND c.consent_publication = 1 AND c.concluded_at IS NOT NULL")
      .andWhere('c.concluded_at <= :before', { before })
      .andWhere('c.respondent_name IS NOT NULL AND c.outcome IS NOT NULL AND w.case_id IS NULL');
    const k = keyword?.trim().slice(0, 100);
    if (k)
      qb.andWhere('(c.respondent_name LIKE :like OR c.respondent_credit_code = :code)', {
        like: `%${escapeLike(k)}%`,
        code: k.toUpperCase(),
      });
    const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: string }>())?.n ?? 0);
    const rows = await qb
      .select([
        'c.respondent_name AS respondentName',
        'c.respondent_credit_code AS respondentCreditCode',
        'c.respondent_address AS respondentAddress',
        'c.category AS category',
        'c.outcome AS outcome',
        'c.concluded_at AS concludedAt',
        'u.name AS unitName',
      ])
      .orderBy('c.concluded_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .offset(Math.max(0, offset))
      .limit(Math.min(PAGE_MAX, Math.max(1, limit)))
      .getRawMany<Record<string, string | Date | null>>();
    return {
      total,
      items: rows.map((r) => {
        const d = new Date(new Date(r.concludedAt as Date).getTime() + 8 * 3_600_000);
        return {
          respondentName: String(r.respondentName),
          respondentCreditCode: (r.respondentCreditCode as string | null) ?? null,
          respondentAddress: (r.respondentAddress as string | null) ?? null,
          category: (r.category as string | null) ?? null,
          result: OutcomeLabel[r.outcome as Outcome] ?? '已办结',
          unitName: String(r.unitName),
          concludedMonth: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`,
        };
      }),
    };
  }

  /** An administrator withdraws a case from 公示; the reason is kept and audited. */
  async withdraw(actor: Actor, caseId: string, reason: string): Promise<boolean> {
    if (!actor.roles.includes(Role.ADMIN)) throw AppError.forbidden('只有系统管理员可以撤回公示');
    const text = reason.trim();
    if (!text) throw AppError.badInput('reason', '请说明撤回理由');
    await this.ds.transaction(async (m) => {
      const c = await this.access.getVisible(actor, caseId, { m, lock: true, field: 'caseId' });
      const done = await m.findOneBy(PublicPublicationWithdrawalEntity, { caseId: c.id });
      if (done) throw AppError.conflict('该案件已撤回公示', 'caseId');
      await m.insert(PublicPublicationWithdrawalEntity, {
        caseId: c.id,
        reason: text,
        withdrawnById: actor.id,
        withdrawnAt: this.clock.now(),
      });
      await this.audit.record(
        m,
        actor,
        'publication.withdraw',
        { type: 'case', id: c.id },
        { caseNo: c.caseNo, reason: text },
      );
    });
    return true;
  }

  /** 意见箱: stored at the city center and sent to its directors' notifications. */
  async suggest(address: string, input: PublicSuggestionInput): Promise<boolean> {
    await this.throttle.consume('suggestionAddress', address, '今天留言次数已达上限');
    const center = await this.submissions.cityCenter();
    await this.ds.transaction(async (m) => {
      const id = (
        await m.insert(PublicSuggestionEntity, {
          centerId: center.id,
          content: input.content.trim(),
          contact: input.contact?.trim() || null,
          receivedAt: this.clock.now(),
        })
      ).identifiers[0]!.id as string;
      const directors = await this.notifications.usersWithRole(m, center.id, Role.DIRECTOR);
      await this.notifications.notifyUsers(m, directors, {
        kind: 'PUBLIC_SUGGESTION',
        title: '意见箱收到新留言',
        body: input.content.trim().slice(0, 200),
        dedupeKey: `public-suggestion-${id}`,
      });
    });
    return true;
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (x) => `\\${x}`);
}
