import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DataScope, Role } from '@weiquan/shared';

// Other government systems (12345, upper-level 12315, courts). The key is shown once at creation;
// only its SHA-256 is stored (keys are 256-bit random, so a slow hash adds nothing).
@Entity('api_client')
export class ApiClientEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 100 }) name: string;
  @Column({ name: 'key_prefix', length: 16, unique: true }) keyPrefix: string;
  @Column({ name: 'key_hash', length: 64 }) keyHash: string;
  @Column({ type: 'simple-json' }) roles: Role[];
  @Column({ name: 'unit_id', type: 'int', unsigned: true }) unitId: number;
  @Column({ name: 'data_scope', type: 'varchar', length: 10 }) dataScope: DataScope;
  @Column({ default: true }) active: boolean;
  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true }) lastUsedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
