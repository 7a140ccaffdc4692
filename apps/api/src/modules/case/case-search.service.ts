import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor, CaseEntity, keywordColumns } from '@weiquan/core';

/**
 * A keyword's total is exact up to this many cases; beyond it the list says “超过 10000 条”
 * (CasePage.totalIsLowerBound). Counting every one of 300,000 cases that mention 退款 would cost a
 * scan of them all for a number nobody reads.
 */
export const KEYWORD_TOTAL_BOUND = 10_000;

/**
 * The keyword filter of the case list over the Mroonga index case_search (see migration
 * 1765600000000 and README “Keyword search”). Scope and every other filter stay on wq_case.
 */
@Injectable()
export class CaseSearchService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Narrows a query over wq_case (alias c) to the cases the keyword query matches for this actor. */
  match(qb: SelectQueryBuilder<CaseEntity>, actor: Actor, query: string): void {
    qb.andWhere(
      `c.id IN (SELECT s.case_id FROM case_search s WHERE MATCH(${keywordColumns(actor)}) AGAINST (:kwq IN BOOLEAN MODE))`,
      { kwq: query },
    );
  }

  /** The number of rows of the query, exact up to KEYWORD_TOTAL_BOUND. */
  async boundedCount(qb: SelectQueryBuilder<CaseEntity>): Promise<{ total: number; totalIsLowerBound: boolean }> {
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
