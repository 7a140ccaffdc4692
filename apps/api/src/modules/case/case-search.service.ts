import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { Permission } from '@weiquan/shared';
import {
  Actor,
  CaseEntity,
  CaseSearchIndexer,
  CONFIDENTIAL_SQL,
  escapeLike,
  GroongaListFilter,
  groongaResult,
  groongaSelect,
  IDENT_COLUMNS,
  keywordMatches,
  keywordMatchSql,
  keywordWords,
  OPEN_COLUMNS,
} from '@weiquan/core';

/**
 * A keyword's total is exact up to this many cases; beyond it the list says “超过 1000 条”
 * (CasePage.totalIsLowerBound). Counting every one of 300,000 cases that mention 退款 would cost a
 * scan of them all for a number nobody reads.
 */
export const KEYWORD_TOTAL_BOUND = 1000;
/** Newest cases of the list looked at to tell a frequent keyword from a rare one. */
const PROBE_ROWS = 200;
/** Newest cases of the list a frequent keyword's total is counted in before the engine is asked. */
const COUNT_WINDOW = 12_000;

/** The list's filters the engine can apply itself (CaseQueryService.list sets it when there are no others). */
export interface KeywordListShape {
  unitPath: string | null;
  open: boolean | null;
  ascending: boolean;
}

export interface KeywordPage {
  items: CaseEntity[];
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * The keyword filter of the case list (README “Keyword search”), through the Mroonga index case_search
 * (bigrams, and 5-grams of letter/digit runs; migrations 1765600000000, 1765600100000, 1767300000000). Three plans, same result:
 * - when the list has no filter but unit and open/closed and is sorted by receipt (the console's search
 *   box), one Groonga `select` does it all inside the engine — match, scope, unit, sort, page and the
 *   exact number of hits — and only the page's cases are read from wq_case (through the same scoped
 *   query, so a stale index row can drop a case from the page but never show one out of scope);
 * - otherwise, a keyword found in at least a tenth of the newest cases of the list is read newest
 *   first with LIKE (the page is among the first few hundred rows);
 * - any other keyword's index hits are joined with the list's query (bounded total).
 * Both match the same columns (libs/core/src/search/case-search.sql.ts); case-search.int-spec.ts
 * checks both against plain LIKE.
 */
@Injectable()
export class CaseSearchService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly indexer: CaseSearchIndexer,
  ) {}

  /** Before a list that asks the engine: what this process wrote is in the index (read your writes). */
  catchUp(): Promise<void> {
    return this.indexer.catchUp();
  }

  async page(
    qb: SelectQueryBuilder<CaseEntity>,
    actor: Actor,
    keyword: string,
    offset: number,
    limit: number,
    shape: KeywordListShape | null = null,
  ): Promise<KeywordPage | null> {
    const unmask = actor.permissions.has(Permission.CASE_UNMASK);
    const matches = keywordMatches(keyword, unmask);
    if (!matches.length) return null;
    const words = keywordWords(keyword);
    const inEngine = this.engineFilter(actor, shape);
    const frequent = offset + limit <= PROBE_ROWS / 10 && (await this.probe(qb, actor, words)) >= PROBE_ROWS / 10;
    if (inEngine && !frequent) return this.enginePage(qb, actor, words, inEngine, offset, limit);
    const q = qb.clone();
    if (frequent) {
      // Page newest first with LIKE; the total from the newest COUNT_WINDOW rows when they hold more
      // than the bound, else exactly from the engine: a burst of similar new cases makes a keyword look
      // frequent that is rare overall, and a LIKE count would then read the whole table.
      this.like(q, actor, words);
      const [items, inWindow] = await Promise.all([
        q.clone().offset(offset).limit(limit).getMany(),
        this.probe(qb, actor, words, COUNT_WINDOW, KEYWORD_TOTAL_BOUND + 1),
      ]);
      if (inWindow > KEYWORD_TOTAL_BOUND) return { items, total: KEYWORD_TOTAL_BOUND, totalIsLowerBound: true };
      if (inEngine)
        return {
          items,
          total: (await this.engineSelect(actor, words, inEngine, 0, 0)).total,
          totalIsLowerBound: false,
        };
      return { items, ...(await this.boundedCount(q)) };
    }
    const hits = keywordMatchSql(matches, 'kwq');
    q.andWhere(hits.sql, hits.params);
    const [items, total] = await Promise.all([q.clone().offset(offset).limit(limit).getMany(), this.boundedCount(q)]);
    return { items, ...total };
  }

  /** The Groonga-side filter for this actor and list shape, or null when the engine cannot express it. */
  private engineFilter(actor: Actor, shape: KeywordListShape | null): GroongaListFilter | null {
    if (!shape) return null;
    const f: GroongaListFilter = { pathPrefixes: [], pathExact: null, open: shape.open, ascending: shape.ascending };
    const s = actor.scope;
    if (s.type === 'SUBTREE') f.pathPrefixes.push(s.pathPrefix);
    else if (s.type === 'UNIT') f.pathExact = s.unitPath;
    else if (s.type !== 'ALL') return null;
    if (shape.unitPath) f.pathPrefixes.push(shape.unitPath);
    return f;
  }

  private async enginePage(
    qb: SelectQueryBuilder<CaseEntity>,
    actor: Actor,
    words: string[],
    f: GroongaListFilter,
    offset: number,
    limit: number,
  ): Promise<KeywordPage> {
    const { total, ids } = await this.engineSelect(actor, words, f, offset, limit);
    const items = ids.length ? await qb.clone().andWhere('c.id IN (:...kwIds)', { kwIds: ids }).getMany() : [];
    return { items, total, totalIsLowerBound: false };
  }

  /** One Groonga select: the page's case ids (newest first) and the exact number of hits. */
  private async engineSelect(actor: Actor, words: string[], f: GroongaListFilter, offset: number, limit: number) {
    const command = groongaSelect(words, actor.permissions.has(Permission.CASE_UNMASK), f, offset, limit);
    const [row] = await this.ds.query('SELECT mroonga_command(?) AS r', [command]);
    return groongaResult(String(row.r));
  }

  /** How many of the list's first `rows` cases contain the keyword (counting stops at `stop`). */
  private async probe(
    qb: SelectQueryBuilder<CaseEntity>,
    actor: Actor,
    words: string[],
    rows = PROBE_ROWS,
    stop = rows,
  ): Promise<number> {
    const inner = qb.clone().select('c.id', 'id').offset(0).limit(rows);
    const [sql, params] = inner.getQueryAndParameters();
    const hit = this.ds.createQueryBuilder().select('1').from(CaseEntity, 'c').where('c.id = t.id');
    this.like(hit, actor, words);
    const [hitSql, hitParams] = hit.getQueryAndParameters();
    const [row] = await this.ds.query(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM (${sql}) t WHERE EXISTS (${hitSql}) LIMIT ${stop}) x`,
      [...params, ...hitParams],
    );
    return Number(row.n);
  }

  /** The same match as the index, as LIKE over the same columns (each word somewhere). */
  private like(qb: SelectQueryBuilder<any>, actor: Actor, words: string[]): void {
    const unmask = actor.permissions.has(Permission.CASE_UNMASK);
    words.forEach((w, i) => {
      const p = `kwl${i}`;
      qb.andWhere(
        new Brackets((b) => {
          for (const col of OPEN_COLUMNS) b.orWhere(`c.${col} LIKE :${p}`);
          if (unmask) for (const col of IDENT_COLUMNS) b.orWhere(`c.${col} LIKE :${p}`);
          else
            b.orWhere(
              `(NOT ${CONFIDENTIAL_SQL('c')} AND (c.consumer_name LIKE :${p} OR c.consumer_address LIKE :${p}))`,
            );
        }),
        { [p]: `%${escapeLike(w)}%` },
      );
    });
  }

  /** The number of rows of the query, exact up to KEYWORD_TOTAL_BOUND. */
  private async boundedCount(
    qb: SelectQueryBuilder<CaseEntity>,
  ): Promise<{ total: number; totalIsLowerBound: boolean }> {
    const [sql, params] = qb
      .clone()
      .select('1')
      .orderBy()
      .limit(KEYWORD_TOTAL_BOUND + 1)
      .getQueryAndParameters();
    const [row] = await this.ds.query(`SELECT COUNT(*) AS n FROM (${sql}) t`, params);
    const n = Number(row.n);
    return n > KEYWORD_TOTAL_BOUND
      ? { total: KEYWORD_TOTAL_BOUND, totalIsLowerBound: true }
      : { total: n, totalIsLowerBound: false };
  }
}
