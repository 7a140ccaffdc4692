/**
 * Letter and digit runs (phones, ID numbers, credit codes, case numbers, order numbers) in the search
 * index (issue 18). In the bigram index a digit fragment is a phrase of digit bigrams — 100 tokens, each
 * in about a third of all cases — so a phone fragment reads the longest posting lists there are. The
 * `codes_*` columns of case_search hold instead, for every run of ASCII letters and digits, the 5-gram
 * starting at each of its positions, then the run's last four characters, indexed with TokenDelimit
 * (one token per gram). A run fragment of 5 or more characters is the phrase of its 5-grams: their
 * positions are consecutive within one run, and two runs never join into a phrase because a tail of
 * four (never a 5-gram) always lies between them. Shorter fragments stay with the bigram index. (A
 * prefix search over the grams would serve fragments of four, but Groonga's `@^` through the
 * two-column index does not keep to the column asked for: an identity would match where it is masked.)
 * Both sides are folded the way the column collation (utf8mb4_unicode_ci) compares: compatibility
 * forms (全角 １２３, ①) and accents are dropped, letters lowercased — what LIKE finds, this finds.
 */

const GRAM = 5;
/** Each run also ends with its tail of this many characters: the separator between two runs' grams. */
const TAIL = 4;

/** The text as the collation compares it, for ASCII letters and digits. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The grams of every letter/digit run of `text`, blank-separated (the codes column's value). */
export function codeTokens(text: string | null): string {
  const out: string[] = [];
  for (const run of fold(text ?? '').match(/[0-9a-z]+/g) ?? []) {
    for (let i = 0; i + TAIL <= run.length; i++) out.push(run.slice(i, i + GRAM));
  }
  return out.join(' ');
}

/** The phrase of 5-grams a keyword word is looked up as in the codes columns, or null (not a run fragment of 5+). */
export function codeWord(word: string): string | null {
  const w = fold(word);
  if (w.length < GRAM || !/^[0-9a-z]+$/.test(w)) return null;
  const grams: string[] = [];
  for (let i = 0; i + GRAM <= w.length; i++) grams.push(w.slice(i, i + GRAM));
  return grams.join(' ');
}
