import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { DataScope, Role } from '@weiquan/shared';
import { OrgUnitEntity } from './org-unit.entity';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 64, unique: true }) username: string;
  @Column({ name: 'display_name', length: 50 }) displayName: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  @Column({ name: 'password_hash', length: 255, select: false }) passwordHash: string;
  @Column({ type: 'simple-json' }) roles: Role[];
  @Column({ name: 'data_scope', type: 'varchar', length: 10 }) dataScope: DataScope;
  @Column({ name: 'unit_id', type: 'int', unsigned: true }) unitId: number;
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'unit_id' }) unit?: OrgUnitEntity;
  // Copy of the unit's path so scope filters on users are one prefix range scan.
  @Index('ix_app_user_unit_path') @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ default: true }) active: boolean;
  @Column({ name: 'failed_logins', type: 'int', default: 0 }) failedLogins: number;
  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true }) lockedUntil: Date | null;
  // Copied into access tokens; bumping it revokes every access token issued before (see TokenVersion migration).
  @Column({ name: 'token_version', type: 'int', unsigned: true, default: 0 }) tokenVersion: number;
  @Column({ name: 'last_login_at', type: 'datetime', precision: 3, nullable: true }) lastLoginAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @VersionColumn() version: number;
}
