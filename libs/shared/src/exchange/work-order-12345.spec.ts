import {
  transferStatusToWorkOrderReply,
  WorkOrder12345,
  WorkOrderMappingError,
  workOrderToTransfer,
} from './work-order-12345';

const order: WorkOrder12345 = {
  gdbh: 'RC12345-20261205-0007',
  sqlx: '投诉',
  sqnr: '在某某电器购买的空调三天后不制冷，商家拒绝退换。',
  sqyq: '退货退款',
  sqr: '王小明',
  lxdh: '13900001111',
  lxdz: '鼓楼区五四路 1 号',
  bfydx: '某某电器有限公司',
  sfdd: '鼓楼区东街口',
  pdsj: '2026-12-05T02:00:00.000Z',
  blsx: '2026-12-12T09:00:00.000Z',
};

describe('12345 work-order field mapping', () => {
  it('maps 工单编号, 诉求类型, 诉求内容, the caller, the business, 派单时间 and 办理时限 onto a transfer', () => {
    expect(workOrderToTransfer(order)).toEqual({
      externalRef: 'RC12345-20261205-0007',
      kind: 'COMPLAINT',
      summary: '在某某电器购买的空调三天后不制冷，商家拒绝退换。',
      demand: '退货退款',
      receivedAt: '2026-12-05T02:00:00.000Z',
      senderDueAt: '2026-12-12T09:00:00.000Z',
      occurredPlace: '鼓楼区东街口',
      consumer: { name: '王小明', phone: '13900001111', address: '鼓楼区五四路 1 号', anonymous: false },
      respondent: { name: '某某电器有限公司' },
    });
  });

  it.each([
    ['咨询', 'CONSULTATION'],
    ['求助', 'CONSULTATION'],
    ['其他', 'CONSULTATION'],
    ['投诉', 'COMPLAINT'],
    ['举报', 'REPORT'],
    ['建议', 'SUGGESTION'],
  ] as const)('maps 诉求类型 %s to %s', (sqlx, kind) => {
    expect(workOrderToTransfer({ ...order, sqlx }).kind).toBe(kind);
  });

  it('keeps an anonymous caller anonymous (no name, no phone), and needs a phone from a named one', () => {
    expect(workOrderToTransfer({ ...order, sqlx: '举报', nm: true }).consumer).toEqual({ anonymous: true });
    expect(workOrderToTransfer({ ...order, sqr: ' ' }).consumer).toEqual({ anonymous: true });
    expect(() => workOrderToTransfer({ ...order, lxdh: '' })).toThrow(
      expect.objectContaining({ field: 'lxdh' }) as WorkOrderMappingError,
    );
  });

  it('names the sender field it cannot map: an unknown 诉求类型, a 办理时限 not after 派单时间', () => {
    expect(() => workOrderToTransfer({ ...order, sqlx: '表扬' as never })).toThrow(
      expect.objectContaining({ field: 'sqlx' }) as WorkOrderMappingError,
    );
    expect(() => workOrderToTransfer({ ...order, blsx: order.pdsj })).toThrow(
      expect.objectContaining({ field: 'blsx' }) as WorkOrderMappingError,
    );
  });

  const status = {
    externalRef: 'RC12345-20261205-0007',
    state: 'IN_PROGRESS' as const,
    ownerUnitName: '鼓楼区消费者权益保护中心',
    dueAt: '2026-12-12T09:00:00.000Z',
    rejectGround: null,
    outcome: null,
    concludedAt: null,
    replyContent: null,
    satisfaction: null,
    archivedAt: null,
  };

  it('answers 办理状态, 承办单位, 办理时限 and 当前环节 while in progress', () => {
    expect(transferStatusToWorkOrderReply(status)).toEqual({
      gdbh: 'RC12345-20261205-0007',
      blzt: '办理中',
      cbdw: '鼓楼区消费者权益保护中心',
      blsx: '2026-12-12T09:00:00.000Z',
      tdyy: null,
      bjjg: null,
      bjsj: null,
      dfnr: null,
      hfjg: null,
      dqhj: '办理中',
    });
    expect(transferStatusToWorkOrderReply({ ...status, state: 'REGISTERED' }).blzt).toBe('待签收');
  });

  it('answers 退单 with its reason, 办结 with result and time, 回访 with the satisfaction, then 已归档', () => {
    const rejected = transferStatusToWorkOrderReply({
      ...status,
      state: 'REJECTED',
      rejectGround: 'OUTSIDE_JURISDICTION',
    });
    expect(rejected.blzt).toBe('已退单');
    expect(rejected.tdyy).toBeTruthy();
    expect(rejected.tdyy).not.toBe('OUTSIDE_JURISDICTION');
    const concluded = {
      ...status,
      state: 'CONCLUDED' as const,
      outcome: 'MEDIATED' as const,
      concludedAt: '2026-12-08T08:00:00.000Z',
    };
    expect(transferStatusToWorkOrderReply(concluded)).toMatchObject({
      blzt: '已办结',
      bjjg: '调解成功',
      bjsj: '2026-12-08T08:00:00.000Z',
    });
    const followed = {
      ...concluded,
      state: 'FOLLOWED_UP' as const,
      replyContent: '已调解',
      satisfaction: 'BASIC' as const,
    };
    expect(transferStatusToWorkOrderReply(followed)).toMatchObject({
      blzt: '已回访',
      hfjg: '基本满意',
      dfnr: '已调解',
    });
    expect(transferStatusToWorkOrderReply({ ...followed, archivedAt: '2026-12-10T00:00:00.000Z' }).blzt).toBe('已归档');
  });
});
