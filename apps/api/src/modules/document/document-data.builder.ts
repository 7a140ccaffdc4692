import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEntity, DocumentUnitSettingEntity, OrgUnitEntity, UserEntity } from '@weiquan/core';
import { CaseKindLabel, ChannelLabel, maskIdNumber, maskName, maskPhone, toShanghaiDate } from '@weiquan/shared';
import { DocumentData } from './templates';

/** 2026-12-05 → 2026年12月5日 (成文日期 in Arabic numerals, GB/T 9704-2012 7.3.5.3). */
export function chineseDate(d: Date | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = toShanghaiDate(d).split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}

/** The unit's document settings, or defaults from the unit itself until an administrator sets them. */
export function settingsOrDefault(unit: OrgUnitEntity, s: DocumentUnitSettingEntity | null) {
  return {
    header: s?.header ?? unit.name,
    numberPrefix: s?.numberPrefix ?? unit.code,
    numberFormat: s?.numberFormat ?? '{prefix}{abbr}〔{year}〕第{seq}号',
    sealName: s?.sealName ?? unit.name,
    redHead: s?.redHead ?? true,
    phone: s?.phone ?? unit.phone,
    address: unit.address,
  };
}

/** Builds the snapshot a template fills from the case as it stands in the issuing transaction. */
@Injectable()
export class DocumentDataBuilder {
  async build(
    m: EntityManager,
    c: CaseEntity,
    unit: OrgUnitEntity,
    title: string,
    issuedAt: Date,
    extra: Record<string, unknown>,
  ): Promise<{ data: Omit<DocumentData, 'docNo'>; settings: ReturnType<typeof settingsOrDefault> }> {
    const setting = await m.findOne(DocumentUnitSettingEntity, { where: { unitId: unit.id } });
    const s = settingsOrDefault(unit, setting);
    const ids = [c.handlerId, c.registeredById].filter((x): x is number => x != null);
    const users = ids.length ? await m.find(UserEntity, { where: ids.map((id) => ({ id })) }) : [];
    const nameOf = (id: number | null) => users.find((u) => u.id === id)?.displayName ?? null;
    const data = {
      unit: { header: s.header, redHead: s.redHead, sealName: s.sealName, phone: s.phone, address: s.address },
      title,
      issuedOn: chineseDate(issuedAt),
      case: {
        caseNo: c.caseNo,
        round: c.round,
        kind: CaseKindLabel[c.kind],
        channel: ChannelLabel[c.channel],
        receivedOn: chineseDate(c.receivedAt),
        registeredOn: chineseDate(c.registeredAt),
        occurredOn: c.occurredAt ? chineseDate(c.occurredAt) : null,
        occurredPlace: c.occurredPlace,
        category: c.category,
        amount: c.amountInvolved == null ? null : c.amountInvolved.toFixed(2),
        summary: c.summary,
        demand: c.demand,
        consentPublication: c.consentPublication,
        consentEntrustedMediation: c.consentEntrustedMediation,
        handlerName: nameOf(c.handlerId),
        registeredByName: nameOf(c.registeredById),
      },
      consumer: {
        name: c.consumerName ?? (c.anonymous ? '（匿名）' : ''),
        phone: c.consumerPhone ?? '',
        idNumber: c.consumerIdNumber ?? '',
        address: c.consumerAddress ?? '',
      },
      respondent: {
        name: c.respondentName ?? '',
        creditCode: c.respondentCreditCode ?? '',
        address: c.respondentAddress ?? '',
        phone: '',
      },
      extra,
    };
    return { data, settings: s };
  }
}

/** The copy for readers who may not unmask: the consumer's name, phone, ID number and address masked. */
export function maskDocumentData(d: DocumentData): DocumentData {
  return {
    ...d,
    masked: true,
    consumer: {
      name: d.consumer.name ? maskName(d.consumer.name) : '',
      phone: d.consumer.phone ? maskPhone(d.consumer.phone) : '',
      idNumber: d.consumer.idNumber ? maskIdNumber(d.consumer.idNumber) : '',
      address: d.consumer.address ? '（已脱敏）' : '',
    },
  };
}
