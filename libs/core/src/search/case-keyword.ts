import { Permission } from '@weiquan/shared';
import { Actor } from '../scope/actor';

/** The blank-separated words of a keyword, each of which must occur. */
export function keywordWords(keyword: string): string[] {
  return keyword.trim().split(/\s+/u).filter(Boolean);
}

/**
 * The Mroonga boolean-mode query for an operator's keyword: each blank-separated word must occur
 * as a substring ("phrase" over the bigram index: consecutive bigrams, so 美的 finds 美的电器 and
 * 1380013 a phone number). Inside a phrase only `"` and `\` are special; they are escaped.
 * Returns null when nothing searchable is left.
 */
export function keywordQuery(keyword: string): string | null {
  const words = keywordWords(keyword);
  if (!words.length) return null;
  return words.map((w) => `+"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(' ');
}

/**
 * The index an actor's keyword is matched against. A role that may unmask the consumer (case.unmask)
 * also finds cases by the consumer's name, phone, ID number and address; for anyone else these are
 * masked on screen, so they do not match either (a reporter cannot be found by name), except a
 * non-confidential consumer's name and address, which everyone sees (they are in doc_open).
 */
export function keywordColumns(actor: Actor): string {
  return actor.permissions.has(Permission.CASE_UNMASK) ? 's.doc_open, s.doc_ident' : 's.doc_open';
}

/** Where the Groonga-side list may look: the actor's scope, the list's unit, open or not (all optional). */
export interface GroongaListFilter {
  /** owner_path starts with (SUBTREE scope, the list's unit). */
  pathPrefixes: string[];
  /** owner_path is (UNIT scope). */
  pathExact: string | null;
  open: boolean | null;
  ascending: boolean;
}

/** A Groonga script string literal: only `"` and `\` are special inside. */
const scriptString = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
/** A Groonga command-line argument in single quotes: only `'` and `\` are special inside. */
const commandArg = (s: string) => `'${s.replace(/['\\]/g, (c) => `\\${c}`)}'`;

/**
 * The Groonga `select` (run through Mroonga's mroonga_command) that answers a keyword page inside the
 * engine: the words as phrases over the bigram index (`@`, the same match as MATCH … AGAINST `+"w"`),
 * the scope and the list's unit as owner_path conditions, newest first, one page, and the exact number
 * of hits. No match escalation (a phrase with no hit must not fall back to looser matching) and no
 * query cache (the table changes with every registration).
 */
export function groongaSelect(words: string[], unmask: boolean, f: GroongaListFilter, offset: number, limit: number) {
  const conds = words.map((w) =>
    unmask ? `(doc_open @ ${scriptString(w)} || doc_ident @ ${scriptString(w)})` : `doc_open @ ${scriptString(w)}`,
  );
  for (const p of f.pathPrefixes) conds.push(`owner_path @^ ${scriptString(p)}`);
  if (f.pathExact !== null) conds.push(`owner_path == ${scriptString(f.pathExact)}`);
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
