// #16 典型案例: written by staff (never copied from a case's consumer data), published on the public site
// and withdrawn with a reason. A withdrawn case may be edited and published again.
export const TypicalCaseStatus = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', WITHDRAWN: 'WITHDRAWN' } as const;
export type TypicalCaseStatus = (typeof TypicalCaseStatus)[keyof typeof TypicalCaseStatus];

export const TypicalCaseStatusLabel: Readonly<Record<TypicalCaseStatus, string>> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  WITHDRAWN: '已撤回',
};
