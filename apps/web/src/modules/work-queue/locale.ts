// UI strings of 我的待办 (the work queues). Queue names come from the label dictionary's enums.
export const workQueueMessages = {
  menu: '我的待办',
  receive: '待签收',
  approve: '待审批',
  reply: '待回复',
  followUp: '待回访',
  supervisionAnswer: '督办待答复',
  supervisionReview: '督办答复待审核',
  hint: {
    RECEIVE: '分流或上报至本单位、尚未签收的案件。签收后开始办理。',
    APPROVE: '待您审批的延期申请，以及已受理举报的立案决定。',
    REPLY: '本单位受理、已办结（或不予受理、不予立案）待告知消费者的案件。',
    FOLLOW_UP: '本单位受理、已回复待回访的案件。',
    ANSWER: '本单位被督办、尚未答复的事项。',
    REVIEW: '本单位发起、对方已答复待审核的督办。',
  },
  empty: '没有待办事项',
  total: '共 {n} 件',
  open: '办理',
  dueAt: '办理时限',
  home: {
    title: '我的待办',
    none: '当前没有待办事项',
  },
};
