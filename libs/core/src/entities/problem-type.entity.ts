import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** 投诉问题类别 dictionary entry (migration 1766900000000): maintained by administrators, never deleted in use. */
@Entity('problem_type')
export class ProblemTypeEntity {
  @PrimaryColumn({ length: 32 }) code: string;
  @Column({ length: 50 }) name: string;
  @Column({ name: 'sort_order', type: 'int' }) sortOrder: number;
  @Column() active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @VersionColumn() version: number;
}
