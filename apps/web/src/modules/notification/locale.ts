export const notificationMessages = {
  menu: '消息',
  title: '站内消息',
  bell: '消息',
  unreadOnly: '只看未读',
  markRead: '标为已读',
  markAllRead: '全部标为已读',
  markedRead: '已将 {n} 条标为已读',
  openCase: '查看案件',
  empty: '暂无消息',
  unread: '未读',
};
