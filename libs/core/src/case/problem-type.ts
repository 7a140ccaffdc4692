import type { EntityManager } from 'typeorm';
import { ProblemTypeEntity } from '../entities/problem-type.entity';
import { AppError } from '../errors/app-error';

/**
 * 投诉问题类别 a case may be given (at registration or by a correction): an existing, active entry of the
 * dictionary administrators maintain; otherwise a field error naming `field`. Returns the entry.
 */
export async function activeProblemType(m: EntityManager, code: string, field: string): Promise<ProblemTypeEntity> {
  const row = await m.findOne(ProblemTypeEntity, { where: { code } });
  if (!row) throw AppError.badInput(field, '投诉问题类别不存在，请从列表中选择');
  if (!row.active) throw AppError.badInput(field, `投诉问题类别「${row.name}」已停用，请重新选择`);
  return row;
}
