import { groongaResult, groongaSelect } from './case-keyword';

const ANY = { pathPrefixes: [], pathExact: null, open: null, ascending: false };
/** The --filter argument of a select command, unquoted (the command quotes it with ' and escapes ' and \). */
const filterOf = (command: string) =>
  /--filter '((?:[^'\\]|\\.)*)'/.exec(command)![1]!.replace(/\\(.)/g, (_, c: string) => c);

describe('the Groonga select of a keyword page', () => {
  it('matches the open column only for a role that may not unmask', () => {
    expect(filterOf(groongaSelect(['退款'], false, ANY, 0, 20))).toBe('doc_open @ "退款"');
    expect(filterOf(groongaSelect(['13800138'], false, ANY, 0, 20))).toBe('codes_open @ "13800 38001 80013 00138"');
  });

  it('reads both columns in one pass over their two-column index for a role that may unmask', () => {
    expect(filterOf(groongaSelect(['退款'], true, ANY, 0, 20))).toBe(
      'query("case_search#ft_case_search_all.index", "\\"退款\\"")',
    );
    expect(filterOf(groongaSelect(['13800138'], true, ANY, 0, 20))).toBe(
      'query("case_search#ft_case_search_codes_all.index", "\\"13800 38001 80013 00138\\"")',
    );
  });

  it('escapes quotes and backslashes at every level, so a word is always one phrase', () => {
    // the phrase "a\"b\\" inside a script string inside a command argument
    expect(filterOf(groongaSelect(['a"b\\'], true, ANY, 0, 20))).toBe(
      'query("case_search#ft_case_search_all.index", "\\"a\\\\\\"b\\\\\\\\\\"")',
    );
    expect(groongaSelect(["it's"], false, ANY, 0, 20)).toContain(`--filter 'doc_open @ "it\\'s"'`);
  });

  it('adds the scope, the unit, open or not, newest first, one page and no cache', () => {
    const command = groongaSelect(['退款', '电饭煲'], false, { ...ANY, pathPrefixes: ['/1/7/'], open: true }, 40, 20);
    expect(filterOf(command)).toBe('doc_open @ "退款" && doc_open @ "电饭煲" && owner_path @^ "/1/7/" && is_open == 1');
    expect(command).toContain('--sortby -received_at,-_key --offset 40 --limit 20');
    expect(command).toContain('--match_escalation_threshold -1 --cache no');
  });

  it('reads the hits and the page of an answer', () => {
    expect(groongaResult('[[[2],[["_key","UInt64"]],[9],[7]]]')).toEqual({ total: 2, ids: ['9', '7'] });
  });
});
