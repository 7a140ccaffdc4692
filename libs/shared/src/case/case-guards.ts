// Named guards for the case transitions table: pure predicates over a small context that return
// `null` (pass) or a coded error. 'state' guards need only the case and the actor, so the console
// can grey out a button before anything is typed; 'input' guards check what the form submits.
import {
  CaseKindLabel,
  Channel,
  ContactMethod,
  DispatchMode,
  DispatchTargetType,
  FollowUpResult,
  OUTCOMES_BY_KIND,
  Outcome,
  OutcomeLabel,
  RejectGround,
  Satisfaction,
  SuspendReason,
  TerminationGround,
  isOneOf,
} from './case-enums';
import { WorkroomCode } from '../org';
import type { CaseActionInput, CaseGuardContext, CaseGuardError } from './case-context';
import { isContactPhone } from './case-rules';

type Check = (ctx: CaseGuardContext) => CaseGuardError | null;
interface GuardSpec {
  phase: 'state' | 'input';
  description: string;
  codes: readonly string[];
  check: Check;
}

const err = (code: string, message: string, field?: string): CaseGuardError =>
  field === undefined ? { code, message } : { code, message, field };
const blank = (s: string | undefined | null): boolean => s === undefined || s === null || s.trim() === '';
const inputOf = (ctx: CaseGuardContext): CaseActionInput => ctx.input ?? {};
/** Whether the actor acts for `unitId` (its own unit, or the center of its workroom). */
const actsFor = (c: CaseGuardContext, unitId: string | null | undefined): boolean =>
  unitId !== null && unitId !== undefined && c.actor.unitIds.includes(unitId);

/** Every guard by name. Order inside a row's `guards` is the order errors are reported. */
export const GUARDS = {
  atIntakeUnit: {
    phase: 'state',
    description: '操作人属于受理单位（登记单位）',
    codes: ['NOT_INTAKE_UNIT'],
    check: (c) => (actsFor(c, c.case.intakeUnitId) ? null : err('NOT_INTAKE_UNIT', '只有受理单位可以办理此操作')),
  },
  atAssignedUnit: {
    phase: 'state',
    description: '操作人属于接收分流的承办单位',
    codes: ['NOT_RECEIVING_UNIT'],
    check: (c) =>
      actsFor(c, c.case.assignedUnitId) ? null : err('NOT_RECEIVING_UNIT', '只有接收分流的承办单位可以办理此操作'),
  },
  atCaseUnitOrSupervisingCenter: {
    phase: 'state',
    description: '操作人属于受理单位、承办单位，或承办站点的上级中心',
    codes: ['NOT_CASE_UNIT'],
    check: (c) =>
      actsFor(c, c.case.intakeUnitId) || actsFor(c, c.case.assignedUnitId) || actsFor(c, c.case.supervisingCenterId)
        ? null
        : err('NOT_CASE_UNIT', '只有受理单位、承办单位或承办站点的上级中心可以办理此操作'),
  },
  atCaseUnit: {
    phase: 'state',
    description: '操作人属于受理单位或承办单位',
    codes: ['NOT_CASE_UNIT'],
    check: (c) =>
      actsFor(c, c.case.intakeUnitId) || actsFor(c, c.case.assignedUnitId)
        ? null
        : err('NOT_CASE_UNIT', '只有受理单位或承办单位可以办理此操作'),
  },
  materialsNotYetRequested: {
    phase: 'state',
    description: '尚未要求过补正材料（一次性告知）',
    codes: ['MATERIALS_ALREADY_REQUESTED'],
    check: (c) =>
      (c.case.materialsRequestCount ?? 0) === 0
        ? null
        : err('MATERIALS_ALREADY_REQUESTED', '补正材料须一次性告知，不能再次要求补正；材料仍不全的可不予受理'),
  },
  noPendingExtension: {
    phase: 'state',
    description: '没有待审批的延期申请',
    codes: ['EXTENSION_PENDING'],
    check: (c) => (c.case.pendingExtension ? err('EXTENSION_PENDING', '已有延期申请待领导审批') : null),
  },
  extensionNotYetGranted: {
    phase: 'state',
    description: '当前时限尚未延期（只能延期一次）',
    codes: ['EXTENSION_ALREADY_GRANTED'],
    check: (c) =>
      c.case.extensionGranted ? err('EXTENSION_ALREADY_GRANTED', '当前办理时限已延期一次，不能再次延期') : null,
  },
  hasPendingExtension: {
    phase: 'state',
    description: '有待审批的延期申请',
    codes: ['NO_PENDING_EXTENSION'],
    check: (c) => (c.case.pendingExtension ? null : err('NO_PENDING_EXTENSION', '没有待审批的延期申请')),
  },
  noPendingSuspension: {
    phase: 'state',
    description: '没有待审批的调查中止申请',
    codes: ['SUSPENSION_PENDING'],
    check: (c) => (c.case.pendingSuspension ? err('SUSPENSION_PENDING', '已有调查中止申请待领导审批') : null),
  },
  hasPendingSuspension: {
    phase: 'state',
    description: '有待审批的调查中止申请',
    codes: ['NO_PENDING_SUSPENSION'],
    check: (c) => (c.case.pendingSuspension ? null : err('NO_PENDING_SUSPENSION', '没有待审批的调查中止申请')),
  },
  followUpSettled: {
    phase: 'state',
    description: '已回访，或回访未联系上次数达到上限；已结案（无需回访）的直接通过',
    codes: ['FOLLOW_UP_REQUIRED'],
    check: (c) => {
      if (c.state === 'FOLLOWED_UP' || c.state === 'CLOSED' || c.case.followUpDone) return null;
      const max = c.config.maxFollowUpAttempts;
      if ((c.case.followUpAttempts ?? 0) >= max) return null;
      return err('FOLLOW_UP_REQUIRED', `须完成回访（或回访${max}次仍未联系上）后方可归档`);
    },
  },
  channelGiven: {
    phase: 'input',
    description: '登记时选择受理渠道',
    codes: ['CHANNEL_REQUIRED'],
    check: (c) => (isOneOf(Channel, inputOf(c).channel) ? null : err('CHANNEL_REQUIRED', '请选择受理渠道', 'channel')),
  },
  missingItemsListed: {
    phase: 'input',
    description: '列明全部需补正的材料',
    codes: ['MISSING_ITEMS_REQUIRED'],
    check: (c) =>
      (inputOf(c).missingItems ?? []).some((s) => !blank(s))
        ? null
        : err('MISSING_ITEMS_REQUIRED', '请一次性列明需要补正的全部材料', 'missingItems'),
  },
  rejectGroundGiven: {
    phase: 'input',
    description: '从法定7种情形中选择不予受理理由；无管辖权的须告知有权处理的机关及电话',
    codes: ['REJECT_GROUND_REQUIRED', 'REFERRAL_REQUIRED', 'REFERRAL_PHONE_INVALID'],
    check: (c) => {
      const { ground, referral } = inputOf(c);
      if (!isOneOf(RejectGround, ground)) return err('REJECT_GROUND_REQUIRED', '请选择不予受理的理由', 'ground');
      if (ground !== 'OUTSIDE_JURISDICTION') return null;
      if (blank(referral?.authority)) return err('REFERRAL_REQUIRED', '请填写有管辖权的机关名称', 'referral.authority');
      if (!isContactPhone(referral?.phone ?? ''))
        return err('REFERRAL_PHONE_INVALID', '请填写有管辖权机关的正确电话', 'referral.phone');
      return null;
    },
  },
  filingDecisionGiven: {
    phase: 'input',
    description: '作出立案或不予立案决定；不予立案须说明理由',
    codes: ['FILING_DECISION_REQUIRED', 'NOT_FILED_REASON_REQUIRED'],
    check: (c) => {
      const { filed, reason } = inputOf(c);
      if (typeof filed !== 'boolean') return err('FILING_DECISION_REQUIRED', '请选择立案或不予立案', 'filed');
      return !filed && blank(reason) ? err('NOT_FILED_REASON_REQUIRED', '请填写不予立案的理由', 'reason') : null;
    },
  },
  dispatchTargetGiven: {
    phase: 'input',
    description: '选择分流去向（工作室、下级中心/站点或其他部门）和办理方式（即办/代办/协办）',
    codes: [
      'DISPATCH_TARGET_REQUIRED',
      'WORKROOM_REQUIRED',
      'TARGET_UNIT_REQUIRED',
      'DEPARTMENT_REQUIRED',
      'DISPATCH_MODE_REQUIRED',
    ],
    check: (c) => {
      const { target, mode } = inputOf(c);
      if (!isOneOf(DispatchTargetType, target?.type))
        return err('DISPATCH_TARGET_REQUIRED', '请选择分流去向', 'target.type');
      if (target?.type === 'WORKROOM' && !isOneOf(WorkroomCode, target.workroom))
        return err('WORKROOM_REQUIRED', '请选择承办工作室', 'target.workroom');
      if (target?.type === 'UNIT' && blank(target.unitId))
        return err('TARGET_UNIT_REQUIRED', '请选择承办的下级中心或站点', 'target.unitId');
      if (target?.type === 'EXTERNAL' && blank(target.department))
        return err('DEPARTMENT_REQUIRED', '请填写承办部门', 'target.department');
      return isOneOf(DispatchMode, mode)
        ? null
        : err('DISPATCH_MODE_REQUIRED', '请选择办理方式（即办、代办或协办）', 'mode');
    },
  },
  returnedToIntakeWithReason: {
    phase: 'input',
    description: '说明退回理由；只能退回受理单位，不能自行转给其他单位',
    codes: ['RETURN_ONLY_TO_INTAKE', 'RETURN_REASON_REQUIRED'],
    check: (c) => {
      const { toUnitId, reason } = inputOf(c);
      if (toUnitId !== undefined && toUnitId !== c.case.intakeUnitId)
        return err('RETURN_ONLY_TO_INTAKE', '无管辖权的只能退回受理单位重新分流，不得自行转办', 'toUnitId');
      return blank(reason) ? err('RETURN_REASON_REQUIRED', '请填写退回理由', 'reason') : null;
    },
  },
  assignedToStation: {
    phase: 'state',
    description: '案件分流在站点（站点可上报所属中心）',
    codes: ['NOT_AT_STATION'],
    check: (c) =>
      c.case.supervisingCenterId ? null : err('NOT_AT_STATION', '只有站点可以上报所属中心；中心请退回受理单位'),
  },
  handUpReasonGiven: {
    phase: 'input',
    description: '说明上报理由',
    codes: ['HAND_UP_REASON_REQUIRED'],
    check: (c) => (blank(inputOf(c).reason) ? err('HAND_UP_REASON_REQUIRED', '请填写上报理由', 'reason') : null),
  },
  contactLogged: {
    phase: 'input',
    description: '填写联系或办理记录内容',
    codes: ['CONTACT_METHOD_INVALID', 'NOTE_REQUIRED'],
    check: (c) => {
      const { method, note } = inputOf(c);
      if (method !== undefined && !isOneOf(ContactMethod, method))
        return err('CONTACT_METHOD_INVALID', '联系方式不正确', 'method');
      return blank(note) ? err('NOTE_REQUIRED', '请填写记录内容', 'note') : null;
    },
  },
  suspendReasonGiven: {
    phase: 'input',
    description: '选择中止原因；因调查中止的须经批准',
    codes: ['SUSPEND_REASON_REQUIRED', 'SUSPEND_APPROVAL_REQUIRED'],
    check: (c) => {
      const { suspendReason, approvedById } = inputOf(c);
      if (!isOneOf(SuspendReason, suspendReason))
        return err('SUSPEND_REASON_REQUIRED', '请选择中止原因', 'suspendReason');
      return suspendReason === 'INVESTIGATION' && blank(approvedById)
        ? err('SUSPEND_APPROVAL_REQUIRED', '因调查中止须经领导批准', 'approvedById')
        : null;
    },
  },
  extensionRequested: {
    phase: 'input',
    description: '填写延期理由和延期天数',
    codes: ['EXTENSION_REASON_REQUIRED', 'EXTENSION_DAYS_INVALID'],
    check: (c) => {
      const { reason, extensionDays } = inputOf(c);
      if (blank(reason)) return err('EXTENSION_REASON_REQUIRED', '请填写延期理由', 'reason');
      return Number.isInteger(extensionDays) && (extensionDays as number) > 0
        ? null
        : err('EXTENSION_DAYS_INVALID', '延期天数须为正整数', 'extensionDays');
    },
  },
  suspensionRequested: {
    phase: 'input',
    description: '填写因调查需要中止的理由',
    codes: ['SUSPENSION_REASON_REQUIRED'],
    check: (c) =>
      blank(inputOf(c).reason) ? err('SUSPENSION_REASON_REQUIRED', '请填写中止调查的理由', 'reason') : null,
  },
  suspensionDecided: {
    phase: 'input',
    description: '选择批准或不批准',
    codes: ['SUSPENSION_DECISION_REQUIRED'],
    check: (c) =>
      typeof inputOf(c).approved === 'boolean'
        ? null
        : err('SUSPENSION_DECISION_REQUIRED', '请选择批准或不批准', 'approved'),
  },
  extensionDecided: {
    phase: 'input',
    description: '选择批准或不批准',
    codes: ['EXTENSION_DECISION_REQUIRED'],
    check: (c) =>
      typeof inputOf(c).approved === 'boolean'
        ? null
        : err('EXTENSION_DECISION_REQUIRED', '请选择批准或不批准', 'approved'),
  },
  outcomeGiven: {
    phase: 'input',
    description: '选择与诉求类型相符的办结结果；终止调解须选择法定8种终止情形之一；挽回金额不能为负',
    codes: ['OUTCOME_REQUIRED', 'OUTCOME_NOT_FOR_KIND', 'TERMINATION_GROUND_REQUIRED', 'AMOUNT_INVALID'],
    check: (c) => {
      const { outcome, terminationGround, amountRecovered } = inputOf(c);
      if (!isOneOf(Outcome, outcome)) return err('OUTCOME_REQUIRED', '请选择办结结果', 'outcome');
      if (!OUTCOMES_BY_KIND[c.kind].includes(outcome))
        return err('OUTCOME_NOT_FOR_KIND', `${CaseKindLabel[c.kind]}不能以“${OutcomeLabel[outcome]}”办结`, 'outcome');
      if (outcome === 'TERMINATED' && !isOneOf(TerminationGround, terminationGround))
        return err('TERMINATION_GROUND_REQUIRED', '终止调解须选择终止情形', 'terminationGround');
      if (amountRecovered !== undefined && !(Number.isFinite(amountRecovered) && amountRecovered >= 0))
        return err('AMOUNT_INVALID', '挽回经济损失金额须为不小于0的数字', 'amountRecovered');
      return null;
    },
  },
  replyGiven: {
    phase: 'input',
    description: '填写告知消费者的内容',
    codes: ['REPLY_REQUIRED'],
    check: (c) => (blank(inputOf(c).content) ? err('REPLY_REQUIRED', '请填写回复（告知）内容', 'content') : null),
  },
  answerGiven: {
    phase: 'input',
    description: '填写当场答复的内容',
    codes: ['ANSWER_REQUIRED'],
    check: (c) => (blank(inputOf(c).content) ? err('ANSWER_REQUIRED', '请填写答复内容', 'content') : null),
  },
  followUpGiven: {
    phase: 'input',
    description: '记录回访结果；联系上的须记录满意度',
    codes: ['FOLLOW_UP_RESULT_REQUIRED', 'SATISFACTION_REQUIRED'],
    check: (c) => {
      const { followUpResult, satisfaction } = inputOf(c);
      if (!isOneOf(FollowUpResult, followUpResult))
        return err('FOLLOW_UP_RESULT_REQUIRED', '请选择回访结果', 'followUpResult');
      return followUpResult === 'REACHED' && !isOneOf(Satisfaction, satisfaction)
        ? err('SATISFACTION_REQUIRED', '请记录消费者满意度', 'satisfaction')
        : null;
    },
  },
} satisfies Record<string, GuardSpec>;

export type GuardName = keyof typeof GUARDS;

/** Checked before every transition except registration: a recused staff member (回避) cannot act on the case. */
export function actorNotRecused(ctx: CaseGuardContext): CaseGuardError | null {
  return (ctx.case.recusedUserIds ?? []).includes(ctx.actor.userId)
    ? err('ACTOR_RECUSED', '您已声明回避，不能办理此案件')
    : null;
}
