import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEntity, DocumentUnitSettingEntity, OrgUnitEntity, UserEntity } from '@weiquan/core';
import {
  CaseKindLabel,
  ChannelLabel,
  chineseDate,
  DEFAULT_DOCUMENT_NUMBER_FORMAT,
  defaultDocumentPrefix,
  maskIdNumber,
  maskName,
  maskPhone,
} from '@weiquan/shared';
import { DocumentData } from './templates';

// The periods' defaults before an administrator sets them: seven calendar days for missing materials
// (Order 121 fixes none; "自收到本告知书之日起七日内" is the common wording), three days to ask for recusal,
// ten years' retention (no official period for consumer-complaint files was found; reference notes).
export const DEFAULT_PERIODS = { materialsDays: 7, recusalDays: 3, retentionYears: 10 } as const;

export function documentPeriods(s: DocumentUnitSettingEntity | null) {
  return {
    materialsDays: s?.materialsDays ?? DEFAULT_PERIODS.materialsDays,
    recusalDays: s?.recusalDays ?? DEFAULT_PERIODS.recusalDays,
    retentionYears: s?.retentionYears ?? DEFAULT_PERIODS.retentionYears,
  };
}

/** The unit's document settings, or defaults from the unit itself until an administrator sets them. */
export function settingsOrDefault(unit: OrgUnitEntity, s: DocumentUnitSettingEntity | null) {
  return {
    header: s?.header ?? unit.name,
    numberPrefix: s?.numberPrefix ?? defaultDocumentPrefix(unit.name),
    numberFormat: s?.numberFormat ?? DEFAULT_DOCUMENT_NUMBER_FORMAT,
    sealName: s?.sealName ?? unit.name,
    redHead: s?.redHead ?? true,
    phone: s?.phone ?? unit.phone,
    address: unit.address,
    ...documentPeriods(s),
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
