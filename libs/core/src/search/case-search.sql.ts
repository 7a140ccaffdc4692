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

/** Copies the cases selected by `where` (over wq_case aliased c) into case_search, replacing their rows. */
export const indexCasesSql = (where: string, lock: boolean) =>
  `INSERT INTO case_search (case_id, received_at, owner_path, is_open, doc_open, doc_ident)
   SELECT c.id, c.received_at, c.owner_path, c.is_open, ${docOpen('c')}, ${docIdent('c')} FROM wq_case c WHERE ${where}${lock ? ' LOCK IN SHARE MODE' : ''}
   ON DUPLICATE KEY UPDATE received_at = VALUES(received_at), owner_path = VALUES(owner_path), is_open = VALUES(is_open),
     doc_open = VALUES(doc_open), doc_ident = VALUES(doc_ident)`;
