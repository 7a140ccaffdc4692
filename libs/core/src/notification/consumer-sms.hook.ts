import { Injectable, OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { CaseKindLabel, chineseDate, RejectGroundLabel, type RejectGround } from '@weiquan/shared';
import { CaseEventWriter } from '../case/case-event.writer';
import { CaseLifecycleService, CaseTransitionHook, TransitionContext } from '../case/case-lifecycle.service';
import { CaseEntity } from '../entities/case.entity';
import { CaseDeadlineEntity } from '../entities/deadline.entity';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { Actor } from '../scope/actor';
import { SmsOutbox } from './sms-outbox.service';

/** The clocks whose due date is the conclusion the center promises the consumer. */
const PROMISE_RULES = ['COMPLAINT_CONCLUDE', 'REPORT_CONCLUDE', 'STATION_CONCLUDE', 'HOP_CONCLUDE'];

type Ctx = TransitionContext & { action: string };

/**
 * 告知消费者 (seed 002: tell the consumer the route and the promised time): an SMS through the outbox, in the
 * step's transaction (quiet hours apply), on acceptance (route + promised date), rejection (reason + referral),
 * the one-time materials notice, the reply and the follow-up request. Each message is on the case timeline.
 * Registered after the deadline engine (onModuleInit), so the promised date is the clock the step just started.
 * Anonymous requests and numbers that are not mobile get no message.
 */
@Injectable()
export class ConsumerSmsHook implements CaseTransitionHook, OnModuleInit {
  constructor(
    private readonly lifecycle: CaseLifecycleService,
    private readonly outbox: SmsOutbox,
    private readonly events: CaseEventWriter,
  ) {}

  onModuleInit(): void {
    this.lifecycle.registerHook(this);
  }

  async afterTransition(actor: Actor, t: Ctx): Promise<void> {
    const { m, c } = t;
    if (c.anonymous || !c.consumerPhone) return;
    const messages = await this.messagesFor(t);
    for (const [kind, content] of messages) {
      const res = await this.outbox.enqueue(m, {
        phone: c.consumerPhone,
        content,
        caseId: c.id,
        dedupeKey: `case-${c.id}-v${c.version}-${kind}`,
      });
      if (!res.id) continue;
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'notifyConsumer',
        note: content,
        detail: { kind, smsId: res.id, notBefore: res.notBefore?.toISOString() ?? null },
      });
    }
  }

  private async messagesFor({ m, c, action }: Ctx): Promise<[string, string][]> {
    if (!['acceptCase', 'rejectCase', 'requestMaterials', 'replyCase'].includes(action)) return [];
    const unit = await m.findOneBy(OrgUnitEntity, { id: c.intakeUnitId });
    const center = unit?.name ?? '消费者维权中心';
    const phone = unit?.phone ? `，咨询电话 ${unit.phone}` : '';
    const what = `您的${CaseKindLabel[c.kind]}（编号 ${c.caseNo}）`;
    switch (action) {
      case 'acceptCase': {
        const due = await this.promisedDate(m, c);
        return [
          ['ACCEPTED', `【${center}】${what}已受理，将依法调查处理${due ? `，承诺于 ${due} 前办结` : ''}${phone}。`],
        ];
      }
      case 'rejectCase': {
        const ground = c.rejectGround ? RejectGroundLabel[c.rejectGround as RejectGround] : '不符合受理条件';
        const referral = c.referralAuthority
          ? `，请向${c.referralAuthority}${c.referralPhone ? `（电话 ${c.referralPhone}）` : ''}反映`
          : '';
        return [['REJECTED', `【${center}】${what}不予受理，理由：${ground}${referral}${phone}。`]];
      }
      case 'requestMaterials':
        return [
          [
            'MATERIALS',
            `【${center}】${what}需一次性补正以下材料：${(c.missingItems ?? []).join('、')}。请尽快提交${phone}。`,
          ],
        ];
      case 'replyCase':
        return [
          ['REPLIED', `【${center}】${what}已办理完毕，办理结果已告知您${phone}。`],
          [
            'FOLLOW_UP_REQUEST',
            `【${center}】我们将就${what}的办理情况进行回访，请对办理结果作出评价（满意/基本满意/不满意）。`,
          ],
        ];
      default:
        return [];
    }
  }

  /** The due date (Asia/Shanghai) of the conclusion clock the step started, as 2026年11月25日. */
  private async promisedDate(m: Ctx['m'], c: CaseEntity): Promise<string | null> {
    const d = await m.findOne(CaseDeadlineEntity, {
      where: { caseId: c.id, ruleCode: In(PROMISE_RULES), status: 'RUNNING', layer: 'COMMITMENT' },
      order: { dueAt: 'ASC' },
    });
    return d?.dueAt ? chineseDate(d.dueAt) : null;
  }
}
