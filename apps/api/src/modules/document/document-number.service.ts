import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

interface OkPacket {
  insertId: number | string;
}

/**
 * Document numbers per issuing unit × type × year, as case numbers are taken (CaseNumberService):
 * the counter row is bumped with LAST_INSERT_ID(expr) inside the issuing step's transaction, so the
 * row stays locked until it ends — concurrent issues of one unit and type take turns, and a step that
 * rolls back gives its number back: the sequence has no gaps.
 */
@Injectable()
export class DocumentNumberService {
  async next(m: EntityManager, unitId: number, docType: string, year: number): Promise<number> {
    if (!m.queryRunner?.isTransactionActive) throw new Error('document numbers are taken inside a transaction');
    const res: OkPacket = await m.query(
      `INSERT INTO document_no_sequence (unit_id, doc_type, year, last_value) VALUES (?, ?, ?, LAST_INSERT_ID(1))
       ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)`,
      [unitId, docType, year],
    );
    const seq = Number(res.insertId);
    if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`document sequence returned ${String(res.insertId)}`);
    return seq;
  }
}
