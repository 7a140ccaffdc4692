import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// Referral/transfer targets outside the org tree (price authority, courts, other departments).
@Entity('external_agency')
export class ExternalAgencyEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 100 }) name: string;
  @Column({ length: 24 }) kind: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) address: string | null;
  @Column({ default: true }) active: boolean;
}
