import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { type Actor, activeProblemType, AppError, AuditWriter, ProblemTypeEntity } from '@weiquan/core';
import type { CreateProblemTypeInput, UpdateProblemTypeInput } from './problem-type.input';

const NAME_TAKEN = '已有同名的投诉问题类别';

/**
 * 投诉问题类别 dictionary. Cases keep the code, so a rename shows everywhere (lists, tables, exports)
 * at once; a type is disabled rather than deleted once a case uses it; every change is audited.
 */
@Injectable()
export class ProblemTypeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  async list(includeInactive: boolean): Promise<{ entry: ProblemTypeEntity; inUse: boolean }[]> {
    const rows = await this.ds.getRepository(ProblemTypeEntity).find({
      where: includeInactive ? {} : { active: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
    const used = new Set<string>();
    if (rows.length) {
      // one index probe per type (ix_case_problem_type), not a scan of the case table
      const probes: { code: string }[] = await this.ds.query(
        rows
          .map(() => 'SELECT ? AS code FROM DUAL WHERE EXISTS (SELECT 1 FROM wq_case WHERE problem_type = ?)')
          .join(' UNION ALL '),
        rows.flatMap((r) => [r.code, r.code]),
      );
      for (const p of probes) used.add(p.code);
    }
    return rows.map((entry) => ({ entry, inUse: used.has(entry.code) }));
  }

  /** Whether any case carries the type (one probe of ix_case_problem_type). */
  async inUse(code: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    const [used] = await m.query('SELECT 1 AS x FROM wq_case WHERE problem_type = ? LIMIT 1', [code]);
    return !!used;
  }

  /** Registration's check: the code names an active type (else a coded error on `field`). */
  /** Current names of dictionary entries by code (a rename shows at once wherever a case is shown). */
  async namesOf(codes: readonly string[]): Promise<Map<string, string>> {
    const rows = codes.length ? await this.ds.getRepository(ProblemTypeEntity).findBy({ code: In([...codes]) }) : [];
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async assertActive(code: string, field: string, m: EntityManager = this.ds.manager): Promise<void> {
    await activeProblemType(m, code, field);
  }

  async create(actor: Actor, input: CreateProblemTypeInput): Promise<ProblemTypeEntity> {
    const name = input.name.trim();
    return this.ds.transaction(async (m) => {
      if (await m.findOne(ProblemTypeEntity, { where: { name } })) throw AppError.conflict(NAME_TAKEN, 'input.name');
      const [{ last }] = await m.query('SELECT COALESCE(MAX(sort_order), 0) AS last FROM problem_type');
      // an opaque code: a user never types or sees it, and the name may change later
      const code = `PT_${randomBytes(5).toString('hex').toUpperCase()}`;
      const e = m.create(ProblemTypeEntity, {
        code,
        name,
        sortOrder: input.sortOrder ?? Number(last) + 10,
        active: true,
      });
      await this.saveUnique(m, e);
      await this.audit.record(m, actor, 'createProblemType', { type: 'problem_type', id: code }, { name });
      return e;
    });
  }

  async update(actor: Actor, input: UpdateProblemTypeInput): Promise<ProblemTypeEntity> {
    return this.ds.transaction(async (m) => {
      const e = await m.findOne(ProblemTypeEntity, {
        where: { code: input.code },
        lock: { mode: 'pessimistic_write' },
      });
      if (!e) throw AppError.notFound('投诉问题类别', 'input.code');
      if (e.version !== input.version) throw AppError.conflict('该类别已被他人修改，请刷新后重试', 'input.version');
      const before = { name: e.name, sortOrder: e.sortOrder, active: e.active };
      if (input.name != null) {
        const name = input.name.trim();
        const other = await m.findOne(ProblemTypeEntity, { where: { name } });
        if (other && other.code !== e.code) throw AppError.conflict(NAME_TAKEN, 'input.name');
        e.name = name;
      }
      if (input.sortOrder != null) e.sortOrder = input.sortOrder;
      if (input.active != null) e.active = input.active;
      const after = { name: e.name, sortOrder: e.sortOrder, active: e.active };
      await this.saveUnique(m, e);
      await this.audit.record(m, actor, 'updateProblemType', { type: 'problem_type', id: e.code }, { before, after });
      return e;
    });
  }

  /**
   * Deletes a type no case uses and that is already disabled (so no registration can be choosing it
   * meanwhile); one in use can only be disabled.
   */
  async remove(actor: Actor, code: string): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const e = await m.findOne(ProblemTypeEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!e) throw AppError.notFound('投诉问题类别', 'code');
      if (e.active) throw AppError.conflict('请先停用该类别再删除', 'code');
      if (await this.inUse(code, m)) throw AppError.conflict(`「${e.name}」已有案件使用，不能删除，只能停用`, 'code');
      await m.delete(ProblemTypeEntity, { code });
      await this.audit.record(m, actor, 'deleteProblemType', { type: 'problem_type', id: code }, { name: e.name });
      return true;
    });
  }

  private async saveUnique(m: EntityManager, e: ProblemTypeEntity): Promise<void> {
    try {
      await m.save(e);
    } catch (err) {
      // two administrators naming two types alike at once: the unique key decides
      if ((err as { code?: string }).code === 'ER_DUP_ENTRY') throw AppError.conflict(NAME_TAKEN, 'input.name');
      throw err;
    }
  }
}
