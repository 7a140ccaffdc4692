import { CaseKind, CaseStateLabel, OutcomeLabel, RejectGroundLabel, SatisfactionLabel } from '../case';
import type { CaseState, Outcome, RejectGround, Satisfaction } from '../case';

// The field mapping between a 12345 hotline work order (工单, GB/T 33358-2016: the caller, the matter,
// handling, 督办 and follow-up) and a Weiquan transfer. A city's 12345 platform names its fields its own
// way; these are the fields every such work order carries (reference notes: 工单编号, content, place,
// dispatch time, 处理时限, state, type; the reply: handler, department, time, state, 回访). A province's
// own names are a different adapter with the same two functions (docs/integration.md, "12345 工单字段").

/** 诉求类型 as 12345 platforms classify a call (GB/T 39666-2020's top level). */
export const WorkOrderType12345 = {
  咨询: '咨询',
  求助: '求助',
  投诉: '投诉',
  举报: '举报',
  建议: '建议',
  其他: '其他',
} as const;
export type WorkOrderType12345 = keyof typeof WorkOrderType12345;

const KIND_OF: Record<WorkOrderType12345, CaseKind> = {
  咨询: 'CONSULTATION',
  // 求助 and 其他 are answered as consultations (docs/integration.md); the center may register a complaint from one.
  求助: 'CONSULTATION',
  投诉: 'COMPLAINT',
  举报: 'REPORT',
  建议: 'SUGGESTION',
  其他: 'CONSULTATION',
};

/** A work order as a 12345 hotline sends it (转办). */
export interface WorkOrder12345 {
  /** 工单编号 → externalRef (the sender's reference; a resent 工单 answers the same case). */
  gdbh: string;
  /** 诉求类型 → kind. */
  sqlx: WorkOrderType12345;
  /** 诉求内容 → summary. */
  sqnr: string;
  /** 诉求人诉求（期望） → demand. */
  sqyq?: string | null;
  /** 诉求人 / 联系电话 / 联系地址 → consumer. */
  sqr?: string | null;
  lxdh?: string | null;
  lxdz?: string | null;
  /** 被反映对象（经营者名称） → respondent.name. */
  bfydx?: string | null;
  /** 事发地点 → occurredPlace. */
  sfdd?: string | null;
  /** 派单时间 → receivedAt (when the hotline handed the matter over). */
  pdsj: string;
  /** 办理时限 → senderDueAt: the hotline's own deadline, a duty of the receiving center. */
  blsx?: string | null;
  /** 是否匿名. */
  nm?: boolean | null;
}

/** What the mapping makes of a work order: the fields of a transfer (transferCase's input). */
export interface WorkOrderTransfer {
  externalRef: string;
  kind: CaseKind;
  summary: string;
  demand: string | null;
  receivedAt: string;
  senderDueAt: string | null;
  occurredPlace: string | null;
  consumer: { name?: string; phone?: string; address?: string; anonymous: boolean };
  respondent: { name: string } | null;
}

/** A field of the work order that cannot be mapped, named as the sender names it. */
export class WorkOrderMappingError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const text = (v: string | null | undefined) => (v ?? '').trim() || null;

export function workOrderToTransfer(wo: WorkOrder12345): WorkOrderTransfer {
  const kind = KIND_OF[wo.sqlx];
  if (!kind)
    throw new WorkOrderMappingError(
      'sqlx',
      `诉求类型「${wo.sqlx}」无法识别，应为 咨询、求助、投诉、举报、建议 或 其他`,
    );
  const anonymous = wo.nm === true || !text(wo.sqr);
  if (!anonymous && !text(wo.lxdh)) throw new WorkOrderMappingError('lxdh', '实名工单须有诉求人联系电话');
  if (wo.blsx && wo.pdsj && Date.parse(wo.blsx) <= Date.parse(wo.pdsj))
    throw new WorkOrderMappingError('blsx', '办理时限须晚于派单时间');
  return {
    externalRef: wo.gdbh.trim(),
    kind,
    summary: wo.sqnr.trim(),
    demand: text(wo.sqyq),
    receivedAt: wo.pdsj,
    senderDueAt: text(wo.blsx),
    occurredPlace: text(wo.sfdd),
    consumer: anonymous
      ? { anonymous: true }
      : {
          name: text(wo.sqr)!,
          phone: text(wo.lxdh)!,
          ...(text(wo.lxdz) ? { address: text(wo.lxdz)! } : {}),
          anonymous,
        },
    respondent: text(wo.bfydx) ? { name: text(wo.bfydx)! } : null,
  };
}

/** 办理状态 of a 12345 work order. */
export type WorkOrderState12345 = '待签收' | '办理中' | '已退单' | '已办结' | '已回访' | '已归档';

/** What a 12345 hotline wants back about its work order (反馈), from a transfer's status. */
export interface WorkOrderReply12345 {
  gdbh: string;
  /** 办理状态. */
  blzt: WorkOrderState12345;
  /** 承办单位. */
  cbdw: string;
  /** 办理时限 as now due (after extensions), ISO. */
  blsx: string | null;
  /** 退单原因 (a rejection's ground). */
  tdyy: string | null;
  /** 办结结果 and 办结时间. */
  bjjg: string | null;
  bjsj: string | null;
  /** 答复内容. */
  dfnr: string | null;
  /** 回访结果: 满意 / 基本满意 / 不满意. */
  hfjg: string | null;
  /** 当前环节 in words. */
  dqhj: string;
}

/** The status facts a reply is made from (the webhook payload's data, or transferCase's answer). */
export interface TransferStatus {
  externalRef: string | null;
  state: CaseState;
  ownerUnitName?: string | null;
  dueAt: string | null;
  rejectGround: RejectGround | null;
  outcome: Outcome | null;
  concludedAt: string | null;
  replyContent: string | null;
  satisfaction: Satisfaction | null;
  archivedAt: string | null;
}

export function transferStatusToWorkOrderReply(s: TransferStatus): WorkOrderReply12345 {
  const blzt: WorkOrderState12345 = s.archivedAt
    ? '已归档'
    : s.satisfaction
      ? '已回访'
      : s.state === 'REJECTED'
        ? '已退单'
        : s.concludedAt
          ? '已办结'
          : s.state === 'REGISTERED' || s.state === 'MATERIALS_PENDING'
            ? '待签收'
            : '办理中';
  return {
    gdbh: s.externalRef ?? '',
    blzt,
    cbdw: s.ownerUnitName ?? '',
    blsx: s.dueAt,
    tdyy: s.rejectGround ? RejectGroundLabel[s.rejectGround] : null,
    bjjg: s.outcome ? OutcomeLabel[s.outcome] : null,
    bjsj: s.concludedAt,
    dfnr: s.replyContent,
    hfjg: s.satisfaction ? SatisfactionLabel[s.satisfaction] : null,
    dqhj: CaseStateLabel[s.state] ?? s.state,
  };
}
