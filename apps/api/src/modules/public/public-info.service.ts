import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  durationLabel,
  OrgUnitType,
  OrgUnitTypeLabel,
  pathIds,
  PublicProcessSteps,
  WorkroomLabel,
  WorkroomPublicDuties,
  type WorkroomCode,
} from '@weiquan/shared';
import {
  AppConfig,
  Clock,
  DeadlineRuleEntity,
  DeadlineRuleSetEntity,
  OrgUnitEntity,
  PublicStaffCardEntity,
} from '@weiquan/core';
import { CachedLoader, cachedLoader } from '../../common/ttl-cache';
import { PublicServiceInfo, PublicServicePoint } from './public-info.model';
import { staffPhotoUrl } from './staff-photo-url';

const CACHE_MS = 60_000; // read-mostly: an administrator's change shows within a minute

/**
 * 办事公开: the process and the workrooms' duties, the commitments read from the rule sets in force (so
 * they change when an administrator revises a rule), the supervision phone, and the centers and stations
 * with their addresses and phones. Cached per process for a minute.
 */
@Injectable()
export class PublicInfoService {
  private readonly info: CachedLoader<'info', PublicServiceInfo>;
  private readonly points: CachedLoader<'points', PublicServicePoint[]>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    clock: Clock,
  ) {
    this.info = cachedLoader(clock, CACHE_MS);
    this.points = cachedLoader(clock, CACHE_MS);
  }

  /** Drops the cache of this process (after a change in the console; other processes follow within CACHE_MS). */
  forget(): void {
    this.info.clear();
    this.points.clear();
  }

  serviceInfo(): Promise<PublicServiceInfo> {
    return this.info.get('info', () => this.loadInfo());
  }

  /** Centers and stations; `keyword` matches the district, the name or the address. */
  async servicePoints(keyword?: string | null): Promise<PublicServicePoint[]> {
    const all = await this.points.get('points', () => this.loadPoints());
    const k = keyword?.trim().slice(0, 50);
    return k ? all.filter((p) => p.district.includes(k) || p.name.includes(k) || (p.address ?? '').includes(k)) : all;
  }

  private async loadInfo(): Promise<PublicServiceInfo> {
    const sets = await this.ds.getRepository(DeadlineRuleSetEntity).findBy({ active: true, layer: 'COMMITMENT' });
    const rules = sets.length
      ? await this.ds.getRepository(DeadlineRuleEntity).find({
          where: { ruleSetId: In(sets.map((s) => s.id)) },
          order: { id: 'ASC' },
        })
      : [];
    return {
      process: [...PublicProcessSteps],
      workrooms: (Object.keys(WorkroomPublicDuties) as WorkroomCode[]).map((w) => ({
        name: WorkroomLabel[w],
        duties: [...WorkroomPublicDuties[w]],
      })),
      commitments: rules.map((r) => ({ name: r.name, duration: durationLabel(r.amount, r.unit) })),
      supervisionPhone: this.config.PUBLIC_SUPERVISION_PHONE,
    };
  }

  private async loadPoints(): Promise<PublicServicePoint[]> {
    const [all, cards] = await Promise.all([
      this.ds.getRepository(OrgUnitEntity).find({ where: { active: true }, order: { path: 'ASC' } }),
      this.ds.getRepository(PublicStaffCardEntity).find({ order: { sortOrder: 'ASC', id: 'ASC' } }),
    ]);
    const units = all.filter((u) => u.type !== OrgUnitType.WORKROOM);
    const byId = new Map(all.map((u) => [u.id, u]));
    // A workroom's people stand on its center's board (the public visits the center, not the workroom).
    const boardOf = (unitId: number) => {
      const u = byId.get(unitId);
      return u?.type === OrgUnitType.WORKROOM ? u.parentId : u?.id;
    };
    // The district is the county center above (or the unit itself); the city center stands for itself.
    const district = (u: OrgUnitEntity) => {
      const county = pathIds(u.path)
        .map((id) => byId.get(Number(id)))
        .find((x) => x?.type === OrgUnitType.COUNTY_CENTER);
      return (county ?? u).name.replace(/消费者维权中心$/, '');
    };
    return units.map((u) => ({
      name: u.name,
      kindLabel: OrgUnitTypeLabel[u.type],
      district: district(u),
      address: u.address,
      phone: u.phone,
      officeHours: u.officeHours,
      staff: cards
        .filter((c) => boardOf(c.unitId) === u.id)
        .map((c) => ({
          name: c.name,
          post: c.post,
          workNo: c.workNo,
          onDuty: c.onDuty,
          photoUrl: staffPhotoUrl(c.photoRef),
        })),
    }));
  }
}
