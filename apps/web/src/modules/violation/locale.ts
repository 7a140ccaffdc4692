export const violationMessages = {
  menu: '违诺记录',
  year: '年度',
  records: '违诺记录',
  staffSummary: '工作人员年度违诺',
  unitSummary: '单位年度违诺',
  field: {
    caseNo: '案件编号',
    rule: '违反时限',
    user: '责任人',
    unit: '责任单位',
    occurredAt: '发生时间',
    count: '次数',
    level: '等级',
    consequence: '对应处理（由人决定）',
  },
  level: {
    1: '第 1 次',
    2: '第 2 次',
    3: '3 次及以上',
  } as Record<string, string>,
  noUser: '（未指定）',
  empty: '本年度暂无违诺记录',
};
