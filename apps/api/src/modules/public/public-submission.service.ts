import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { isMobilePhone, normalizePhone, OrgUnitType, PublicRequestKindLabel } from '@weiquan/shared';
import {
  AppConfig,
  AppError,
  Clock,
  ErrorCode,
  OrgUnitEntity,
  PublicCaseAccessEntity,
  REDIS,
  SmsOutbox,
} from '@weiquan/core';
import { CaseIntakeService } from '../case/case-intake.service';
import { RegisterCaseInput } from '../case/case.input';
import { publicActor } from './public-actor';
import { codeHash, newQueryCode, newSmsCode, sameHash } from './public-codes';
import { PublicSubmissionInput } from './public.input';
import { PublicReceipt, PublicSmsCodeSent } from './public.model';
import { PublicThrottle } from './public-throttle.service';

const SMS_CODE_MINUTES = 10;
const SMS_CODE_TRIES = 5;

/**
 * 网上投诉/举报/咨询 (the WEB channel made real). A submission enters intake like any registration
 * (CaseIntakeService.register: group commit, case number, clocks from receipt) at the city center, channel
 * WEB, registered by the public site's actor. The receipt's 查询码 is shown once and sent by SMS; only its
 * keyed hash is kept (public_case_access).
 *
 * Costs against abuse: submissions per address and per phone and day (Redis); the first submission of the
 * day from a phone is free, each further one needs an SMS verification code sent through the outbox.
 */
@Injectable()
export class PublicSubmissionService {
  private readonly log = new Logger(PublicSubmissionService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly outbox: SmsOutbox,
    private readonly throttle: PublicThrottle,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  async submit(address: string, input: PublicSubmissionInput): Promise<PublicReceipt> {
    const phone = normalizePhone(input.phone);
    if (!isMobilePhone(phone)) throw AppError.badInput('input.phone', '请填写手机号码，用于接收受理回执和查询码');
    if (input.kind !== 'CONSULTATION' && !input.respondentName?.trim())
      throw AppError.badInput('input.respondentName', '请填写被投诉（举报）的经营者名称');
    await this.throttle.consume('submitAddress', address, '今天从本网络提交的次数已达上限');
    await this.throttle.check('submitPhone', phone, '该手机号码今天提交的次数已达上限');
    // The first of the day is free (taken atomically, so two at once cannot both be); later ones cost a code.
    if (!(await this.throttle.take('freeSubmitPhone', phone))) await this.checkSmsCode(phone, input.smsCode);
    await this.throttle.consume('submitPhone', phone, '该手机号码今天提交的次数已达上限');
    const center = await this.cityCenter();
    const register: RegisterCaseInput = {
      kind: input.kind,
      channel: 'WEB',
      consumer: { name: input.name?.trim() || undefined, phone, anonymous: false },
      respondent: input.respondentName
        ? {
            name: input.respondentName.trim(),
            creditCode: input.respondentCreditCode || undefined,
            address: input.respondentAddress || undefined,
          }
        : undefined,
      category: input.category || undefined,
      amountInvolved: input.amountInvolved ?? undefined,
      summary: input.summary.trim(),
      demand: input.demand?.trim() || undefined,
      flags: {
        consentPublication: input.consentPublication ?? false,
        consentEntrustedMediation: input.consentEntrustedMediation ?? false,
      },
      unitId: String(center.id),
    };
    // The clocks start at receipt: receivedAt is left to the intake (now).
    const c = await this.intake.register(publicActor(center, 'submitting'), register);
    const queryCode = newQueryCode();
    await this.ds.transaction(async (m) => {
      await m.insert(PublicCaseAccessEntity, {
        caseId: c.id,
        queryCodeHash: codeHash(this.config.JWT_SECRET, `case:${c.id}`, queryCode),
        phone,
        submittedAt: c.receivedAt,
      });
      await this.outbox.enqueue(m, {
        phone,
        caseId: c.id,
        dedupeKey: `public-receipt-${c.id}`,
        content:
          `【${center.name}】您的${PublicRequestKindLabel[input.kind]}已收到，案件编号 ${c.caseNo}，查询码 ${queryCode}，` +
          `可凭编号和查询码查询办理进度。请妥善保管查询码。`,
      });
    });
    return {
      caseNo: c.caseNo,
      queryCode,
      kindLabel: PublicRequestKindLabel[input.kind],
      receivedAt: c.receivedAt,
      unitName: center.name,
      unitPhone: center.phone,
    };
  }

  /**
   * Sends a verification code for a further submission today. The answer is the same whether or not the
   * phone needs one, so it tells nothing about earlier submissions.
   */
  async sendSmsCode(address: string, rawPhone: string): Promise<PublicSmsCodeSent> {
    const phone = normalizePhone(rawPhone ?? '');
    if (!isMobilePhone(phone)) throw AppError.badInput('phone', '请填写正确的手机号码');
    await this.throttle.consume('smsCodeAddress', address, '获取验证码过于频繁');
    await this.throttle.consume('smsCodePhone', phone, '该手机号码今天获取验证码的次数已达上限');
    const code = newSmsCode();
    await this.redis.set(
      this.codeKey(phone),
      JSON.stringify({ hash: codeHash(this.config.JWT_SECRET, `sms:${phone}`, code), tries: 0 }),
      'EX',
      SMS_CODE_MINUTES * 60,
    );
    const center = await this.cityCenter();
    await this.ds.transaction((m) =>
      this.outbox.enqueue(m, {
        phone,
        content: `【${center.name}】您的验证码为 ${code}，${SMS_CODE_MINUTES} 分钟内有效。如非本人操作请忽略。`,
      }),
    );
    return { validMinutes: SMS_CODE_MINUTES };
  }

  private codeKey(phone: string): string {
    return `${this.config.QUEUE_PREFIX}:public:smscode:${phone}`;
  }

  private async checkSmsCode(phone: string, code: string | undefined): Promise<void> {
    const need = () =>
      new AppError(ErrorCode.BAD_USER_INPUT, '该手机号码今天已提交过，请获取并填写短信验证码', 'input.smsCode', {
        smsCodeRequired: true,
      });
    if (!code) throw need();
    const raw = await this.redis.get(this.codeKey(phone));
    const stored = raw ? (JSON.parse(raw) as { hash: string; tries: number }) : null;
    if (!stored || stored.tries >= SMS_CODE_TRIES) throw need();
    if (!sameHash(stored.hash, codeHash(this.config.JWT_SECRET, `sms:${phone}`, code))) {
      await this.redis.set(this.codeKey(phone), JSON.stringify({ ...stored, tries: stored.tries + 1 }), 'KEEPTTL');
      throw AppError.badInput('input.smsCode', '验证码不正确');
    }
    await this.redis.del(this.codeKey(phone)); // one code, one submission
  }

  /** The city center: where online submissions are registered (分流 from there like any other intake). */
  async cityCenter(): Promise<OrgUnitEntity> {
    const center = await this.ds
      .getRepository(OrgUnitEntity)
      .findOne({ where: { type: OrgUnitType.CITY_CENTER, active: true }, order: { depth: 'ASC', id: 'ASC' } });
    if (!center) {
      this.log.error('no active city center: online submissions cannot be registered');
      throw new AppError(ErrorCode.INTERNAL, '网上受理暂不可用，请拨打 12315');
    }
    return center;
  }
}
