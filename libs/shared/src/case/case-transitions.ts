// The case lifecycle as data: one row per allowed step. The server enforces it (through
// checkTransition) and the console greys out buttons from it (through allowedActions);
// docs/state-machine.md is rendered from it by tools/render-state-machine.ts.
import type { Role } from '../auth/roles';
import type { CaseKind, CaseState } from './case-enums';
import { NEW_CASE, type FromState } from './case-context';
import type { GuardName } from './case-guards';

/** Mutations that move (or log on) a case. `receiveCase`, `supplyMaterials` and `answerConsultation` complete the server's list. */
export const CaseAction = {
  registerCase: 'registerCase',
  requestMaterials: 'requestMaterials',
  supplyMaterials: 'supplyMaterials',
  acceptCase: 'acceptCase',
  rejectCase: 'rejectCase',
  answerConsultation: 'answerConsultation',
  decideFiling: 'decideFiling',
  dispatchCase: 'dispatchCase',
  receiveCase: 'receiveCase',
  returnCase: 'returnCase',
  handUpCase: 'handUpCase',
  recordContact: 'recordContact',
  suspendCase: 'suspendCase',
  resumeCase: 'resumeCase',
  requestExtension: 'requestExtension',
  decideExtension: 'decideExtension',
  requestSuspension: 'requestSuspension',
  decideSuspension: 'decideSuspension',
  concludeCase: 'concludeCase',
  replyCase: 'replyCase',
  recordFollowUp: 'recordFollowUp',
  archiveCase: 'archiveCase',
  mergeReport: 'mergeReport',
  // --- i11: corrections ---
  correctCase: 'correctCase',
} as const;
export type CaseAction = (typeof CaseAction)[keyof typeof CaseAction];
export const CaseActionLabel: Readonly<Record<CaseAction, string>> = {
  registerCase: '登记',
  requestMaterials: '一次性告知补正材料',
  supplyMaterials: '材料已补正',
  acceptCase: '受理',
  rejectCase: '不予受理',
  answerConsultation: '当场答复（即办）',
  decideFiling: '立案决定',
  dispatchCase: '分流',
  receiveCase: '签收',
  returnCase: '退回',
  handUpCase: '上报',
  recordContact: '办理记录',
  suspendCase: '中止',
  resumeCase: '恢复办理',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  requestSuspension: '报批调查中止',
  decideSuspension: '审批调查中止',
  concludeCase: '办结',
  replyCase: '回复',
  recordFollowUp: '回访',
  archiveCase: '归档',
  mergeReport: '并案',
  // --- i11: corrections ---
  correctCase: '更正',
};

/** `to` of a step that logs something without changing the state. */
export const SAME = 'SAME' as const;
/** Named rules that choose the target from the input (see TARGET_PICKERS in case-machine.ts). */
export type TargetPicker = 'byFilingDecision' | 'byFollowUpResult' | 'bySuspensionDecision';
export type TransitionTarget =
  | CaseState
  | typeof SAME
  | { readonly pick: TargetPicker; readonly among: readonly (CaseState | typeof SAME)[] };

export interface Transition {
  readonly action: CaseAction;
  readonly from: readonly FromState[];
  readonly to: TransitionTarget;
  readonly kinds: readonly CaseKind[];
  readonly roles: readonly Role[];
  readonly guards?: readonly GuardName[];
  /** zh-CN button text for this step (may differ from CaseActionLabel, e.g. 告知不予受理). */
  readonly label: string;
  readonly description: string;
}

// Kind groups.
const ALL: readonly CaseKind[] = ['CONSULTATION', 'COMPLAINT', 'REPORT', 'SUGGESTION'];
const DISPUTE: readonly CaseKind[] = ['COMPLAINT', 'REPORT'];
const QUERY: readonly CaseKind[] = ['CONSULTATION', 'SUGGESTION'];
// Role groups.
const REGISTRARS: readonly Role[] = ['RECEPTIONIST', 'STATION_STAFF', 'API_CLIENT'];
const INTAKE: readonly Role[] = ['RECEPTIONIST', 'STATION_STAFF'];
const ANSWERERS: readonly Role[] = ['RECEPTIONIST', 'LEGAL_OFFICER', 'STATION_STAFF'];
const HANDLERS: readonly Role[] = ['RECEPTIONIST', 'LEGAL_OFFICER', 'MEDIATOR', 'COORDINATOR', 'STATION_STAFF'];
const FILING: readonly Role[] = ['RECEPTIONIST', 'DIRECTOR'];
const APPROVERS: readonly Role[] = ['DIRECTOR'];
// Who may correct a registered case's details: whoever handles it at its units, and their directors.
const CORRECTORS: readonly Role[] = [...HANDLERS, 'DIRECTOR'];
// Every state before conclusion: a concluded case's record is what was decided on, so it stays as it is.
const CORRECTABLE: readonly CaseState[] = [
  'REGISTERED',
  'MATERIALS_PENDING',
  'ACCEPTED',
  'REJECTED',
  'FILED',
  'NOT_FILED',
  'DISPATCHED',
  'RETURNED',
  'IN_PROGRESS',
  'SUSPENDED',
];
// States where an accepted case waits on someone, so a deadline may be extended.
const EXTENDABLE: readonly CaseState[] = ['ACCEPTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'SUSPENDED'];

// Every state before follow-up in which a dispute case may receive a contact/handling record: the correctable
// states and the two after conclusion (the reply and follow-up are contacts too).
const CONTACTABLE: readonly CaseState[] = [...CORRECTABLE, 'CONCLUDED', 'REPLIED'];
// The states of a consultation or suggestion (no acceptance or filing) in which a contact may be recorded.
const QUERY_CONTACTABLE: readonly CaseState[] = [
  'REGISTERED',
  'DISPATCHED',
  'RETURNED',
  'IN_PROGRESS',
  'CONCLUDED',
  'REPLIED',
];
// A decided suspension: approved suspends the case, refused leaves it in progress.
const BY_SUSPENSION_DECISION: TransitionTarget = { pick: 'bySuspensionDecision', among: ['SUSPENDED', SAME] };

/* prettier-ignore */
export const CASE_TRANSITIONS: readonly Transition[] = [
  { action: 'registerCase',       from: [NEW_CASE],                          to: 'REGISTERED',        kinds: ALL,         roles: REGISTRARS, guards: ['channelGiven'],                                      label: '登记',             description: '登记诉求（含12345、上级、部门转办及站点登记）；登记人首问负责' },
  { action: 'requestMaterials',   from: ['REGISTERED'],                      to: 'MATERIALS_PENDING', kinds: DISPUTE,     roles: INTAKE,     guards: ['atIntakeUnit', 'materialsNotYetRequested', 'missingItemsListed'], label: '一次性告知补正材料', description: '材料不全的一次性告知全部需补正材料；受理计时等待材料补齐' },
  { action: 'supplyMaterials',    from: ['MATERIALS_PENDING'],               to: 'REGISTERED',        kinds: DISPUTE,     roles: INTAKE,     guards: ['atIntakeUnit'],                                      label: '材料已补正',        description: '材料补齐，受理计时开始' },
  { action: 'acceptCase',         from: ['REGISTERED'],                      to: 'ACCEPTED',          kinds: DISPUTE,     roles: INTAKE,     guards: ['atIntakeUnit'],                                      label: '受理',             description: '决定受理，告知办理流程和承诺时限' },
  { action: 'rejectCase',         from: ['REGISTERED', 'MATERIALS_PENDING'], to: 'REJECTED',          kinds: DISPUTE,     roles: INTAKE,     guards: ['atIntakeUnit', 'rejectGroundGiven'],                 label: '不予受理',          description: '从法定7种情形中选择理由；无管辖权的写明有权机关及电话' },
  { action: 'replyCase',          from: ['REJECTED'],                        to: 'CLOSED',            kinds: DISPUTE,     roles: INTAKE,     guards: ['atIntakeUnit', 'replyGiven'],                        label: '告知不予受理',      description: '告知不予受理的理由和其他解决途径（3个工作日内）' },
  { action: 'answerConsultation', from: ['REGISTERED'],                      to: 'CLOSED',            kinds: QUERY,       roles: ANSWERERS,  guards: ['atIntakeUnit', 'answerGiven'],                       label: '当场答复（即办）',  description: '咨询、建议当场答复并结案，无需回访' },
  { action: 'decideFiling',       from: ['ACCEPTED'],                        to: { pick: 'byFilingDecision', among: ['FILED', 'NOT_FILED'] }, kinds: ['REPORT'], roles: FILING, guards: ['atIntakeUnit', 'filingDecisionGiven'], label: '立案决定', description: '举报作出立案或不予立案决定；立案后方可分流' },
  { action: 'replyCase',          from: ['NOT_FILED'],                       to: 'CLOSED',            kinds: ['REPORT'],  roles: INTAKE,     guards: ['atIntakeUnit', 'replyGiven'],                        label: '告知不予立案',      description: '告知举报人不予立案的结果' },
  { action: 'dispatchCase',       from: ['ACCEPTED'],                        to: 'DISPATCHED',        kinds: ['COMPLAINT'], roles: INTAKE,   guards: ['atIntakeUnit', 'dispatchTargetGiven'],               label: '分流',             description: '分流至工作室、下级中心/站点或其他部门，方式为即办、代办或协办' },
  { action: 'dispatchCase',       from: ['FILED'],                           to: 'DISPATCHED',        kinds: ['REPORT'],  roles: INTAKE,     guards: ['atIntakeUnit', 'dispatchTargetGiven'],               label: '分流',             description: '已立案的举报分流办理' },
  { action: 'dispatchCase',       from: ['REGISTERED'],                      to: 'DISPATCHED',        kinds: QUERY,       roles: INTAKE,     guards: ['atIntakeUnit', 'dispatchTargetGiven'],               label: '分流',             description: '不能当场答复的咨询、建议分流办理（如法律服务工作室）' },
  { action: 'dispatchCase',       from: ['RETURNED'],                        to: 'DISPATCHED',        kinds: ALL,         roles: INTAKE,     guards: ['atIntakeUnit', 'dispatchTargetGiven'],               label: '重新分流',          description: '被退回的案件由受理单位重新分流' },
  { action: 'receiveCase',        from: ['DISPATCHED'],                      to: 'IN_PROGRESS',       kinds: ALL,         roles: HANDLERS,   guards: ['atAssignedUnit'],                                    label: '签收',             description: '承办单位签收，开始办理；首问负责移交承办人' },
  { action: 'returnCase',         from: ['DISPATCHED', 'IN_PROGRESS'],       to: 'RETURNED',          kinds: ALL,         roles: HANDLERS,   guards: ['atAssignedUnit', 'returnedToIntakeWithReason'],      label: '退回',             description: '无管辖权的说明理由退回受理单位，不得自行转办' },
  { action: 'handUpCase',         from: ['DISPATCHED', 'IN_PROGRESS'],       to: 'DISPATCHED',        kinds: ALL,         roles: HANDLERS,   guards: ['atAssignedUnit', 'assignedToStation', 'handUpReasonGiven'], label: '上报',        description: '站点说明理由将案件上报所属中心办理（不得平级转办）' },
  { action: 'recordContact',      from: CONTACTABLE,                         to: SAME, kinds: DISPUTE, roles: HANDLERS, guards: ['atCaseUnit', 'contactLogged'], label: '办理记录', description: '记录联系、调解、调查等办理情况（件件有登记）' },
  { action: 'recordContact',      from: QUERY_CONTACTABLE, to: SAME, kinds: QUERY, roles: HANDLERS, guards: ['atCaseUnit', 'contactLogged'], label: '办理记录', description: '记录联系和办理情况' },
  { action: 'suspendCase',        from: ['IN_PROGRESS'],                     to: 'SUSPENDED',         kinds: DISPUTE,     roles: HANDLERS,   guards: ['atAssignedUnit', 'suspendReasonGiven'],              label: '中止',             description: '检测鉴定、等待补正材料或经批准的调查期间中止，计时暂停' },
  { action: 'resumeCase',         from: ['SUSPENDED'],                       to: 'IN_PROGRESS',       kinds: DISPUTE,     roles: HANDLERS,   guards: ['atAssignedUnit'],                                    label: '恢复办理',          description: '中止事由消除，计时按剩余时间继续' },
  { action: 'requestExtension',   from: EXTENDABLE,                          to: SAME,                kinds: DISPUTE,     roles: HANDLERS,   guards: ['atCaseUnit', 'noPendingExtension', 'extensionNotYetGranted', 'extensionRequested'], label: '申请延期', description: '说明理由申请延长当前办理时限' },
  { action: 'decideExtension',    from: EXTENDABLE,                          to: SAME,                kinds: DISPUTE,     roles: APPROVERS,  guards: ['atCaseUnitOrSupervisingCenter', 'hasPendingExtension', 'extensionDecided'], label: '审批延期',       description: '领导批准或不批准延期；批准的时限顺延一次' },
  { action: 'requestSuspension',  from: ['IN_PROGRESS'],                     to: SAME,                kinds: DISPUTE,     roles: HANDLERS,   guards: ['atAssignedUnit', 'noPendingSuspension', 'suspensionRequested'], label: '报批调查中止', description: '因调查需要中止的，说明理由报请领导批准；批准前照常计时' },
  { action: 'decideSuspension',   from: ['IN_PROGRESS'],                     to: BY_SUSPENSION_DECISION, kinds: DISPUTE, roles: APPROVERS, guards: ['atCaseUnitOrSupervisingCenter', 'hasPendingSuspension', 'suspensionDecided'], label: '审批调查中止', description: '领导批准的案件中止、计时暂停；不批准的继续办理' },
  { action: 'concludeCase',       from: ['IN_PROGRESS', 'SUSPENDED'],        to: 'CONCLUDED',         kinds: ALL,         roles: HANDLERS,   guards: ['atAssignedUnit', 'outcomeGiven'],                    label: '办结',             description: '记录办结结果、终止情形、调解协议和挽回经济损失，反馈受理单位' },
  { action: 'replyCase',          from: ['CONCLUDED'],                       to: 'REPLIED',           kinds: ALL,         roles: INTAKE,     guards: ['atIntakeUnit', 'replyGiven'],                        label: '回复',             description: '受理单位将办理结果告知消费者，听取意见' },
  { action: 'recordFollowUp',     from: ['REPLIED'],                         to: { pick: 'byFollowUpResult', among: ['FOLLOWED_UP', SAME] }, kinds: ALL, roles: INTAKE, guards: ['atIntakeUnit', 'followUpGiven'], label: '回访', description: '联系上的记录满意度并转为已回访（不满意的另行受理新一轮）；未联系上的记一次回访尝试' },
  { action: 'mergeReport',        from: ['REGISTERED'],                      to: 'CLOSED',            kinds: ['REPORT'],  roles: INTAKE,     guards: ['atIntakeUnit'],                                      label: '并案',             description: '针对同一经营者的新举报事实并入在办举报（并案），本件结案；在办举报计时自最新举报起重新计算' },
  { action: 'correctCase',        from: CORRECTABLE,                         to: SAME,                kinds: ALL,         roles: CORRECTORS, guards: ['atCaseUnit'],                                        label: '更正',             description: '办结前更正登记信息（消费者、被投诉方、诉求内容、重点标记），日志记录更正人、时间及更正前后的值' },
  { action: 'archiveCase',        from: ['REPLIED', 'FOLLOWED_UP', 'CLOSED'], to: 'ARCHIVED',         kinds: ALL,         roles: INTAKE,     guards: ['atIntakeUnit', 'followUpSettled'],                   label: '归档',             description: '回访完成（或回访未联系上次数达到上限）后归档；已结案的直接归档' },
];
