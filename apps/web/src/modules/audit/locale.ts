// UI strings of the audit log page (审计日志). Action and target names come from the label dictionary.
export const auditMessages = {
  menu: '审计日志',
  title: '审计日志',
  hint: '记录谁在何时对何对象做了什么（只增不改）；仅全市范围的管理员可查看。',
  filter: {
    action: '操作',
    targetType: '对象类型',
    targetId: '对象编号',
    actorUserId: '操作人编号',
    period: '时间',
    from: '开始日期',
    to: '结束日期',
    any: '全部',
  },
  field: {
    createdAt: '时间',
    actor: '操作人',
    action: '操作',
    target: '对象',
    detail: '详情',
  },
  apiClient: '外部系统 #{id}',
  system: '系统',
  empty: '没有符合条件的记录',
};
