import { codeTokens } from './case-codes';

// What the keyword search matches, in one place: the indexer writes these into case_search, the
// correctness test compares the search with LIKE over exactly these columns.

/** Matched for every reader of the case. A reporter's or anonymous consumer's name and address are not. */
export const OPEN_COLUMNS = ['case_no', 'respondent_name', 'respondent_credit_code', 'respondent_address', 'summary'];
/** The consumer's identity: matched only for a role that may unmask it (case.unmask). */
export const IDENT_COLUMNS = ['consumer_name', 'consumer_phone', 'consumer_id_number', 'consumer_address'];
/** Name and address are shown (so matched) for everyone unless the case is confidential (举报 or anonymous). */
export const CONFIDENTIAL_SQL = (alias: string) => `(${alias}.kind = 'REPORT' OR ${alias}.anonymous = 1)`;

// Fields are joined with a blank: a bigram never spans two fields.
const docOpen = (a: string) =>
  `CONCAT_WS(' ', ${OPEN_COLUMNS.map((c) => `${a}.${c}`).join(', ')}, IF(${CONFIDENTIAL_SQL(a)}, NULL, ${a}.consumer_name), IF(${CONFIDENTIAL_SQL(a)}, NULL, ${a}.consumer_address))`;
const docIdent = (a: string) => `CONCAT_WS(' ', ${IDENT_COLUMNS.map((c) => `${a}.${c}`).join(', ')})`;

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** Rows per INSERT into case_search. */
const WRITE_CHUNK = 500;

/**
 * Copies the cases selected by `where` (over wq_case aliased c) into case_search, replacing their rows:
 * the documents are built in SQL, their letter/digit grams here (case-codes.ts). `lock`: read the cases
 * with a shared lock (the indexer: no newer version commits before the copy is written).
 */
export async function indexCases(q: Queryable, where: string, params: unknown[], lock: boolean): Promise<number> {
  const rows: { id: string; at: string; path: string; open: number; dopen: string; dident: string }[] = await q.query(
    `SELECT c.id, DATE_FORMAT(c.received_at, '%Y-%m-%d %H:%i:%s.%f') AS at, c.owner_path AS path, c.is_open AS open,
            ${docOpen('c')} AS dopen, ${docIdent('c')} AS dident
       FROM wq_case c WHERE ${where}${lock ? ' LOCK IN SHARE MODE' : ''}`,
    params,
  );
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const part = rows.slice(i, i + WRITE_CHUNK);
    await q.query(
      `INSERT INTO case_search (case_id, received_at, owner_path, is_open, doc_open, doc_ident, codes_open, codes_ident)
       VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
       ON DUPLICATE KEY UPDATE received_at = VALUES(received_at), owner_path = VALUES(owner_path), is_open = VALUES(is_open),
         doc_open = VALUES(doc_open), doc_ident = VALUES(doc_ident), codes_open = VALUES(codes_open),
         codes_ident = VALUES(codes_ident)`,
      part.flatMap((r) => [
        r.id,
        r.at,
        r.path,
        r.open,
        r.dopen ?? '',
        r.dident ?? '',
        codeTokens(r.dopen),
        codeTokens(r.dident),
      ]),
    );
  }
  return rows.length;
}
