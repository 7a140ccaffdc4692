// Reads the State Council's holiday notice (国务院办公厅关于××年部分节假日安排的通知) as administrators
// have it: the notice's own sentences (「二、春节：1月28日（农历除夕、周二）至2月4日（…）放假调休，共8天。
// 1月26日（周日）、2月8日（周六）上班。」) or its table copied from the web page, Word or Excel
// (节日 | 放假时间 | 调休上班日期 | 放假天数, cells separated by tabs, commas or |). The result is the
// arrangement the API imports; the API validates it again (weekday rules, duplicates).

export interface NoticeDay {
  date: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  name: string;
}

export interface ParsedNotice {
  year: number | null;
  source: string | null;
  days: NoticeDay[];
  /** Lines that looked like a holiday row but gave no date (shown to the administrator). */
  unread: string[];
}

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

function cnYear(text: string): number | null {
  const arabic = /(20\d\d)\s*年/.exec(text);
  if (arabic) return Number(arabic[1]);
  const cn = /([〇零一二三四五六七八九]{4})年/.exec(text);
  if (!cn) return null;
  return Number([...cn[1]!].map((c) => CN_DIGIT[c]).join(''));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Every 「M月D日」 or 「D日」 (month carried from the previous date) in `text`, with 至 ranges expanded. */
function datesIn(text: string, year: number, name: string): string[] {
  const out: string[] = [];
  // Drop bracketed remarks first: （农历除夕、周二） would otherwise split a range.
  const clean = text.replace(/[（(][^）)]*[）)]/g, '');
  const re = /(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(\s*(?:至|到|—|－|-|~|～)\s*)?/g;
  let month: number | null = null;
  let rangeFrom: { y: number; m: number; d: number } | null = null;
  for (const m of clean.matchAll(re)) {
    if (m[1]) month = Number(m[1]);
    if (month == null) continue;
    const day = Number(m[2]);
    // 元旦 may start in the previous December (2023's began on 2022-12-31).
    const y = month === 12 && name.includes('元旦') ? year - 1 : year;
    const here = { y, m: month, d: day };
    if (rangeFrom) {
      for (
        let t = Date.UTC(rangeFrom.y, rangeFrom.m - 1, rangeFrom.d);
        t <= Date.UTC(y, month - 1, day);
        t += 86400_000
      ) {
        const dt = new Date(t);
        out.push(`${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`);
      }
      rangeFrom = null;
    } else if (m[3]) {
      rangeFrom = here;
    } else {
      out.push(`${y}-${pad(month)}-${pad(day)}`);
    }
  }
  return out;
}

function holidayName(line: string): string | null {
  const numbered = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*([^：:，,\t|]+?)\s*[：:]/.exec(line);
  if (numbered) return numbered[1]!.trim();
  const firstCell = line.split(/\t|\||,|，|\s{2,}/)[0]!.trim();
  return HOLIDAY_NAMES.some((h) => firstCell.includes(h)) ? firstCell : null;
}

/** Parses the notice text (or its table); `fallbackYear` is used when the text does not name the year. */
export function parseHolidayNotice(text: string, fallbackYear: number | null = null): ParsedNotice {
  const year = cnYear(text) ?? fallbackYear;
  const sourceMatch = /国办发明电\s*〔\s*\d{4}\s*〕\s*\d+\s*号/.exec(text);
  const result: ParsedNotice = {
    year,
    source: sourceMatch ? sourceMatch[0].replace(/\s/g, '') : null,
    days: [],
    unread: [],
  };
  if (year == null) return result;
  const seen = new Set<string>();
  const add = (date: string, kind: NoticeDay['kind'], name: string): void => {
    if (seen.has(date)) return;
    seen.add(date);
    result.days.push({ date, kind, name });
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const name = holidayName(line);
    if (!name) continue;
    const body = line.replace(/^\s*[一二三四五六七八九十]+\s*[、.．]\s*[^：:]+[：:]/, '');
    const cells = body.split(/\t|\|/).map((c) => c.trim());
    let off: string;
    let work: string;
    if (cells.length >= 3) {
      // Table row: 节日 | 放假时间 | 调休上班日期 | 放假天数
      off = cells[1] ?? '';
      work = cells[2] ?? '';
    } else {
      // Sentence: the part before 放假 is the holiday; sentences ending in 上班 are the make-up workdays.
      const sentences = body.split(/[。；;]/);
      off = sentences.filter((s) => s.includes('放假')).join('；');
      work = sentences.filter((s) => s.includes('上班')).join('、');
    }
    const offDates = datesIn(off, year, name);
    const workDates = datesIn(work, year, name);
    if (offDates.length === 0 && workDates.length === 0) {
      result.unread.push(line);
      continue;
    }
    offDates.forEach((d) => add(d, 'HOLIDAY', name));
    workDates.forEach((d) => add(d, 'WORKDAY', `${name}调休上班`));
  }
  result.days.sort((a, b) => a.date.localeCompare(b.date));
  return result;
}
