import { codeTokens, codeWord } from './case-codes';

/** What the index answers for a word, emulated over the token list (phrase: consecutive tokens; prefix). */
function indexFinds(text: string, word: string): boolean {
  const tokens = codeTokens(text).split(' ').filter(Boolean);
  const grams = codeWord(word)!.split(' ');
  return tokens.some((_, i) => grams.every((g, j) => tokens[i + j] === g));
}

describe('letter/digit grams of the search index', () => {
  it('cuts every run into the 5-grams at each position and the tail of four', () => {
    expect(codeTokens('电话13800138000，订单AB-12')).toBe('13800 38001 80013 00138 01380 13800 38000 8000');
    expect(codeTokens('编号 X1234 与 abc')).toBe('x1234 1234');
    expect(codeTokens(null)).toBe('');
  });

  it('folds what the collation folds: 全角 digits, capitals, accents', () => {
    expect(codeTokens('１３８００Ａb')).toBe(codeTokens('13800ab'));
    expect(codeTokens('CAFÉ12')).toBe('cafe1 afe12 fe12');
    expect(codeWord('１３８0Ａ')).toBe('1380a');
  });

  it('takes only letter/digit words of five or more, as the phrase of their 5-grams', () => {
    expect(codeWord('1380')).toBeNull();
    expect(codeWord('美的')).toBeNull();
    expect(codeWord('建设路26号')).toBeNull();
    expect(codeWord('AB-12345')).toBeNull();
    expect(codeWord('91350')).toBe('91350');
    expect(codeWord('1380013')).toBe('13800 38001 80013');
  });

  it('finds a word exactly when it is a substring of the text (random texts and fragments)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [...'13801380aBaB', '-', ' ', '号', '电'];
    let found = 0;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from(
        { length: 5 + Math.floor(rnd() * 40) },
        () => alphabet[Math.floor(rnd() * alphabet.length)],
      ).join('');
      // half the words are cut from the text, half are made up from the same letters
      const len = 5 + Math.floor(rnd() * 6);
      const at = Math.floor(rnd() * Math.max(1, text.length - len));
      const word =
        rnd() < 0.5
          ? text.slice(at, at + len)
          : Array.from({ length: len }, () => '138aB'[Math.floor(rnd() * 5)]).join('');
      if (!codeWord(word)) continue;
      const like = text.toLowerCase().includes(word.toLowerCase());
      expect({ text, word, found: indexFinds(text, word) }).toEqual({ text, word, found: like });
      if (like) found++;
    }
    expect(found).toBeGreaterThan(100); // (the property is checked on both kinds: found and not found)
  });
});
