import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ApiOperation, Channel } from '@weiquan/shared';

// Other government systems (12345, upper-level 12315, courts). A client's data scope is its owning unit's
// subtree; what it may call is the list of operations granted to it; what it registers is forced to its channel.
@Entity('api_client')
export class ApiClientEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 100 }) name: string;
  @Column({ name: 'unit_id', type: 'int', unsigned: true }) unitId: number;
  @Column({ type: 'simple-json' }) operations: ApiOperation[];
  @Column({ type: 'varchar', length: 24 }) channel: Channel;
  /** IPv4/IPv6 addresses or CIDR ranges the client may call from; empty = anywhere. */
  @Column({ name: 'allowed_sources', type: 'simple-json' }) allowedSources: string[];
  /** Requests per minute; null = the default of the configuration. */
  @Column({ name: 'rate_limit_per_min', type: 'int', unsigned: true, nullable: true }) rateLimitPerMin: number | null;
  @Column({ default: true }) active: boolean;
  @Column({ length: 200, nullable: true, type: 'varchar' }) note: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

// A client's keys: several at once so that rotation has no downtime. The key is shown once at creation;
// only its SHA-256 is stored (keys are 256-bit random, so a slow hash adds nothing).
@Entity('api_client_key')
export class ApiClientKeyEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'client_id', type: 'int', unsigned: true }) clientId: number;
  @Column({ length: 16 }) prefix: string;
  @Column({ name: 'key_hash', length: 64 }) keyHash: string;
  @Column({ type: 'varchar', length: 50, nullable: true }) label: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true }) lastUsedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
}
