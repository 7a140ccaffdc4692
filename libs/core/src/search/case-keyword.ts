import { codeWord } from './case-codes';

/** The blank-separated words of a keyword, each of which must occur. */
export function keywordWords(keyword: string): string[] {
  return keyword.trim().split(/\s+/u).filter(Boolean);
}

/** A phrase inside a Mroonga boolean-mode query or a Groonga script string: only `"` and `\\` are special. */
const quoted = (w: string) => `"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** One MATCH … AGAINST over case_search (aliased s): the index's columns and the boolean-mode query. */
export interface KeywordMatch {
  columns: string;
  against: string;
}

/**
 * The MATCH … AGAINST conditions an operator's keyword needs, all of which must hold: each
 * blank-separated word must occur as a substring. A fragment of a letter/digit run of 5 or more
 * characters is looked up in the codes columns (case-codes.ts: the phrase of its 5-grams);
 * any other word is a phrase over the bigram index (consecutive bigrams, so 美的 finds 美的电器).
 * `unmask`: the actor may unmask the consumer (case.unmask) and so also finds cases by the consumer's
 * name, phone, ID number and address; for anyone else these are masked on screen, so they do not match
 * either (a reporter cannot be found by name), except a non-confidential consumer's name and address,
 * which everyone sees (they are in the *_open columns). Empty when nothing searchable is left.
 */
export function keywordMatches(keyword: string, unmask: boolean): KeywordMatch[] {
  const doc: string[] = [];
  const codes: string[] = [];
  for (const w of keywordWords(keyword)) {
    const grams = codeWord(w);
    if (grams) codes.push(`+${quoted(grams)}`);
    else doc.push(`+${quoted(w)}`);
  }
  const out: KeywordMatch[] = [];
  if (doc.length) out.push({ columns: unmask ? 's.doc_open, s.doc_ident' : 's.doc_open', against: doc.join(' ') });
  if (codes.length)
    out.push({ columns: unmask ? 's.codes_open, s.codes_ident' : 's.codes_open', against: codes.join(' ') });
  return out;
}

/** The case ids condition (over wq_case aliased c) for keywordMatches, with its parameters named `${p}N`. */
export function keywordMatchSql(matches: KeywordMatch[], p: string): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const sql = matches.map((m, i) => {
    params[`${p}${i}`] = m.against;
    return `c.id IN (SELECT s.case_id FROM case_search s WHERE MATCH(${m.columns}) AGAINST (:${p}${i} IN BOOLEAN MODE))`;
  });
  return { sql: sql.join(' AND '), params };
}

/** The FULLTEXT index over both the open and the identifying column (migrations 1765600000000, 1767300000000). */
const ALL_INDEX = { doc: 'ft_case_search_all', codes: 'ft_case_search_codes_all' } as const;

/** Where the Groonga-side list may look: the actor's scope, the list's unit, open or not (all optional). */
export interface GroongaListFilter {
  /** owner_path starts with (SUBTREE scope, the list's unit). */
  pathPrefixes: string[];
  /** owner_path is (UNIT scope). */
  pathExact: string | null;
  open: boolean | null;
  ascending: boolean;
}

/** A Groonga command-line argument in single quotes: only `'` and `\` are special inside. */
const commandArg = (s: string) => `'${s.replace(/['\\]/g, (c) => `\\${c}`)}'`;

/**
 * The Groonga `select` (run through Mroonga's mroonga_command) that answers a keyword page inside the
 * engine: the words as in keywordMatches (`@`: the same phrase match as MATCH … AGAINST `+"…"`),
 * the scope and the list's unit as owner_path conditions, newest first, one page, and the exact number
 * of hits. No match escalation (a phrase with no hit must not fall back to looser matching) and no
 * query cache (the table changes with every registration).
 */
export function groongaSelect(words: string[], unmask: boolean, f: GroongaListFilter, offset: number, limit: number) {
  const conds = words.map((w) => {
    const grams = codeWord(w);
    const column = grams ? 'codes' : 'doc';
    const phrase = quoted(grams ?? w);
    // Both columns: one pass over their two-column index (a phrase within either section), not a search
    // per column — the same hits at about half the reading of posting lists.
    return unmask
      ? `query(${quoted(`case_search#${ALL_INDEX[column]}.index`)}, ${quoted(phrase)})`
      : `${column}_open @ ${phrase}`;
  });
  for (const p of f.pathPrefixes) conds.push(`owner_path @^ ${quoted(p)}`);
  if (f.pathExact !== null) conds.push(`owner_path == ${quoted(f.pathExact)}`);
  if (f.open !== null) conds.push(`is_open == ${f.open ? 1 : 0}`);
  const sort = f.ascending ? 'received_at,_key' : '-received_at,-_key';
  return [
    'select case_search',
    `--filter ${commandArg(conds.join(' && '))}`,
    `--sortby ${sort}`,
    `--offset ${Math.max(0, Math.floor(offset))}`,
    `--limit ${Math.max(0, Math.floor(limit))}`,
    '--output_columns _key',
    '--match_escalation_threshold -1',
    '--cache no',
  ].join(' ');
}

/** The hits and the page of a groongaSelect answer: `[[[n], [columns…], [key], [key], …]]`. */
export function groongaResult(json: string): { total: number; ids: string[] } {
  const [set] = JSON.parse(json) as [[[number], unknown, ...[string | number][]]];
  const [[total], , ...rows] = set;
  return { total, ids: rows.map((r) => String(r[0])) };
}
