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
