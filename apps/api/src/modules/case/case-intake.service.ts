import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseKind, checkTransition, DEFAULT_CASE_MACHINE_CONFIG, normalizePhone } from '@weiquan/shared';
import {
  Actor,
  actsForOf,
  AppError,
  CaseEntity,
  CaseLifecycleService,
  CaseNumberService,
  Clock,
  GroupCommit,
  isLockContention,
  OrgUnitEntity,
  Settled,
  transactionThen,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { OrgUnitService } from '../org-unit/org-unit.service';
import { ProblemTypeService } from '../problem-type/problem-type.service';
import { RegisterCaseInput } from './case.input';

/** Window in which the same consumer phone + the same respondent marks a possible repeat (重复件). */
export const REPEAT_WINDOW_DAYS = 180;
/** Most registrations written in one transaction (group commit). */
export const REGISTRATION_BATCH_MAX = 32;
const DAY_MS = 86_400_000;

@Injectable()
export class CaseIntakeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly numbers: CaseNumberService,
    private readonly orgUnits: OrgUnitService,
    private readonly clock: Clock,
    private readonly lifecycle: CaseLifecycleService,
    private readonly problemTypes: ProblemTypeService,
  ) {}

  /**
   * 登记 (registerCaseStep in libs/core/src/case/steps). The request is checked and numbered here;
   * the writing is shared with the registrations arriving at the same
   * time (group commit, see registerMany): under load one transaction writes a batch of them.
   */
  async register(actor: Actor, input: RegisterCaseInput, transfer?: TransferRef): Promise<CaseEntity> {
    const written = await this.batch.submit({ ...(await this.prepare(actor, input)), transfer });
    await written.afterCommit; // its alarms are queued (the next batch is already being written meanwhile)
    return written.case;
  }

  /** Checks a registration and finds its unit and center; nothing is written. */
  async prepare(actor: Actor, input: RegisterCaseInput): Promise<PreparedRegistration> {
    const check = checkTransition('registerCase', {
      kind: input.kind,
      state: 'NEW',
      actor: { userId: String(actor.id), roles: actor.roles, unitIds: actor.actsFor.unitIds.map(String) },
      case: {},
      input: { channel: input.channel },
      config: DEFAULT_CASE_MACHINE_CONFIG,
    });
    if (!check.ok)
      throw new AppError(
        check.error.code,
        check.error.message,
        check.error.field ? `input.${check.error.field}` : undefined,
      );
    const now = this.clock.now();
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt.getTime() > now.getTime() + 60_000)
      throw AppError.badInput('input.receivedAt', '收到时间不能晚于现在');
    if (input.kind !== 'CONSULTATION' && input.kind !== 'SUGGESTION' && !input.respondent?.name) {
      throw AppError.badInput('input.respondent.name', '投诉、举报须填写被投诉（举报）经营者名称');
    }
    if (!input.consumer.anonymous && !input.consumer.phone && input.kind !== 'SUGGESTION') {
      throw AppError.badInput('input.consumer.phone', '请填写联系电话（匿名举报除外）');
    }
    // issue 14: the problem type comes from the active dictionary
    if (input.problemType != null) await this.problemTypes.assertActive(input.problemType, 'input.problemType');
    const unit = await this.intakeUnit(actor, input.unitId);
    const center = await this.numbers.centerOf(this.ds, unit);
    const phone = input.consumer.phone ? normalizePhone(input.consumer.phone) : null;
    return { actor, input, unit, center, year: shanghaiYear(receivedAt), phone, now, receivedAt };
  }

  /**
   * Writes prepared registrations together and settles each on its own:
   * 1. the repeat candidates of all of them in one statement (two registrations that could be repeats of
   *    each other never share a batch: the later one waits and sees the earlier one);
   * 2. one transaction: the case numbers (one statement per center and year, centers in id order), then
   *    the cases, their timeline entries and their clocks, each table one multi-row INSERT, rows in
   *    (unit, kind) order so that concurrent batches take the counter rows in one order. A batch holds
   *    its centers' number rows until it commits — batches of one center from several API processes
   *    take turns, a batch at a time — and one commit (one log flush) covers the whole batch. A rolled
   *    back batch gives its numbers back. A deadlock is retried; any other failure of a batch is retried
   *    registration by registration, so a bad one fails alone and the others are written.
   */
  async registerMany(items: PreparedRegistration[]): Promise<Settled<WrittenRegistration>[]> {
    const repeats = await this.findRepeats(items);
    const planned = items.map((p, i) => ({ p, repeat: repeats[i] ?? null }));
    try {
      return (await this.writeRetrying(planned)).map((value) => ({ ok: true, value }));
    } catch (e) {
      if (planned.length === 1) return [{ ok: false, error: e }];
      const out: Settled<WrittenRegistration>[] = [];
      for (const one of planned) {
        try {
          out.push({ ok: true, value: (await this.writeRetrying([one]))[0]! });
        } catch (error) {
          out.push({ ok: false, error });
        }
      }
      return out;
    }
  }

  private readonly batch = new GroupCommit<PreparedRegistration, WrittenRegistration>(
    (items) => this.registerMany(items),
    {
      maxBatch: REGISTRATION_BATCH_MAX,
      key: (p) =>
        p.phone && (p.input.respondent?.creditCode || p.input.respondent?.name)
          ? `${p.phone}|${repeatRespondentKey(p.input)}`
          : null,
    },
  );

  /** Numbers for the batch inside its transaction: one statement per center and year, in (center, year) order. */
  private async allocateNumbers(m: EntityManager, items: PreparedRegistration[]): Promise<string[]> {
    const groups = new Map<string, number[]>();
    items.forEach((p, i) => {
      const k = `${p.center.id}:${p.year}`;
      const idx = groups.get(k);
      if (idx) idx.push(i);
      else groups.set(k, [i]);
    });
    const ordered = [...groups.values()].sort(
      (a, b) => items[a[0]!]!.center.id - items[b[0]!]!.center.id || items[a[0]!]!.year - items[b[0]!]!.year,
    );
    const out: string[] = [];
    for (const idx of ordered) {
      const { center, year } = items[idx[0]!]!;
      const nos = await this.numbers.nextMany(m, center, year, idx.length);
      idx.forEach((i, j) => (out[i] = nos[j]!));
    }
    return out;
  }

  /**
   * Writes in one transaction; answers at commit. The alarms of the new clocks are queued after the
   * commit while the next batch is already written (each registration's `afterCommit`).
   */
  private async writeRetrying(planned: PlannedRegistration[]): Promise<WrittenRegistration[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { result, afterCommit } = await transactionThen(this.ds, (m) => this.write(m, planned));
        return result.map((c) => ({ case: c, afterCommit }));
      } catch (e) {
        if (attempt >= 3 || !isLockContention(e)) throw e;
      }
    }
  }

  private async write(m: EntityManager, planned: PlannedRegistration[]): Promise<CaseEntity[]> {
    const numbers = await this.allocateNumbers(
      m,
      planned.map((x) => x.p),
    );
    return this.lifecycle.registerIn(
      m,
      planned.map(({ p, repeat }, i) => ({ ...p, caseNo: numbers[i]!, repeat })),
    );
  }

  /** Where the case is registered: the given unit (within scope) or the actor's; workrooms register for their center. */
  private async intakeUnit(actor: Actor, rawUnitId?: string): Promise<OrgUnitEntity> {
    const id = rawUnitId ? parseId(rawUnitId, 'input.unitId') : actor.unitId;
    const unit = await this.orgUnits.getVisible(actor, id, 'input.unitId');
    // The center a workroom registers for, as Actor.actsFor works it out — from the unit itself, so that an API
    // client bound to a workroom (its actsFor knows no unit type) registers for the center too.
    const { centerId } = actsForOf(unit.id, unit.path, unit.type);
    if (centerId === unit.id) return unit;
    return this.orgUnits.getVisible(actor, centerId, 'input.unitId').catch(() => unit);
  }

  /**
   * The latest possible repeat of each registration (same consumer phone and the same respondent —
   * credit code, else name — within REPEAT_WINDOW_DAYS; a report only repeats a report), all in one
   * statement: a UNION ALL of one indexed LIMIT 1 lookup per registration.
   */
  private async findRepeats(items: PreparedRegistration[]): Promise<(RepeatCandidate | null)[]> {
    const parts: string[] = [];
    const params: unknown[] = [];
    items.forEach((p, i) => {
      const creditCode = p.input.respondent?.creditCode ?? null;
      const name = p.input.respondent?.name ?? null;
      if (!p.phone || (!creditCode && !name)) return;
      parts.push(
        `(SELECT ? AS k, c.id, c.case_no AS caseNo, c.kind, c.summary FROM wq_case c
           WHERE c.consumer_phone = ? AND c.received_at >= ? AND c.merged_into_id IS NULL
             AND ${creditCode ? 'c.respondent_credit_code = ?' : 'c.respondent_name = ?'}${p.input.kind === 'REPORT' ? " AND c.kind = 'REPORT'" : ''}
           ORDER BY c.received_at DESC LIMIT 1)`,
      );
      params.push(
        i,
        p.phone,
        new Date(p.receivedAt.getTime() - REPEAT_WINDOW_DAYS * DAY_MS),
        creditCode ? creditCode.toUpperCase() : name,
      );
    });
    const out: (RepeatCandidate | null)[] = items.map(() => null);
    if (!parts.length) return out;
    const rows: (RepeatCandidate & { k: number | string })[] = await this.ds.query(parts.join(' UNION ALL '), params);
    for (const r of rows) out[Number(r.k)] = { id: String(r.id), caseNo: r.caseNo, kind: r.kind, summary: r.summary };
    return out;
  }
}

/** What a registration needs once checked (CaseIntakeService.prepare). */
export interface PreparedRegistration {
  actor: Actor;
  input: RegisterCaseInput;
  unit: OrgUnitEntity;
  center: OrgUnitEntity;
  year: number;
  /** The consumer's phone, normalised. */
  phone: string | null;
  now: Date;
  receivedAt: Date;
  /** The sender's reference of a transfer from another system (written with the case row). */
  transfer?: TransferRef;
}

/** The sending system's 工单编号 and idempotency key, unique per sending client. */
export interface TransferRef {
  externalRef: string;
  idempotencyKey: string | null;
  /** 办理时限 given by the sender (issue #13). */
  senderDueAt?: Date | null;
}

/** A registration written by a batch; `afterCommit` settles when its alarms are queued (never rejects). */
export interface WrittenRegistration {
  case: CaseEntity;
  afterCommit: Promise<void>;
}

interface PlannedRegistration {
  p: PreparedRegistration;
  repeat: RepeatCandidate | null;
}

interface RepeatCandidate {
  id: string;
  caseNo: string;
  kind: CaseKind;
  summary: string;
}

function shanghaiYear(d: Date): number {
  return new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();
}

function repeatRespondentKey(input: RegisterCaseInput): string {
  const code = input.respondent?.creditCode;
  return code ? `code:${code.toUpperCase()}` : `name:${input.respondent?.name ?? ''}`;
}
