import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Refresh tokens rotate: each use marks the row used and issues a successor in the same family.
// Presenting a used token again revokes the whole family (reuse detection).
@Entity('refresh_token')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Index('ix_refresh_token_user') @Column({ name: 'user_id', type: 'int', unsigned: true }) userId: number;
  @Index('ix_refresh_token_family') @Column({ name: 'family_id', length: 36 }) familyId: string;
  @Column({ name: 'token_hash', length: 64, unique: true }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true }) usedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
