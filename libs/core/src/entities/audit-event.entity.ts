import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Append-only record of administrative actions (user admin, unmasking, rule changes).
@Entity('audit_event')
@Index('ix_audit_event_target', ['targetType', 'targetId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'actor_user_id', type: 'int', unsigned: true, nullable: true }) actorUserId: number | null;
  @Column({ name: 'actor_client_id', type: 'int', unsigned: true, nullable: true }) actorClientId: number | null;
  @Column({ length: 64 }) action: string;
  @Column({ name: 'target_type', length: 32 }) targetType: string;
  @Column({ name: 'target_id', length: 64 }) targetId: string;
  @Column({ type: 'simple-json', nullable: true }) detail: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
