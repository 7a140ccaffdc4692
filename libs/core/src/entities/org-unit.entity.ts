import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrgUnitType, WorkroomCode } from '@weiquan/shared';

@Entity('org_unit')
export class OrgUnitEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 32, unique: true }) code: string;
  @Column({ length: 100 }) name: string;
  @Column({ type: 'varchar', length: 24 }) type: OrgUnitType;
  @Column({ name: 'parent_id', type: 'int', unsigned: true, nullable: true }) parentId: number | null;
  // Materialised path '/1/4/17/': subtree = path LIKE 'prefix%' (see libs/shared/src/org).
  @Index('ix_org_unit_path') @Column({ length: 255 }) path: string;
  @Column({ type: 'tinyint', unsigned: true }) depth: number;
  @Column({ type: 'varchar', length: 24, nullable: true }) workroom: WorkroomCode | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) address: string | null;
  /** 办公时间 shown on the public site (#16), e.g. 周一至周五 8:30-12:00，14:30-17:30. */
  @Column({ name: 'office_hours', type: 'varchar', length: 100, nullable: true }) officeHours: string | null;
  @Column({ default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
