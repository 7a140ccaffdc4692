import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, SelectQueryBuilder } from 'typeorm';
import { Permission } from '@weiquan/shared';
import {
  Actor,
  CaseEntity,
  CONFIDENTIAL_SQL,
  escapeLike,
  IDENT_COLUMNS,
  keywordColumns,
  keywordQuery,
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

export interface KeywordPage {
  items: CaseEntity[];
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * The keyword filter of the case list (README “Keyword search”). Two plans, same result:
 * - a keyword found in at least a tenth of the newest cases of the list (消费者, a county's name in its
 *   own list) is read newest first with LIKE: the page is among the first few hundred rows and the
 *   bounded total within ten times the bound;
 * - any other keyword goes through the Mroonga bigram index case_search (migration 1765600000000),
 *   which returns its few matches at once, joined with the list's scope and filters.
 * Both match the same columns (libs/core/src/search/case-search.sql.ts); case-search.int-spec.ts
 * checks both against plain LIKE.
 */
@Injectable()
export class CaseSearchService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(
    qb: SelectQueryBuilder<CaseEntity>,
    actor: Actor,
    keyword: string,
    offset: number,
    limit: number,
  ): Promise<KeywordPage | null> {
    const query = keywordQuery(keyword);
    if (!query) return null;
    const words = keywordWords(keyword);
    const frequent = offset + limit <= PROBE_ROWS / 10 && (await this.probe(qb, actor, words)) >= PROBE_ROWS / 10;
    const q = qb.clone();
    if (frequent) this.like(q, actor, words);
    else
      q.andWhere(
        `c.id IN (SELECT s.case_id FROM case_search s WHERE MATCH(${keywordColumns(actor)}) AGAINST (:kwq IN BOOLEAN MODE))`,
        { kwq: query },
      );
    const [items, total] = await Promise.all([q.clone().offset(offset).limit(limit).getMany(), this.boundedCount(q)]);
    return { items, ...total };
  }

  /** How many of the list's newest PROBE_ROWS cases contain the keyword. */
  private async probe(qb: SelectQueryBuilder<CaseEntity>, actor: Actor, words: string[]): Promise<number> {
    const inner = qb.clone().select('c.id', 'id').limit(PROBE_ROWS);
    const [sql, params] = inner.getQueryAndParameters();
    const hit = this.ds.createQueryBuilder().select('1').from(CaseEntity, 'c').where('c.id = t.id');
    this.like(hit, actor, words);
    const [hitSql, hitParams] = hit.getQueryAndParameters();
    const [row] = await this.ds.query(`SELECT COUNT(*) AS n FROM (${sql}) t WHERE EXISTS (${hitSql})`, [
      ...params,
      ...hitParams,
    ]);
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
