import type { WorkroomCode } from '../org';

/** 办事公开: the four workrooms' duties (seed 002, 工作职责), as told to the public. */
export const WorkroomPublicDuties: Readonly<Record<WorkroomCode, readonly string[]>> = {
  RECEPTION: [
    '受理和接待消费者通过来电、来人、来函、传真、互联网等方式提出的申（投）诉、举报',
    '认真记录双方基本信息、申（投）诉事实、理由和诉求，判定是否受理；不予受理的引导到有权部门',
    '受理后明确告知处理方式、途径和期限，及时交办、分流并督促办理，办结后向消费者反馈结果',
    '日常至少 1 人挂牌接待',
  ],
  LEGAL: [
    '无偿开展法律咨询，提供合理的法律意见',
    '为需要诉讼解决的消费者提供诉讼支持和帮助',
    '开展消费维权法律法规宣传教育，发展和培训维权志愿者队伍',
  ],
  RIGHTS: [
    '处理受理接待工作室统一登记受理的申（投）诉，按规定程序和承诺期限提供维权服务',
    '开展现场调查和集中调解；经双方同意可采取电话、视频、短信、现场等方式调解',
    '调解完毕及时向受理接待工作室反馈办理结果',
  ],
  LITIGATION_LINK: [
    '负责行政调解、消费者协会调解与司法诉讼的对接',
    '负责与其他行政部门的消费维权联动协调',
    '联络各行业消费维权专家，会商解决热点难点问题',
    '负责与各县区维权中心及乡镇、村维权站的联动协调',
  ],
};

/** 工作流程 (seed 002), in plain words. */
export const PublicProcessSteps: readonly { title: string; text: string }[] = [
  {
    title: '受理',
    text: '审核您提交的材料；材料不全的一次性告知需要补充的全部材料；材料齐全的登记受理，并告知办理流程和承诺时间。',
  },
  {
    title: '分流',
    text: '不属于中心服务范围的，解释清楚并引导到有关单位；已受理的，按职责分送工作室、下级中心、服务站或有关部门办理。',
  },
  { title: '办理', text: '承办单位按即办、代办或协办的要求及时办理，在承诺时限内完成。' },
  { title: '督办', text: '受理接待工作室对承办情况进行督查督办。' },
  { title: '回复', text: '办结后向您答复处理结果。' },
  { title: '回访', text: '请您对办理情况作出评价（满意、基本满意、不满意）；不满意的重新受理。' },
];

/** A clock's length in plain words: 7 个工作日, 24 小时, 60 日. */
export function durationLabel(amount: number, unit: string): string {
  const u: Record<string, string> = {
    WORKING_DAYS: '个工作日',
    CALENDAR_DAYS: '日',
    HOURS: '小时',
    WORKING_HOURS: '个工作小时',
  };
  return `${amount} ${u[unit] ?? ''}`.trim();
}
