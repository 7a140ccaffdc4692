import { describe, expect, it } from 'vitest';
import { parseHolidayNotice } from './notice-parser';

// 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）, as published.
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

describe('parseHolidayNotice', () => {
  it('reads the notice sentences: holidays with ranges across months, make-up workdays, year and 文号', () => {
    const p = parseHolidayNotice(NOTICE_2025);
    expect(p.year).toBe(2025);
    expect(p.source).toBe('国办发明电〔2024〕12号');
    const work = p.days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date);
    expect(work).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    const off = p.days.filter((d) => d.kind === 'HOLIDAY');
    expect(off).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(off.find((d) => d.date === '2025-02-01')?.name).toBe('春节');
    expect(off.some((d) => d.date === '2025-06-01')).toBe(true);
    expect(p.unread).toEqual([]);
  });

  it('reads the table copied from the notice (tab-separated), taking the year from the caller', () => {
    const table = [
      '节日\t放假时间\t调休上班日期\t放假天数',
      '元旦\t12月30日至1月1日\t—\t3天',
      '春节\t2月10日至17日\t2月4日（周日）、2月18日（周日）\t8天',
    ].join('\n');
    const p = parseHolidayNotice(table, 2024);
    expect(p.year).toBe(2024);
    expect(p.days.filter((d) => d.name === '元旦').map((d) => d.date)).toEqual([
      '2023-12-30',
      '2023-12-31',
      '2024-01-01',
    ]);
    expect(p.days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)).toEqual(['2024-02-04', '2024-02-18']);
  });

  it('reports a holiday row without dates instead of dropping it silently', () => {
    const p = parseHolidayNotice('2026年\n一、元旦：另行通知。');
    expect(p.days).toEqual([]);
    expect(p.unread).toEqual(['一、元旦：另行通知。']);
  });
});
