import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  CaseKindLabel,
  PublicSatisfactionLabel,
  publicStage,
  PublicStepLabel,
  SatisfactionLabel,
  type CaseKind,
} from '@weiquan/shared';
import {
  AppConfig,
  AppError,
  CaseDeadlineEntity,
  Clock,
  CaseEntity,
  CaseEventEntity,
  ErrorCode,
  OrgUnitEntity,
  PublicCaseAccessEntity,
} from '@weiquan/core';
import { CachedLoader, cachedLoader } from '../../common/ttl-cache';
import { CaseHandlingService } from '../case/case-handling.service';
import { publicActor } from './public-actor';
import { codeHash, sameHash } from './public-codes';
import { consumerDocumentsStamp, PublicDocumentService } from './public-document.service';
import { normalizeCaseNo, PublicPhoneLookupService } from './public-phone-lookup.service';
import { PublicDocumentLinkInput, PublicFollowUpInput, PublicLookupInput } from './public.input';
import { PublicCaseProgress, PublicDocumentLink } from './public.model';
import { PublicThrottle } from './public-throttle.service';

/** The promised dates a consumer is told about, in plain words (clock rule code → label). */
const PROMISED: Readonly<Record<string, string>> = {
  ACCEPT_DECISION: '作出是否受理的决定',
  FILING_DECISION: '作出是否立案的决定',
  COMPLAINT_CONCLUDE: '承诺办结',
  REPORT_CONCLUDE: '承诺办结',
  STATION_CONCLUDE: '承诺办结',
  HOP_CONCLUDE: '承办单位办结',
  FOLLOW_UP: '回访',
};

/** What a lookup's check finds: the case's id and version, and its documents stamp (undefined: not read). */
interface Checked {
  id: string;
  version: number;
  /** The documents stamp, when asked for (a code check for a page). */
  documents?: string;
  /** The case itself, when the check had to read it (a phone check): nobody reads it twice. */
  entity?: CaseEntity;
}

// One answer for a wrong number and a wrong code (no enumeration).
const WRONG = '案件编号或查询码不正确';
const WRONG_PHONE = '案件编号、手机号码后四位或验证码不正确';
// A well-formed hash of nothing, compared when the number does not exist (same work either way).
const DUMMY_HASH = '0'.repeat(64);
/**
 * How long a case's page is served from memory. Every step changes the case's version, and its documents
 * (a correction supersedes one without a step) change their stamp — both are in the key, so a new stage,
 * reply or document shows at once; only what changes without either (a clock breached, a unit's phone) may
 * show up to this late.
 */
const PAGE_CACHE_MS = 30_000;

/**
 * 电子查询台: progress by case number + 查询码, and the consumer's own 回访 answer. Throttled per address
 * (all lookups, and failed ones) and per case number (failed ones, whoever tries, existing or not). A
 * wrong number and a wrong code take the same path (one indexed query, one HMAC, one comparison) and get
 * the same NOT_FOUND.
 */
@Injectable()
export class PublicLookupService {
  /** describe() per case, version and documents: a lookup is then one query (the code check) and the throttle. */
  private readonly pages: CachedLoader<string, PublicCaseProgress>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly handling: CaseHandlingService,
    private readonly throttle: PublicThrottle,
    private readonly config: AppConfig,
    private readonly documents: PublicDocumentService,
    private readonly phone: PublicPhoneLookupService,
    clock: Clock,
  ) {
    this.pages = cachedLoader(clock, PAGE_CACHE_MS);
  }

  async progress(address: string, input: PublicLookupInput): Promise<PublicCaseProgress> {
    const c = await this.check(address, input, { stamp: true });
    // A phone lookup's check read the case and has no documents stamp: its page is made afresh (a rare path).
    if (c.entity) return this.describe(c.entity);
    const load = async () => this.describe(await this.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id }));
    return this.pages.get(`${c.id}:${c.version}:${c.documents}`, load);
  }

  /** 回访 answered online: recorded through the staff's recordFollowUp step (reached, with the satisfaction). */
  async answerFollowUp(address: string, input: PublicFollowUpInput): Promise<PublicCaseProgress> {
    const c = await this.verify(address, input);
    if (c.state !== 'REPLIED' || c.followUpDone)
      throw new AppError(ErrorCode.CONFLICT, '该案件目前不需要评价', 'input.satisfaction');
    const intake = await this.ds.getRepository(OrgUnitEntity).findOneByOrFail({ id: c.intakeUnitId });
    const comment = input.comment?.trim();
    const { nextRound } = await this.handling.recordFollowUp(publicActor(intake, 'answeringFollowUp'), {
      caseId: c.id,
      version: c.version,
      result: 'REACHED',
      satisfaction: input.satisfaction,
      note: `消费者网上评价：${PublicSatisfactionLabel[input.satisfaction]}${comment ? `。意见：${comment}` : ''}`,
    });
    // 不满意 opens a new round: the consumer's code follows it (the next round's number is on the page);
    // after a phone lookup there is no code, and the phone (kept on the new round) opens it the same way.
    if (nextRound && input.queryCode)
      await this.ds.getRepository(PublicCaseAccessEntity).insert({
        caseId: nextRound.id,
        queryCodeHash: codeHash(this.config.JWT_SECRET, `case:${nextRound.id}`, input.queryCode),
        phone: nextRound.consumerPhone,
        submittedAt: nextRound.receivedAt,
      });
    const after = await this.describe(await this.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id }));
    return { ...after, nextRoundCaseNo: nextRound?.caseNo ?? null };
  }

  /** A one-time download link for a document served on the consumer (after the same check as a lookup). */
  async documentLink(address: string, input: PublicDocumentLinkInput): Promise<PublicDocumentLink> {
    const c = await this.verify(address, input);
    return this.documents.link(c.id, input.documentRef);
  }

  /**
   * The case if the number and the 查询码 match, or the number, the phone's last four digits and the SMS
   * code (PublicPhoneLookupService); otherwise the same refusal per way, counted against address and number.
   */
  async verify(address: string, input: PublicLookupInput): Promise<CaseEntity> {
    const c = await this.check(address, input, { stamp: false });
    return c.entity ?? this.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id });
  }

  /**
   * verify's check alone: the case's id and version, with `stamp` its documents stamp
   * (`consumerDocumentsStamp`) — all a lookup served from the page cache needs; after a phone check, the
   * case it read instead.
   */
  private async check(address: string, input: PublicLookupInput, opts: { stamp: boolean }): Promise<Checked> {
    const byPhone = !input.queryCode && (input.phoneLast4 || input.smsCode);
    if (!input.queryCode && !byPhone) throw AppError.badInput('input.queryCode', '请填写查询码');
    if (byPhone && !input.phoneLast4) throw AppError.badInput('input.phoneLast4', '请填写手机号码后四位');
    if (byPhone && !input.smsCode) throw AppError.badInput('input.smsCode', '请填写短信验证码');
    const caseNo = normalizeCaseNo(input.caseNo);
    // The three counters at once (one round of Redis calls, not three); a refusal is reported in this order.
    const refused = (
      await Promise.allSettled([
        this.throttle.consume('lookup', address, '查询过于频繁'),
        this.throttle.check('failedLookupAddress', address, '查询失败次数过多'),
        this.throttle.check('failedLookupCase', caseNo, '该案件编号查询失败次数过多'),
      ])
    ).find((r) => r.status === 'rejected');
    if (refused) throw refused.reason;
    if (byPhone) {
      const c = await this.ds.getRepository(CaseEntity).findOneBy({ caseNo });
      if (await this.phone.matches(c ?? undefined, input.phoneLast4!, input.smsCode!))
        return { id: c!.id, version: c!.version, entity: c! };
      await this.failed(address, caseNo);
      throw new AppError(ErrorCode.NOT_FOUND, WRONG_PHONE, 'input.smsCode');
    }
    // Plain SQL, one round trip: the hot path of every lookup (no entity to build).
    const stamp = opts.stamp ? consumerDocumentsStamp('c.id') : { sql: 'NULL', params: [] };
    const [row]: { id: string; version: number; query_code_hash: string; documents: string | null }[] =
      await this.ds.query(
        `SELECT c.id, c.version, a.query_code_hash, ${stamp.sql} AS documents
           FROM wq_case c JOIN public_case_access a ON a.case_id = c.id
          WHERE c.case_no = ?`,
        [...stamp.params, caseNo],
      );
    const given = codeHash(this.config.JWT_SECRET, `case:${row?.id ?? 0}`, input.queryCode!);
    const match = sameHash(row?.query_code_hash ?? DUMMY_HASH, given); // compared whether the number exists or not
    if (row && match)
      return {
        id: String(row.id),
        version: Number(row.version),
        documents: opts.stamp ? (row.documents ?? '') : undefined,
      };
    await this.failed(address, caseNo);
    throw new AppError(ErrorCode.NOT_FOUND, WRONG, 'input.queryCode');
  }

  private async failed(address: string, caseNo: string): Promise<void> {
    await Promise.all([
      this.throttle.penalise('failedLookupAddress', address),
      this.throttle.penalise('failedLookupCase', caseNo),
    ]);
  }

  /** The case's page. */
  private async describe(c: CaseEntity): Promise<PublicCaseProgress> {
    const handlingUnitId = c.assignedUnitId ?? c.ownerUnitId;
    const [events, clocks, units, documents] = await Promise.all([
      this.ds.getRepository(CaseEventEntity).find({
        where: { caseId: c.id, action: In(Object.keys(PublicStepLabel)) },
        order: { id: 'ASC' },
      }),
      this.ds.getRepository(CaseDeadlineEntity).find({
        where: { caseId: c.id, ruleCode: In(Object.keys(PROMISED)), status: In(['RUNNING', 'PAUSED']) },
        order: { dueAt: 'ASC' },
      }),
      this.ds.getRepository(OrgUnitEntity).findBy({ id: In([handlingUnitId, c.intakeUnitId]) }),
      this.documents.listFor(c.id),
    ]);
    const unit = units.find((u) => u.id === handlingUnitId);
    const intake = units.find((u) => u.id === c.intakeUnitId);
    const unitName = unit?.name ?? intake?.name ?? '';
    const { stage, explanation } = publicStage({
      state: c.state,
      kind: c.kind,
      unitName,
      mediating: c.dispatchWorkroom === 'RIGHTS',
      rejected: c.rejectGround != null,
    });
    return {
      caseNo: c.caseNo,
      kindLabel: CaseKindLabel[c.kind as CaseKind],
      stage,
      explanation,
      receivedAt: c.receivedAt,
      unitName,
      // A workroom has no phone of its own: the center's (intake) phone answers for it.
      unitPhone: unit?.phone ?? intake?.phone ?? null,
      promisedDates: clocks.filter((d) => d.dueAt).map((d) => ({ label: PROMISED[d.ruleCode]!, dueAt: d.dueAt! })),
      steps: events.map((e) => ({ label: PublicStepLabel[e.action]!, at: e.at })),
      reply: c.repliedAt ? c.replyContent : null,
      followUpOpen: c.state === 'REPLIED' && !c.followUpDone && (c.kind === 'COMPLAINT' || c.kind === 'REPORT'),
      satisfactionLabel: c.satisfaction ? SatisfactionLabel[c.satisfaction] : null,
      nextRoundCaseNo: null,
      documents,
    };
  }
}
