import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TypicalCaseStatus } from '@weiquan/shared';
import { AppError, Clock } from '@weiquan/core';
import { CachedLoader, cachedLoader } from '../../common/ttl-cache';
import { PublicTypicalCase, PublicTypicalCasePage } from './public-typical-case.model';

const CACHE_MS = 60_000; // read-mostly: a publication or withdrawal in another process shows within a minute
const PAGE_MAX = 50;
const EXCERPT = 80;

/**
 * The public side of 典型案例: the published ones, newest first, searched by a keyword in the title or
 * text. They are few (a center publishes a handful a month) and read often, so the whole published set is
 * held per process for a minute and searched in memory; a change in the console drops it at once here.
 */
@Injectable()
export class PublicTypicalCaseService {
  private readonly cache: CachedLoader<'published', PublicTypicalCase[]>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    clock: Clock,
  ) {
    this.cache = cachedLoader(clock, CACHE_MS);
  }

  forget(): void {
    this.cache.clear();
  }

  async list(keyword: string | null | undefined, offset = 0, limit = 10): Promise<PublicTypicalCasePage> {
    const k = keyword?.trim().slice(0, 50);
    const all = await this.published();
    const hits = k
      ? all.filter((t) => t.title.includes(k) || t.facts.includes(k) || t.handling.includes(k) || t.lesson.includes(k))
      : all;
    const from = Math.max(0, offset);
    return {
      total: hits.length,
      items: hits.slice(from, from + Math.min(PAGE_MAX, Math.max(1, limit))).map((t) => ({
        ref: t.ref,
        title: t.title,
        category: t.category,
        problemType: t.problemType,
        unitName: t.unitName,
        publishedAt: t.publishedAt,
        excerpt: t.facts.length > EXCERPT ? `${t.facts.slice(0, EXCERPT)}…` : t.facts,
      })),
    };
  }

  /** One published case; a draft, a withdrawn one and an unknown ref all answer the same NOT_FOUND. */
  async get(ref: string): Promise<PublicTypicalCase> {
    const found = (await this.published()).find((t) => t.ref === ref);
    if (!found) throw AppError.notFound('典型案例', 'ref');
    return found;
  }

  private published(): Promise<PublicTypicalCase[]> {
    return this.cache.get('published', () => this.load());
  }

  private async load(): Promise<PublicTypicalCase[]> {
    const rows = await this.ds
      .createQueryBuilder()
      .from('typical_case', 't')
      .innerJoin('org_unit', 'u', 'u.id = t.unit_id')
      .leftJoin('problem_type', 'p', 'p.code = t.problem_type')
      .select([
        't.ref AS ref',
        't.title AS title',
        't.category AS category',
        'p.name AS problemType',
        'u.name AS unitName',
        't.published_at AS publishedAt',
        't.facts AS facts',
        't.handling AS handling',
        't.lesson AS lesson',
      ])
      .where('t.status = :s', { s: TypicalCaseStatus.PUBLISHED })
      .orderBy('t.published_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .getRawMany<PublicTypicalCase>();
    return rows.map((r) => ({ ...r, category: r.category ?? null, problemType: r.problemType ?? null }));
  }
}
