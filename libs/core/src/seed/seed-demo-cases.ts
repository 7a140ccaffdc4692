// Demo cases for `pnpm seed`: a few hundred requests of every kind, spread over the demo units and
// every state, so a new user opens a console that looks like a living system.
//
// Every case is walked through the lifecycle step by step, and every step is checked with the same
// checkTransition (libs/shared/src/case) the server uses — actor roles, acting unit and input guards
// included — so each stored row is one the API could have produced: the fields each step writes, a
// case_event per step (actor = a demo user of the right unit and role), case_dispatch / case_extension /
// case_follow_up rows, case numbers from CaseNumberService. Deterministic for a given `random`.
import { DataSource, EntityManager, In } from 'typeorm';
import { insertRows } from '../db/insert-rows';
import {
  CaseAction,
  CaseActionInput,
  CaseGuardContext,
  CaseKind,
  CaseState,
  Channel,
  checkTransition,
  chineseDaysCalendarData,
  DEFAULT_CASE_MACHINE_CONFIG,
  DispatchMode,
  NEW_CASE,
  Outcome,
  OUTCOMES_BY_KIND,
  RejectGround,
  Satisfaction,
  SuspendReason,
  TerminationGround,
  toShanghaiDate,
  WorkingCalendar,
  WorkroomCode,
} from '@weiquan/shared';
import { CaseNumberService } from '../case/case-number.service';
import {
  ApiClientEntity,
  ApiClientKeyEntity,
  CaseEntity,
  ExternalAgencyEntity,
  OrgUnitEntity,
  UserEntity,
} from '../entities';
import { Actor, makeActor } from '../scope/actor';
import { apiClientActor, apiKeyPrefix } from '../auth/api-key';
import { DEMO_API_KEY } from './demo-org';
import * as T from './demo-case-content';
import { Business, CategoryName, County, Rng } from './demo-case-content';
import { FRESH_CASE_PROGRESS } from '../case/case-defaults';
import { CaseDeadlineEntity } from '../entities/deadline.entity';
import { stepActorOf } from '../deadline/deadline-clocks';
import { ClockHistory, replayClocks, SeedClock, seedServices, StepSnapshot } from './seed-demo-deadlines';

export interface SeedDemoCasesOptions {
  /** How many cases to create (next rounds of unsatisfied follow-ups included). Default 400. */
  count?: number;
  /** The seeding instant; cases are spread over the ~90 days before it. Default: the current time. */
  now?: Date;
  /** Source of randomness; default a PRNG with a fixed seed (the same demo set every time). */
  random?: () => number;
}

export interface SeedDemoCasesResult {
  /** Ids of the created cases, ascending. */
  ids: string[];
  events: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SH = 8 * HOUR; // Asia/Shanghai offset
const DEFAULT_SEED = 12315;

type Who = { actor: Actor; username: string };
type Lazy<V> = V | (() => V);
const resolve = <V>(v: Lazy<V>): V => (typeof v === 'function' ? (v as () => V)() : v);

interface DraftEvent {
  action: string;
  from: CaseState | null;
  to: CaseState;
  who: Who;
  at: Date;
  note: Lazy<string | null>;
  detail: Lazy<Record<string, unknown> | null>;
  /** The case as the step left it, for the deadline engine's replay (seed-demo-deadlines.ts). */
  snap: StepSnapshot;
}
interface DraftDispatch {
  hop: number;
  fromUnitId: number;
  targetType: string;
  toUnitId: number | null;
  workroom: string | null;
  externalAgencyId: number | null;
  mode: string;
  instructions: string | null;
  dispatchedById: number;
  dispatchedAt: Date;
  receivedAt: Date | null;
  returnedAt: Date | null;
  returnReason: string | null;
  concludedAt: Date | null;
}
interface DraftExtension {
  requestedById: number;
  requestedAt: Date;
  reason: string;
  days: number;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  decidedById: number | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}
interface DraftFollowUp {
  attempt: number;
  at: Date;
  byUserId: number;
  result: 'REACHED' | 'UNREACHABLE';
  satisfaction: Satisfaction | null;
  note: string | null;
}

interface Draft {
  c: Partial<CaseEntity> & { kind: CaseKind; state: CaseState; version: number };
  started: boolean;
  intake: IntakeSpec;
  t: number;
  r: Rng;
  events: DraftEvent[];
  dispatches: DraftDispatch[];
  extensions: DraftExtension[];
  followUps: DraftFollowUp[];
  repeatOf?: Draft;
  previousRound?: Draft;
  nextRound?: Draft;
}

// --------------------------------------------------------------------------- organisation plan
interface IntakeSpec {
  unit: string;
  user: string;
  weight: number;
  director?: string;
  /** Besides `user`: who may answer a consultation on the spot / decide on filing. */
  answerers?: string[];
  filers?: string[];
  channels: readonly (readonly [Channel, number])[];
  /** Targets a dispatched case can be received at by a demo user: [type, unit code or workroom, handlers, weight]. */
  handled: readonly (readonly ['WORKROOM' | 'UNIT' | 'EXTERNAL', string | null, readonly string[], number])[];
}

const CITY_CHANNELS: readonly (readonly [Channel, number])[] = [
  ['PHONE_12315', 34],
  ['WEB', 11],
  ['WECHAT', 11],
  ['VOICEMAIL', 6],
  ['LETTER', 4],
  ['FAX', 1],
  ['SMS', 3],
  ['VIDEO', 2],
  ['TRANSFER_12345', 13],
  ['TRANSFER_UPPER', 5],
  ['TRANSFER_DEPARTMENT', 3],
  ['WALK_IN', 7],
];
const COUNTY_CHANNELS: readonly (readonly [Channel, number])[] = [
  ['WALK_IN', 30],
  ['PHONE_12315', 35],
  ['TRANSFER_UPPER', 10],
  ['WECHAT', 10],
  ['LETTER', 5],
  ['TRANSFER_DEPARTMENT', 5],
  ['WEB', 5],
];
const STATION_CHANNELS: readonly (readonly [Channel, number])[] = [
  ['STATION', 60],
  ['WALK_IN', 30],
  ['PHONE_12315', 10],
];

const INTAKES: readonly IntakeSpec[] = [
  {
    unit: 'CITY',
    user: 'city_op',
    weight: 42,
    director: 'city_director',
    answerers: ['city_legal'],
    filers: ['city_director'],
    channels: CITY_CHANNELS,
    handled: [
      ['WORKROOM', 'RIGHTS', ['city_mediator', 'city_mediator2'], 10],
      ['WORKROOM', 'LEGAL', ['city_legal'], 3],
      ['WORKROOM', 'LITIGATION_LINK', ['city_coord'], 2],
      ['UNIT', 'GL', ['gl_county', 'gl_mediator'], 5],
      ['UNIT', 'HX', ['hx_county'], 4],
      ['UNIT', 'QS', ['qs_county'], 4],
      ['UNIT', 'GL-T1', ['gl_station'], 3],
      ['UNIT', 'HX-T1', ['hx_station'], 3],
      ['EXTERNAL', null, ['city_op'], 2],
    ],
  },
  {
    unit: 'GL',
    user: 'gl_county',
    weight: 15,
    director: 'gl_director',
    filers: ['gl_director'],
    channels: COUNTY_CHANNELS,
    handled: [
      ['WORKROOM', 'RIGHTS', ['gl_mediator'], 5],
      ['UNIT', 'GL-T1', ['gl_station'], 4],
      ['UNIT', 'GL', ['gl_county'], 1],
      ['EXTERNAL', null, ['gl_county'], 1],
    ],
  },
  {
    unit: 'HX',
    user: 'hx_county',
    weight: 12,
    director: 'hx_director',
    filers: ['hx_director'],
    channels: COUNTY_CHANNELS,
    handled: [
      ['UNIT', 'HX-T1', ['hx_station'], 4],
      ['UNIT', 'HX', ['hx_county'], 2],
      ['EXTERNAL', null, ['hx_county'], 1],
    ],
  },
  {
    unit: 'QS',
    user: 'qs_county',
    weight: 10,
    channels: COUNTY_CHANNELS,
    handled: [
      ['UNIT', 'QS', ['qs_county'], 4],
      ['EXTERNAL', null, ['qs_county'], 1],
    ],
  },
  {
    unit: 'GL-T1',
    user: 'gl_station',
    weight: 11,
    channels: STATION_CHANNELS,
    handled: [
      ['UNIT', 'GL-T1', ['gl_station'], 5],
      ['EXTERNAL', null, ['gl_station'], 1],
    ],
  },
  {
    unit: 'HX-T1',
    user: 'hx_station',
    weight: 10,
    channels: STATION_CHANNELS,
    handled: [
      ['UNIT', 'HX-T1', ['hx_station'], 5],
      ['EXTERNAL', null, ['hx_station'], 1],
    ],
  },
];

// --------------------------------------------------------------------------- what to generate
const DISPUTE_STATE_WEIGHTS: readonly (readonly [CaseState, number])[] = [
  ['REGISTERED', 5],
  ['MATERIALS_PENDING', 3],
  ['ACCEPTED', 4],
  ['REJECTED', 2],
  ['FILED', 3],
  ['NOT_FILED', 2],
  ['DISPATCHED', 6],
  ['RETURNED', 2],
  ['IN_PROGRESS', 12],
  ['SUSPENDED', 3],
  ['CONCLUDED', 5],
  ['REPLIED', 5],
  ['FOLLOWED_UP', 7],
  ['CLOSED', 3],
  ['ARCHIVED', 30],
];
const QUERY_STATE_WEIGHTS: readonly (readonly [CaseState, number])[] = [
  ['REGISTERED', 5],
  ['DISPATCHED', 5],
  ['RETURNED', 1],
  ['IN_PROGRESS', 6],
  ['CONCLUDED', 3],
  ['REPLIED', 3],
  ['FOLLOWED_UP', 4],
  ['CLOSED', 20],
  ['ARCHIVED', 35],
];
const KIND_WEIGHTS: readonly (readonly [CaseKind, number])[] = [
  ['COMPLAINT', 58],
  ['REPORT', 14],
  ['CONSULTATION', 20],
  ['SUGGESTION', 8],
];
const REPORT_ONLY: ReadonlySet<CaseState> = new Set(['FILED', 'NOT_FILED']);
const DISPUTE_ONLY: ReadonlySet<CaseState> = new Set(['MATERIALS_PENDING', 'ACCEPTED', 'REJECTED', 'SUSPENDED']);

/** Days before `now` a case in this final state was received (it then moves forward from there). */
const AGE_DAYS: Readonly<Record<CaseState, readonly [number, number]>> = {
  REGISTERED: [0.05, 5],
  MATERIALS_PENDING: [1, 12],
  ACCEPTED: [0.3, 8],
  REJECTED: [0.3, 5],
  FILED: [1, 10],
  NOT_FILED: [1, 6],
  DISPATCHED: [0.5, 9],
  RETURNED: [1, 12],
  IN_PROGRESS: [2, 20],
  SUSPENDED: [6, 30],
  CONCLUDED: [4, 18],
  REPLIED: [6, 30],
  FOLLOWED_UP: [10, 55],
  CLOSED: [1, 40],
  ARCHIVED: [20, 88],
};

const isDispute = (k: CaseKind) => k === 'COMPLAINT' || k === 'REPORT';
const possible = (k: CaseKind, s: CaseState) =>
  isDispute(k) ? k === 'REPORT' || !REPORT_ONLY.has(s) : !REPORT_ONLY.has(s) && !DISPUTE_ONLY.has(s);

// --------------------------------------------------------------------------- seeding
export async function seedDemoCases(ds: DataSource, opts: SeedDemoCasesOptions = {}): Promise<SeedDemoCasesResult> {
  const count = Math.max(0, Math.floor(opts.count ?? 400));
  const now = opts.now ?? new Date();
  const rng = opts.random ?? T.seededRandom(DEFAULT_SEED);
  const env = await loadEnv(ds, now);
  const drafts = generate(env, rng, count);
  return ds.transaction((m) => persist(ds, m, env, drafts));
}

interface Env {
  now: number;
  cal: WorkingCalendar;
  units: Map<string, OrgUnitEntity>;
  unitById: Map<number, OrgUnitEntity>;
  users: Map<string, Who>;
  client: Who | null;
  agencies: ExternalAgencyEntity[];
}

async function loadEnv(ds: DataSource, now: Date): Promise<Env> {
  const units = new Map((await ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
  const needed = new Set(
    INTAKES.flatMap((i) => [
      i.user,
      i.director,
      ...(i.answerers ?? []),
      ...(i.filers ?? []),
      ...i.handled.flatMap((h) => h[2]),
    ]).filter((n): n is string => !!n),
  );
  const rows = await ds.getRepository(UserEntity).find({ where: { username: In([...needed]) } });
  const users = new Map<string, Who>();
  for (const u of rows) {
    users.set(u.username, {
      username: u.username,
      actor: makeActor({
        kind: 'USER',
        id: u.id,
        name: u.displayName,
        roles: u.roles,
        unitId: u.unitId,
        unitPath: u.unitPath,
        unitType: [...units.values()].find((x) => x.id === u.unitId)?.type,
        dataScope: u.dataScope,
      }),
    });
  }
  const missing = [...needed].filter((n) => !users.has(n));
  if (!units.has('CITY') || missing.length)
    throw new Error(`seedDemoCases needs the demo organisation (seedDemo) first; missing users: ${missing.join(', ')}`);
  const key = await ds.getRepository(ApiClientKeyEntity).findOneBy({ prefix: apiKeyPrefix(DEMO_API_KEY)! });
  const c = key ? await ds.getRepository(ApiClientEntity).findOneBy({ id: key.clientId }) : null;
  const cu = c ? [...units.values()].find((u) => u.id === c.unitId) : undefined;
  const client: Who | null = c && cu ? { username: c.name, actor: apiClientActor(c, cu.path) } : null;
  const agencies = await ds.getRepository(ExternalAgencyEntity).find({ where: { active: true }, order: { id: 'ASC' } });
  return {
    now: now.getTime(),
    cal: new WorkingCalendar(chineseDaysCalendarData(), [], { outOfRange: 'weekends-only' }),
    units,
    unitById: new Map([...units.values()].map((u) => [u.id, u])),
    users,
    client,
    agencies,
  };
}

// --------------------------------------------------------------------------- generation
interface Spec {
  kind: CaseKind;
  state: CaseState;
  category?: CategoryName;
  business?: Business;
  consumer?: {
    name: string | null;
    phone: string | null;
    address: string | null;
    idNumber: string | null;
    county: County;
  };
  claimant?: boolean;
  /** No unsatisfied follow-up (it would add a next-round case). */
  noNextRound?: boolean;
}

function generate(env: Env, rng: Rng, count: number): Draft[] {
  const out: Draft[] = [];
  const specs: Spec[] = [];
  // Every state of every kind once (when there is room), then the weighted mix.
  for (const kind of ['COMPLAINT', 'REPORT', 'CONSULTATION', 'SUGGESTION'] as CaseKind[]) {
    for (const [state] of DISPUTE_STATE_WEIGHTS) if (possible(kind, state)) specs.push({ kind, state });
  }
  if (specs.length > count) specs.length = 0;
  const pairs: [Draft, Draft][] = [];
  const total = () => out.reduce((n, d) => n + (d.nextRound ? 2 : 1), 0);
  const push = (s: Spec) => {
    const d = buildDraft(env, rng, { ...s, noNextRound: s.noNextRound || total() >= count - 1 });
    out.push(d);
    return d;
  };
  for (const s of specs) push(s);
  // Repeats (same phone + same respondent: 重复件) and shared phones (职业索赔 signal).
  const nPairs = count >= 60 ? Math.max(2, Math.round(count / 70)) : 0;
  const nGroups = count >= 60 ? Math.max(1, Math.round(count / 200)) : 0;
  for (let i = 0; i < nPairs && total() + 2 <= count; i++) {
    const a = push({
      kind: 'COMPLAINT',
      state: T.weighted(
        rng,
        DISPUTE_STATE_WEIGHTS.filter(([s]) => !REPORT_ONLY.has(s)),
      ),
    });
    const b = push({
      kind: 'COMPLAINT',
      state: T.weighted(
        rng,
        DISPUTE_STATE_WEIGHTS.filter(([s]) => !REPORT_ONLY.has(s)),
      ),
      category: a.c.category as CategoryName,
      business: T.BUSINESSES.find((x) => x.name === a.c.respondentName),
      consumer: {
        name: a.c.consumerName!,
        phone: a.c.consumerPhone!,
        address: a.c.consumerAddress!,
        idNumber: a.c.consumerIdNumber ?? null,
        county: '鼓楼区',
      },
    });
    pairs.push([a, b]);
  }
  const food = T.BUSINESSES.filter((b) => b.category === '食品');
  for (let g = 0; g < nGroups && total() + 3 <= count; g++) {
    const phone = T.mobile(rng);
    const county = T.pick(rng, T.COUNTIES);
    const address = g % 2 === 1 ? T.consumerAddress(rng, county) : null;
    const start = T.int(rng, 0, food.length - 1);
    for (let j = 0; j < 3; j++) {
      push({
        kind: 'COMPLAINT',
        state: T.weighted(rng, [
          ['REGISTERED', 2],
          ['ACCEPTED', 2],
          ['IN_PROGRESS', 3],
          ['REJECTED', 1],
          ['CLOSED', 1],
        ] as const),
        category: '食品',
        business: food[(start + j) % food.length],
        consumer: {
          name: T.personName(rng),
          phone,
          address: address ?? T.consumerAddress(rng, county),
          idNumber: null,
          county,
        },
        claimant: true,
      });
    }
  }
  while (total() < count) {
    const kind = T.weighted(rng, KIND_WEIGHTS);
    const weights = (isDispute(kind) ? DISPUTE_STATE_WEIGHTS : QUERY_STATE_WEIGHTS).filter(([s]) => possible(kind, s));
    push({ kind, state: T.weighted(rng, weights) });
  }
  // The later case of a pair is the repeat (重复件) of the earlier one.
  for (const [a, b] of pairs) {
    const [first, later] = a.c.receivedAt! <= b.c.receivedAt! ? [a, b] : [b, a];
    later.repeatOf = first;
    later.c.summary = `此前已就同一问题投诉（${first.c.respondentName}），至今未解决，再次反映：${later.c.summary}`;
  }
  const all = out.flatMap((d) => (d.nextRound ? [d, d.nextRound] : [d]));
  return all.sort((x, y) => x.c.registeredAt!.getTime() - y.c.registeredAt!.getTime());
}

/**
 * Builds one case. Its choices come from a child PRNG, so when the walk would run past `now` it is
 * replayed with the same choices from an earlier start.
 */
function buildDraft(env: Env, rng: Rng, spec: Spec): Draft {
  const seed = Math.floor(rng() * 2 ** 32);
  const [lo, hi] = AGE_DAYS[spec.state];
  let age = lo + (hi - lo) * T.seededRandom(seed ^ 0x5eed)();
  for (let attempt = 0; ; attempt++) {
    const d = walk(env, T.seededRandom(seed), spec, env.now - age * DAY);
    const last = d.events[d.events.length - 1]!.at.getTime();
    const overshoot = last - (env.now - 2 * MIN);
    if (overshoot <= 0 || attempt >= 8) {
      if (overshoot > 0) throw new Error(`demo case walk for ${spec.kind}/${spec.state} does not fit before now`);
      finish(env, d);
      return d;
    }
    age += Math.ceil(overshoot / DAY) + (attempt >= 3 ? 1 : 0);
  }
}

function walk(env: Env, r: Rng, spec: Spec, startMs: number): Draft {
  // Stations register reports too, but nobody there may decide on filing (立案): reports start at a center here.
  const intake = T.weighted(
    r,
    INTAKES.filter((i) => spec.kind !== 'REPORT' || !i.unit.includes('-T')).map((i) => [i, i.weight] as const),
  );
  const iu = env.units.get(intake.unit)!;
  const kind = spec.kind;
  const county = T.COUNTY_OF_UNIT[intake.unit.split('-')[0]!] ?? T.pick(r, T.COUNTIES);
  const channel = T.weighted(r, intake.channels);
  const registrar = channel === 'TRANSFER_12345' && env.client ? env.client : env.users.get(intake.user)!;

  // --- content
  const category = spec.category ?? T.weighted(r, T.CATEGORY_WEIGHTS);
  const content = T.CATEGORY_CONTENT[category];
  const sameCounty = T.BUSINESSES.filter((b) => b.category === category && b.county === county);
  const pool = sameCounty.length && T.chance(r, 0.8) ? sameCounty : T.BUSINESSES.filter((b) => b.category === category);
  const withRespondent = isDispute(kind) || (kind === 'CONSULTATION' && T.chance(r, 0.3));
  const biz = withRespondent ? (spec.business ?? T.pick(r, pool)) : null;
  const item = T.pick(r, content.items);
  const [amin, amax] = content.amount;
  const raw = amin + (amax - amin) * r() ** 2;
  const amountInvolved = T.chance(r, 0.3) ? Math.round(raw * 100) / 100 : Math.round(raw);
  const anonymous = kind === 'REPORT' && T.chance(r, 0.3);
  const consumer = spec.consumer ?? {
    name: T.personName(r),
    phone: T.mobile(r),
    address: T.chance(r, 0.85) ? T.consumerAddress(r, county) : null,
    idNumber: T.chance(r, 0.3) ? T.residentId(r, county) : null,
    county,
  };
  const occurredDaysBefore = T.int(r, 1, 45);
  const slots = {
    biz: biz?.name ?? '',
    item,
    amount: amountInvolved.toFixed(0),
    days: T.int(r, 2, 20),
    date: '', // filled below once receivedAt is known
  };

  // --- received / registered
  const t0 = Math.min(startMs, env.now - 10 * MIN);
  const receivedAt = receivedTime(env, r, channel, t0);
  const occurredAt = new Date(receivedAt - occurredDaysBefore * DAY - T.int(r, 0, 600) * MIN);
  slots.date = shanghaiMonthDay(occurredAt);
  let summary: string;
  let demand: string | null;
  if (spec.claimant) {
    summary = T.fill(
      T.pick(r, [
        '{date}在{biz}购买{item}，发现外包装标签无生产日期和中文标识，属于不符合食品安全标准的食品。',
        '{date}在{biz}购买{item}五件，发现均已超过保质期，要求按价款十倍赔偿。',
      ]),
      slots,
    );
    demand = '退一赔十';
  } else if (kind === 'COMPLAINT') {
    summary = T.fill(T.pick(r, content.complaints), slots);
    demand = T.pick(r, content.demands);
  } else if (kind === 'REPORT') {
    summary = T.fill(T.pick(r, content.reports), slots);
    demand = T.pick(r, ['请依法查处', '请相关部门依法调查处理', '请依法查处并对举报人信息保密']);
  } else if (kind === 'CONSULTATION') {
    summary = T.fill(T.pick(r, content.consultations), slots);
    demand = '请告知相关规定和维权途径';
  } else {
    summary = T.fill(T.pick(r, content.suggestions), slots);
    demand = null;
  }

  const d: Draft = {
    c: {
      kind,
      channel,
      state: 'REGISTERED',
      isOpen: true,
      round: 1,
      version: 1,
      receivedAt: new Date(receivedAt),
      intakeUnitId: iu.id,
      ownerUnitId: iu.id,
      ownerPath: iu.path,
      registeredById: registrar.actor.kind === 'USER' ? registrar.actor.id : null,
      registeredByClientId: registrar.actor.kind === 'API_CLIENT' ? registrar.actor.id : null,
      consumerName: anonymous ? null : consumer.name,
      consumerPhone: anonymous && T.chance(r, 0.4) ? null : consumer.phone,
      consumerIdNumber: anonymous ? null : consumer.idNumber,
      consumerAddress: anonymous ? null : consumer.address,
      anonymous,
      respondentName: biz?.name ?? null,
      respondentCreditCode: biz?.creditCode ?? null,
      respondentAddress: biz?.address ?? null,
      respondentRegion: biz?.county ?? null,
      respondentIndustry: biz?.industry ?? null,
      occurredAt: kind === 'SUGGESTION' ? null : occurredAt,
      occurredPlace: kind === 'SUGGESTION' ? null : category === '网络购物' ? '网络平台' : (biz?.address ?? null),
      category,
      problemType: kind === 'COMPLAINT' ? demoProblemType(summary) : null,
      amountInvolved: kind === 'COMPLAINT' ? amountInvolved : null,
      summary,
      demand,
      majorUrgent: T.chance(r, 0.02),
      groupComplaint: category === '预付卡' && T.chance(r, 0.15),
      mediaAttention: T.chance(r, 0.01),
      consentPublication: kind === 'COMPLAINT' && T.chance(r, 0.6),
      consentEntrustedMediation: kind === 'COMPLAINT' && T.chance(r, 0.5),
      ...FRESH_CASE_PROGRESS,
    },
    started: false,
    intake,
    t: receivedAt,
    r,
    events: [],
    dispatches: [],
    extensions: [],
    followUps: [],
  };
  const w = new Walker(env, d);
  w.register(registrar, channel);
  w.toward(spec);
  return d;
}

/** Moves a draft along the lifecycle, checking every step against the transition table. */
class Walker {
  private readonly r: Rng;
  private handlers: string[] = [];
  constructor(
    private readonly env: Env,
    private readonly d: Draft,
  ) {
    this.r = d.r;
  }

  private get c() {
    return this.d.c;
  }
  private user(name: string): Who {
    return this.env.users.get(name)!;
  }
  private intakeUser(): Who {
    return this.user(this.d.intake.user);
  }
  private unit(id: number): OrgUnitEntity {
    return this.env.unitById.get(id)!;
  }

  /** Advances the clock by a random span and snaps to office hours (Asia/Shanghai) most of the time. */
  private later(minMinutes: number, maxMinutes: number, strict = false): Date {
    const raw = this.d.t + (minMinutes + (maxMinutes - minMinutes) * this.r() ** 1.5) * MIN;
    this.d.t = Math.max(officeTime(this.env, this.r, raw, strict), this.d.t + MIN);
    return new Date(this.d.t);
  }

  private check(action: CaseAction, who: Who, input: CaseActionInput = {}): CaseState | null {
    const c = this.c;
    const ctx: CaseGuardContext = {
      kind: c.kind,
      state: this.d.started ? c.state : NEW_CASE,
      actor: {
        userId: String(who.actor.id),
        roles: who.actor.roles,
        unitIds: who.actor.actsFor.unitIds.map(String),
      },
      case: {
        registeredById: c.registeredById == null ? null : String(c.registeredById),
        handlerId: c.handlerId == null ? null : String(c.handlerId),
        intakeUnitId: String(c.intakeUnitId),
        assignedUnitId: c.assignedUnitId == null ? null : String(c.assignedUnitId),
        dispatchTargetType: c.dispatchTargetType ?? null,
        materialsRequestCount: c.materialsRequestCount,
        followUpAttempts: c.followUpAttempts,
        followUpDone: c.followUpDone,
        pendingExtension: c.pendingExtension,
        extensionGranted: c.extensionGranted,
        recusedUserIds: [],
      },
      input,
      config: DEFAULT_CASE_MACHINE_CONFIG,
    };
    const res = checkTransition(action, ctx);
    return res.ok ? res.to : null;
  }

  /** The first of `candidates` the table allows to do this now. */
  private whoMay(action: CaseAction, candidates: string[], input: CaseActionInput = {}): Who | null {
    for (const name of candidates) {
      const who = this.env.users.get(name);
      if (who && this.check(action, who, input)) return who;
    }
    return null;
  }

  private step(
    action: CaseAction,
    who: Who,
    at: Date,
    input: CaseActionInput,
    effect?: () => void,
    ev: { note?: Lazy<string | null>; detail?: Lazy<Record<string, unknown> | null> } = {},
  ): void {
    const to = this.check(action, who, input);
    if (!to) throw new Error(`demo seed: ${this.c.kind} cannot ${action} from ${this.c.state} as ${who.username}`);
    const from = this.d.started ? this.c.state : null;
    const before = { ...this.c };
    effect?.();
    this.c.state = to;
    this.c.isOpen = to !== 'ARCHIVED';
    this.d.events.push({
      action,
      from,
      to,
      who,
      at,
      note: ev.note ?? null,
      detail: ev.detail ?? null,
      snap: snapshot(this.c, this.d.dispatches.length),
    });
    // Like TypeORM's save: a step that changes no column (e.g. recordContact) does not bump the version.
    if (this.d.started && changed(before, this.c)) {
      this.c.version += 1;
      this.c.updatedAt = at;
    }
    this.d.started = true;
  }

  register(who: Who, channel: Channel): void {
    const gap: Record<string, [number, number]> = {
      PHONE_12315: [3, 25],
      WALK_IN: [5, 40],
      VIDEO: [5, 30],
      STATION: [5, 30],
      WEB: [10, 600],
      WECHAT: [10, 600],
      SMS: [10, 600],
      VOICEMAIL: [30, 900],
      LETTER: [30, 1440],
      FAX: [30, 720],
      TRANSFER_12345: [1, 5],
      TRANSFER_UPPER: [30, 1440],
      TRANSFER_DEPARTMENT: [30, 1440],
    };
    const [lo, hi] = gap[channel] ?? [5, 60];
    const at = this.later(lo, hi, channel !== 'TRANSFER_12345');
    this.c.registeredAt = at;
    this.c.createdAt = at;
    this.step('registerCase', who, at, { channel }, undefined, {
      detail: () => ({
        caseNo: this.c.caseNo,
        channel,
        ...(this.d.repeatOf ? { possibleRepeatOf: this.d.repeatOf.c.caseNo } : {}),
      }),
    });
  }

  toward(spec: Spec): void {
    const goal = spec.state;
    const c = this.c;
    const dispute = isDispute(c.kind);
    const iu = this.intakeUser();
    // 首问负责: most of the time the intake operator calls the consumer back within the two working days.
    if (dispute && T.chance(this.r, 0.85)) this.firstContact();
    if (goal === 'REGISTERED') {
      if (dispute && T.chance(this.r, 0.2)) this.materials(true);
      return;
    }
    if (goal === 'MATERIALS_PENDING') return this.materials(false);

    // Branches that end the case early: rejection, not filed, answered on the spot.
    const closedRoute = goal === 'CLOSED' || (goal === 'ARCHIVED' && T.chance(this.r, dispute ? 0.18 : 0.6));
    const route = !dispute
      ? closedRoute
        ? 'answer'
        : 'main'
      : goal === 'REJECTED' || (closedRoute && (c.kind === 'COMPLAINT' || T.chance(this.r, 0.5)))
        ? 'reject'
        : goal === 'NOT_FILED' || closedRoute
          ? 'notFiled'
          : 'main';
    if (route === 'reject') {
      if (T.chance(this.r, 0.3)) this.materials(goal !== 'REJECTED' || T.chance(this.r, 0.5));
      this.reject();
      if (goal === 'REJECTED') return;
      this.step('replyCase', iu, this.later(60, 2880), { content: 'x' }, () => {
        c.replyContent = `${T.REJECT_REPLY}${c.rejectGround === 'OUTSIDE_JURISDICTION' ? `该事项请向${c.referralAuthority}（电话 ${c.referralPhone}）反映。` : '如有新的证据，可重新提出投诉。'}`;
        c.repliedAt = new Date(this.d.t);
      });
      return this.archiveMaybe(goal);
    }
    if (route === 'answer') {
      const who = this.whoMay(
        'answerConsultation',
        T.chance(this.r, 0.3) ? [...(this.d.intake.answerers ?? []), iu.username] : [iu.username],
        { content: 'x' },
      )!;
      const answer = T.pick(this.r, T.CONSULTATION_ANSWERS);
      this.step('answerConsultation', who, this.later(3, 30), { content: answer }, () => {
        c.outcome = 'ANSWERED';
        c.replyContent = answer;
        c.repliedAt = new Date(this.d.t);
        c.concludedAt = c.repliedAt;
        c.handlerId = who.actor.id;
      });
      return this.archiveMaybe(goal);
    }

    if (dispute) {
      if (T.chance(this.r, 0.15)) this.materials(true);
      this.step('acceptCase', iu, this.later(30, 2880), {});
      if (goal === 'ACCEPTED') return;
      if (c.kind === 'REPORT') {
        const filed = route !== 'notFiled';
        const reason = filed ? undefined : T.pick(this.r, T.NOT_FILED_REASONS);
        const who = this.whoMay(
          'decideFiling',
          T.chance(this.r, 0.5) ? [...(this.d.intake.filers ?? []), iu.username] : [iu.username],
          { filed, reason },
        )!;
        this.step(
          'decideFiling',
          who,
          this.later(600, 5760),
          { filed, reason },
          () => {
            c.filed = filed;
          },
          { detail: { filed, reason } },
        );
        if (goal === 'FILED' || goal === 'NOT_FILED') return;
        if (!filed) {
          this.step('replyCase', iu, this.later(60, 2880), { content: 'x' }, () => {
            c.replyContent = `${T.NOT_FILED_REPLY}${reason}。`;
            c.repliedAt = new Date(this.d.t);
          });
          return this.archiveMaybe(goal);
        }
      }
    }

    // Dispatch (with an occasional earlier hop returned by a unit without jurisdiction).
    if (goal !== 'DISPATCHED' && goal !== 'RETURNED' && T.chance(this.r, 0.08)) {
      this.dispatch(false);
      if (T.chance(this.r, 0.5)) this.receive();
      this.returnToIntake();
    }
    this.dispatch(goal === 'DISPATCHED');
    if (goal === 'DISPATCHED') return;
    if (goal === 'RETURNED') {
      if (T.chance(this.r, 0.5)) this.receive();
      return this.returnToIntake();
    }
    this.receive();
    const contacts = dispute ? T.int(this.r, 1, 3) : T.int(this.r, 0, 1);
    for (let i = 0; i < contacts; i++) this.contact();
    if (dispute && T.chance(this.r, 0.12)) this.extension(true);
    if (dispute && T.chance(this.r, 0.15)) {
      this.suspend();
      this.resume();
      if (T.chance(this.r, 0.5)) this.contact();
    }
    if (goal === 'SUSPENDED') return this.suspend();
    if (goal === 'IN_PROGRESS') {
      if (dispute && !c.pendingExtension && !c.extensionGranted && T.chance(this.r, 0.12)) this.extension(false);
      return;
    }
    this.conclude();
    if (goal === 'CONCLUDED') return;
    this.reply();
    if (goal === 'REPLIED') {
      for (let i = T.int(this.r, -2, 2); i > 0; i--) this.followUp('UNREACHABLE', spec);
      return;
    }
    if (goal === 'ARCHIVED' && T.chance(this.r, 0.06)) {
      for (let i = 0; i < DEFAULT_CASE_MACHINE_CONFIG.maxFollowUpAttempts; i++) this.followUp('UNREACHABLE', spec);
      return this.archiveMaybe(goal);
    }
    if (T.chance(this.r, 0.2)) this.followUp('UNREACHABLE', spec);
    this.followUp('REACHED', spec);
    this.archiveMaybe(goal);
  }

  private materials(supply: boolean): void {
    const c = this.c;
    const iu = this.intakeUser();
    const missingItems = T.pick(this.r, T.MISSING_ITEMS);
    this.step(
      'requestMaterials',
      iu,
      this.later(10, 600),
      { missingItems },
      () => {
        c.missingItems = missingItems;
        c.materialsRequestCount = (c.materialsRequestCount ?? 0) + 1;
      },
      { detail: { missingItems } },
    );
    if (!supply) return;
    this.step('supplyMaterials', iu, this.later(1440, 8640), {});
  }

  private reject(): void {
    const c = this.c;
    const ground = T.weighted<RejectGround>(this.r, [
      ['OUTSIDE_JURISDICTION', 40],
      ['ALREADY_HANDLED', 10],
      ['NOT_DAILY_CONSUMPTION', c.kind === 'COMPLAINT' ? 15 : 2],
      ['TIME_BARRED', 5],
      ['MATERIALS_MISSING_OR_FALSE', c.materialsRequestCount ? 40 : 8],
      ['IDENTITY_NOT_VERIFIED', 3],
      ['OTHER_LEGAL_GROUND', 3],
    ]);
    const agency =
      ground === 'OUTSIDE_JURISDICTION'
        ? T.pick(
            this.r,
            this.env.agencies.filter((a) => a.kind !== 'COURT'),
          )
        : null;
    const input = { ground, referral: { authority: agency?.name, phone: agency?.phone ?? undefined } };
    this.step(
      'rejectCase',
      this.intakeUser(),
      this.later(30, 2880),
      input,
      () => {
        c.rejectGround = ground;
        c.referralAuthority = agency?.name ?? null;
        c.referralPhone = agency?.phone ?? null;
      },
      { detail: { ground, referralAuthority: agency?.name, referralPhone: agency?.phone } },
    );
  }

  private dispatch(anyTarget: boolean): void {
    const c = this.c;
    const env = this.env;
    const intakeUnit = this.unit(c.intakeUnitId!);
    let type: 'WORKROOM' | 'UNIT' | 'EXTERNAL';
    let toUnit: OrgUnitEntity | null = null;
    let workroom: WorkroomCode | null = null;
    if (anyTarget && T.chance(this.r, 0.6)) {
      // Anything the server accepts: a workroom of the intake center, a unit at or below it, a department.
      const below = [...env.units.values()].filter(
        (u) =>
          u.path.startsWith(intakeUnit.path) &&
          u.id !== intakeUnit.id &&
          (u.type !== 'WORKROOM' || (u.parentId === intakeUnit.id && u.workroom !== 'RECEPTION')),
      );
      const options = [...below.map((u) => [u, u.type === 'WORKROOM' ? 2 : 3] as const), [null, 1] as const];
      toUnit = T.weighted(this.r, options);
      type = !toUnit ? 'EXTERNAL' : toUnit.type === 'WORKROOM' ? 'WORKROOM' : 'UNIT';
      workroom = toUnit?.workroom ?? null;
      this.handlers = type === 'EXTERNAL' ? [this.d.intake.user] : [];
    } else {
      const [t, code, handlers] = T.weighted(
        this.r,
        this.d.intake.handled.map((h) => [h, h[3]] as const),
      );
      type = t;
      if (t === 'WORKROOM') {
        workroom = code as WorkroomCode;
        toUnit = env.units.get(`${this.d.intake.unit}-${code}`)!;
      } else if (t === 'UNIT') toUnit = env.units.get(code!)!;
      this.handlers = [...handlers];
      this.handlers.sort(() => this.r() - 0.5);
    }
    const agency = type === 'EXTERNAL' ? T.pick(this.r, env.agencies) : null;
    const mode = T.weighted<DispatchMode>(this.r, [
      ['IMMEDIATE', 30],
      ['ON_BEHALF', 45],
      ['JOINT', 25],
    ]);
    const input: CaseActionInput = {
      mode,
      target: {
        type,
        workroom: workroom ?? undefined,
        unitId: toUnit ? String(toUnit.id) : undefined,
        department: agency?.name,
      },
    };
    const instructions = T.chance(this.r, 0.4)
      ? T.pick(this.r, [
          '请于两个工作日内联系消费者',
          '请尽快组织调解并反馈结果',
          '涉及金额较大，请重点跟进',
          '请核实后依法处理',
        ])
      : null;
    const at = this.later(10, 1440);
    const hop = this.d.dispatches.length + 1;
    this.step(
      'dispatchCase',
      this.intakeUser(),
      at,
      input,
      () => {
        this.d.dispatches.push({
          hop,
          fromUnitId: c.intakeUnitId!,
          targetType: type,
          toUnitId: toUnit?.id ?? null,
          workroom,
          externalAgencyId: agency?.id ?? null,
          mode,
          instructions,
          dispatchedById: this.intakeUser().actor.id,
          dispatchedAt: at,
          receivedAt: null,
          returnedAt: null,
          returnReason: null,
          concludedAt: null,
        });
        const holder = toUnit ?? intakeUnit;
        c.dispatchTargetType = type;
        c.dispatchMode = mode;
        c.dispatchWorkroom = workroom;
        c.externalAgencyId = agency?.id ?? null;
        c.assignedUnitId = holder.id;
        c.ownerUnitId = holder.id;
        c.ownerPath = holder.path;
        c.handlerId = null;
      },
      { detail: { hop, targetType: type, toUnit: toUnit?.name, agency: agency?.name, mode, handlerId: null } },
    );
  }

  private handler(action: CaseAction, input: CaseActionInput = {}): Who {
    const who = this.whoMay(action, this.handlers, input);
    if (!who) throw new Error(`demo seed: nobody at unit ${this.c.assignedUnitId} may ${action}`);
    return who;
  }

  private receive(): void {
    const who = this.handler('receiveCase');
    const at = this.later(20, 1440);
    this.step('receiveCase', who, at, {}, () => {
      this.c.handlerId = who.actor.id;
      for (const h of this.d.dispatches) if (!h.receivedAt && !h.returnedAt) h.receivedAt = at;
    });
  }

  private returnToIntake(): void {
    const c = this.c;
    const reason = T.pick(this.r, T.RETURN_REASONS);
    const input = { reason, toUnitId: String(c.intakeUnitId) };
    const who = this.handler('returnCase', input);
    const at = this.later(60, 2880);
    this.step(
      'returnCase',
      who,
      at,
      input,
      () => {
        for (const h of this.d.dispatches)
          if (!h.returnedAt) Object.assign(h, { returnedAt: at, returnReason: reason });
        const intake = this.unit(c.intakeUnitId!);
        c.assignedUnitId = null;
        c.ownerUnitId = intake.id;
        c.ownerPath = intake.path;
        c.handlerId = null;
      },
      { detail: { reason } },
    );
  }

  private firstContact(): void {
    const note = T.pick(this.r, T.FIRST_CONTACT_NOTES);
    const input = { method: 'PHONE' as const, note };
    this.step('recordContact', this.intakeUser(), this.later(20, 960), input, undefined, {
      note,
      detail: { method: input.method },
    });
  }

  private contact(): void {
    const note = T.pick(this.r, T.CONTACT_NOTES);
    const method = T.weighted(this.r, [
      ['PHONE', 60],
      ['ON_SITE', 15],
      ['WECHAT', 10],
      ['SMS', 8],
      ['VIDEO', 7],
    ] as const);
    const input = { method, note };
    const who = this.whoMay('recordContact', this.handlers, input)!;
    this.step('recordContact', who, this.later(60, 2880), input, undefined, { note, detail: { method } });
  }

  private director(): Who | null {
    return this.whoMay(
      'decideExtension',
      [this.d.intake.director, 'city_director', 'gl_director', 'hx_director'].filter(Boolean) as string[],
      { approved: true },
    );
  }

  private extension(decide: boolean): void {
    const c = this.c;
    const reason = T.pick(this.r, T.EXTENSION_REASONS);
    const days = T.pick(this.r, [3, 5, 7, 10]);
    const input = { reason, extensionDays: days };
    const who = this.whoMay('requestExtension', this.handlers, input);
    if (!who) return;
    const at = this.later(600, 2880);
    this.step(
      'requestExtension',
      who,
      at,
      input,
      () => {
        this.d.extensions.push({
          requestedById: who.actor.id,
          requestedAt: at,
          reason,
          days,
          status: 'PENDING',
          decidedById: null,
          decidedAt: null,
          decisionNote: null,
        });
        c.pendingExtension = true;
      },
      { detail: { reason, days } },
    );
    if (!decide) return;
    const boss = this.director();
    if (!boss) return;
    const approved = T.chance(this.r, 0.8);
    const when = this.later(60, 1440);
    this.step(
      'decideExtension',
      boss,
      when,
      { approved },
      () => {
        Object.assign(this.d.extensions[this.d.extensions.length - 1]!, {
          status: approved ? 'APPROVED' : 'REJECTED',
          decidedById: boss.actor.id,
          decidedAt: when,
          decisionNote: approved ? '同意延期' : '不同意延期，请按期办结',
        });
        c.pendingExtension = false;
        if (approved) c.extensionGranted = true;
      },
      { detail: { approved, days } },
    );
  }

  private suspend(): void {
    const c = this.c;
    const boss = this.d.intake.director ? this.user(this.d.intake.director) : null;
    const reason = T.weighted<SuspendReason>(this.r, [
      ['TESTING', 5],
      ['AWAITING_MATERIALS', 3],
      ['INVESTIGATION', boss ? 2 : 0],
    ]);
    const input = {
      suspendReason: reason,
      approvedById: reason === 'INVESTIGATION' ? String(boss!.actor.id) : undefined,
    };
    const who = this.handler('suspendCase', input);
    const at = this.later(600, 2880);
    this.step(
      'suspendCase',
      who,
      at,
      input,
      () => {
        c.suspendReason = reason;
      },
      { note: T.SUSPEND_NOTES[reason], detail: { reason, approvedById: input.approvedById } },
    );
  }

  private resume(): void {
    const c = this.c;
    const who = this.handler('resumeCase');
    const at = this.later(1440, 10080);
    this.step('resumeCase', who, at, {}, () => (c.suspendReason = null), { detail: { suspendedFor: c.suspendReason } });
  }

  private conclude(): void {
    const c = this.c;
    const outcome =
      c.kind === 'COMPLAINT'
        ? T.weighted<Outcome>(this.r, [
            ['MEDIATED', 55],
            ['MEDIATION_FAILED', 15],
            ['WITHDRAWN', 15],
            ['TERMINATED', 15],
          ])
        : c.kind === 'REPORT'
          ? T.weighted<Outcome>(this.r, [
              ['PENALIZED', 30],
              ['NO_VIOLATION', 50],
              ['TRANSFERRED', 20],
            ])
          : c.kind === 'SUGGESTION'
            ? T.weighted<Outcome>(this.r, [
                ['ANSWERED', 6],
                ['ADOPTED', 4],
              ])
            : 'ANSWERED';
    if (!OUTCOMES_BY_KIND[c.kind].includes(outcome)) throw new Error(`outcome ${outcome} for ${c.kind}`);
    const terminationGround =
      outcome === 'TERMINATED'
        ? T.weighted<TerminationGround>(this.r, [
            ['PARTY_ABSENT_OR_REFUSED', 30],
            ['AGREEMENT_IMPOSSIBLE', 30],
            ['TESTING_NOT_AGREED', 10],
            ['PERIOD_EXPIRED', 15],
            ['WITHDRAWN_OR_SETTLED', 5],
            ['GROUND_FOUND_AFTER_ACCEPTANCE', 5],
            ['PARTY_DECEASED_OR_DISSOLVED', 3],
            ['OTHER_LEGAL_GROUND', 2],
          ])
        : undefined;
    const involved = Number(c.amountInvolved ?? 0);
    const recovered =
      c.kind === 'COMPLAINT'
        ? outcome === 'MEDIATED'
          ? Math.round(involved * (0.5 + 0.5 * this.r()) * 100) / 100
          : outcome === 'WITHDRAWN' && T.chance(this.r, 0.5)
            ? Math.round(involved * 0.4 * 100) / 100
            : 0
        : c.kind === 'REPORT'
          ? 0
          : undefined;
    const agreement =
      outcome === 'MEDIATED' ? T.agreementText(this.r, c.respondentName ?? '经营者', recovered ?? 0) : undefined;
    const input = { outcome, terminationGround, agreementText: agreement, amountRecovered: recovered };
    const who = this.handler('concludeCase', input);
    const at = this.later(1440, 7200);
    this.step(
      'concludeCase',
      who,
      at,
      input,
      () => {
        c.outcome = outcome;
        c.terminationGround = terminationGround ?? null;
        c.agreementText = agreement ?? null;
        c.amountRecovered = recovered ?? null;
        c.concludedAt = at;
        c.suspendReason = null;
        for (const h of this.d.dispatches) if (!h.concludedAt && !h.returnedAt) h.concludedAt = at;
        const intake = this.unit(c.intakeUnitId!);
        c.ownerUnitId = intake.id;
        c.ownerPath = intake.path;
      },
      { detail: { ...input } },
    );
  }

  private reply(): void {
    const c = this.c;
    const content = T.pick(this.r, T.REPLY_BY_OUTCOME[c.outcome!]!);
    this.step('replyCase', this.intakeUser(), this.later(60, 2880), { content }, () => {
      c.replyContent = content;
      c.repliedAt = new Date(this.d.t);
    });
  }

  private followUp(result: 'REACHED' | 'UNREACHABLE', spec: Spec): void {
    const c = this.c;
    const iu = this.intakeUser();
    const at = this.later(1440, 5760);
    const recent = this.env.now - at.getTime() < 12 * DAY;
    let satisfaction: Satisfaction | undefined;
    if (result === 'REACHED') {
      satisfaction = T.weighted<Satisfaction>(this.r, [
        ['SATISFIED', 70],
        ['BASIC', 22],
        ['UNSATISFIED', 8],
      ]);
      if (satisfaction === 'UNSATISFIED' && (!recent || spec.noNextRound || spec.state !== 'FOLLOWED_UP'))
        satisfaction = 'BASIC';
    }
    const note = T.FOLLOW_UP_NOTES[satisfaction ?? 'UNREACHABLE']!;
    const input = { followUpResult: result, satisfaction };
    const attempt = (c.followUpAttempts ?? 0) + 1;
    this.step(
      'recordFollowUp',
      iu,
      at,
      input,
      () => {
        this.d.followUps.push({ attempt, at, byUserId: iu.actor.id, result, satisfaction: satisfaction ?? null, note });
        c.followUpAttempts = attempt;
        c.followUpDone = result === 'REACHED';
        if (result === 'REACHED') c.satisfaction = satisfaction ?? null;
        if (satisfaction === 'UNSATISFIED') this.d.nextRound = nextRound(this.d, iu, at);
      },
      {
        detail: () => ({
          attempt,
          result,
          satisfaction,
          ...(this.d.nextRound && result === 'REACHED' ? { nextRound: this.d.nextRound.c.caseNo } : {}),
        }),
      },
    );
  }

  private archiveMaybe(goal: CaseState): void {
    if (goal !== 'ARCHIVED') return;
    this.step(
      'archiveCase',
      this.intakeUser(),
      this.later(1440, 10080),
      {},
      () => (this.c.archivedAt = new Date(this.d.t)),
    );
  }
}

function changed(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const same = (x: unknown, y: unknown) =>
    x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : JSON.stringify(x) === JSON.stringify(y);
  return Object.keys({ ...a, ...b }).some((k) => !same(a[k], b[k]));
}

/** 回访不满意: a new linked round, registered by the follow-up's operator (as CaseIntakeService.registerNextRound does). */
function nextRound(prev: Draft, who: Who, at: Date): Draft {
  const p = prev.c;
  const round = (p.round ?? 1) + 1;
  const c: Draft['c'] = {
    ...p,
    state: 'REGISTERED',
    isOpen: true,
    round,
    version: 1,
    receivedAt: at,
    registeredAt: at,
    createdAt: at,
    updatedAt: at,
    registeredById: who.actor.id,
    registeredByClientId: null,
    ownerUnitId: p.intakeUnitId,
    ownerPath: undefined, // set in finish() from the intake unit
    ...FRESH_CASE_PROGRESS,
  };
  const d: Draft = {
    c,
    started: true,
    intake: prev.intake,
    t: at.getTime(),
    r: prev.r,
    events: [],
    dispatches: [],
    extensions: [],
    followUps: [],
    previousRound: prev,
  };
  d.events.push({
    action: 'registerCase',
    from: null,
    to: 'REGISTERED',
    who,
    at,
    note: () => `回访不满意，重新受理（第 ${round} 轮，上一轮 ${p.caseNo}）`,
    detail: () => ({ previousRound: p.caseNo, round }),
    snap: snapshot(c, 0),
  });
  return d;
}

/** Defaults a draft needs before it is stored (its clocks and overdue flag come from the deadline replay in persist). */
function finish(env: Env, d: Draft): void {
  for (const x of d.nextRound ? [d, d.nextRound] : [d]) {
    x.c.ownerPath ??= env.unitById.get(x.c.ownerUnitId!)!.path;
    x.c.updatedAt ??= x.c.registeredAt;
    x.c.dueAt = null;
    x.c.overdue = false;
  }
}

/** What the deadline engine reads from the case after a step. */
function snapshot(c: Draft['c'], hops: number): StepSnapshot {
  return {
    kind: c.kind,
    channel: c.channel!,
    outcome: c.outcome ?? null,
    round: c.round ?? 1,
    receivedAt: c.receivedAt!,
    ownerUnitId: c.ownerUnitId!,
    intakeUnitId: c.intakeUnitId!,
    assignedUnitId: c.assignedUnitId ?? null,
    handlerId: c.handlerId ?? null,
    registeredById: c.registeredById ?? null,
    dispatchTargetType: c.dispatchTargetType ?? null,
    isOpen: c.isOpen ?? true,
    hops,
  };
}

// --------------------------------------------------------------------------- time helpers
function shanghaiMonthDay(d: Date): string {
  const s = new Date(d.getTime() + SH);
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日`;
}

/** Office hours 08:30–17:30 on working days (Asia/Shanghai); a few steps happen outside them unless strict. */
function officeTime(env: Env, r: Rng, ms: number, strict: boolean): number {
  if (!strict && r() < 0.06) return ms;
  const local = ms + SH;
  const dayStart = local - (local % DAY);
  const minute = (local % DAY) / MIN;
  const date = toShanghaiDate(new Date(ms));
  const working = env.cal.isWorkingDay(date);
  if (working && minute >= 510 && minute < 1050) return ms;
  if (working && minute < 510) return dayStart - SH + (510 + T.int(r, 0, 120)) * MIN;
  let next = dayStart + DAY;
  while (!env.cal.isWorkingDay(toShanghaiDate(new Date(next - SH)))) next += DAY;
  return next - SH + (510 + T.int(r, 0, 420)) * MIN;
}

/** When the request reached the center: office hours for calls and visits, any time for web, nights for voicemail. */
function receivedTime(env: Env, r: Rng, channel: Channel, t: number): number {
  if (channel === 'VOICEMAIL') {
    const local = t + SH;
    const dayStart = local - (local % DAY);
    const evening = dayStart - SH + (18 * 60 + T.int(r, 0, 270)) * MIN;
    return evening > env.now - 10 * MIN ? evening - DAY : evening;
  }
  if (channel === 'WEB' || channel === 'WECHAT' || channel === 'SMS' || channel === 'TRANSFER_12345') {
    const local = t + SH;
    const dayStart = local - (local % DAY);
    const minute = T.chance(r, 0.8) ? T.int(r, 480, 1320) : T.int(r, 0, 1439);
    return Math.min(dayStart - SH + minute * MIN, env.now - 10 * MIN);
  }
  return Math.min(officeTime(env, r, t, true), env.now - 10 * MIN);
}

// --------------------------------------------------------------------------- persistence
async function persist(ds: DataSource, m: EntityManager, env: Env, drafts: Draft[]): Promise<SeedDemoCasesResult> {
  if (!drafts.length) return { ids: [], events: 0 };
  const numbers = new CaseNumberService();
  for (const d of drafts) {
    const c = d.c;
    if (d.previousRound) c.caseNo = `${d.previousRound.c.caseNo!.replace(/-R\d+$/, '')}-R${c.round}`;
    else
      c.caseNo = await numbers.next(
        m,
        await numbers.centerOf(m, env.unitById.get(c.intakeUnitId!)!),
        new Date(c.receivedAt!.getTime() + SH).getUTCFullYear(),
      );
  }
  const meta = m.getRepository(CaseEntity).metadata;
  const cols = meta.columns.filter((col) => !col.isGenerated);
  await bulkInsert(
    m,
    'wq_case',
    cols.map((col) => col.databaseName),
    drafts.map((d) =>
      cols.map((col) => {
        const v = (d.c as Record<string, unknown>)[col.propertyName];
        const t = col.transformer && !Array.isArray(col.transformer) ? col.transformer.to(v) : v;
        return t === undefined ? null : t;
      }),
    ),
  );
  const idByNo = new Map<string, string>();
  for (let i = 0; i < drafts.length; i += 500) {
    const rows: { id: string; case_no: string }[] = await m.query(
      'SELECT id, case_no FROM wq_case WHERE case_no IN (?)',
      [drafts.slice(i, i + 500).map((d) => d.c.caseNo)],
    );
    for (const row of rows) idByNo.set(row.case_no, String(row.id));
  }
  for (const d of drafts) d.c.id = idByNo.get(d.c.caseNo!)!;
  // Links between cases (ids known only now); updated_at kept as the last step's time.
  for (const d of drafts) {
    const set: [string, string][] = [];
    if (d.repeatOf) set.push(['repeat_of_id', d.repeatOf.c.id!]);
    if (d.previousRound) set.push(['previous_round_id', d.previousRound.c.id!]);
    if (d.nextRound) set.push(['next_round_id', d.nextRound.c.id!]);
    if (set.length)
      await m.query(
        `UPDATE wq_case SET ${set.map(([k]) => `${k} = ?`).join(', ')}, updated_at = updated_at WHERE id = ?`,
        [...set.map(([, v]) => v), d.c.id],
      );
    if (d.repeatOf) d.c.repeatOfId = d.repeatOf.c.id!;
    if (d.previousRound) d.c.previousRoundId = d.previousRound.c.id!;
    if (d.nextRound) d.c.nextRoundId = d.nextRound.c.id!;
  }
  const events = await persistClocksAndTimeline(ds, m, env, drafts);
  await bulkInsert(
    m,
    'case_dispatch',
    [
      'case_id',
      'hop',
      'from_unit_id',
      'target_type',
      'to_unit_id',
      'workroom',
      'external_agency_id',
      'mode',
      'instructions',
      'dispatched_by_id',
      'dispatched_at',
      'received_at',
      'returned_at',
      'return_reason',
      'concluded_at',
    ],
    drafts.flatMap((d) =>
      d.dispatches.map((h) => [
        d.c.id,
        h.hop,
        h.fromUnitId,
        h.targetType,
        h.toUnitId,
        h.workroom,
        h.externalAgencyId,
        h.mode,
        h.instructions,
        h.dispatchedById,
        h.dispatchedAt,
        h.receivedAt,
        h.returnedAt,
        h.returnReason,
        h.concludedAt,
      ]),
    ),
  );
  await bulkInsert(
    m,
    'case_extension',
    [
      'case_id',
      'requested_by_id',
      'requested_at',
      'reason',
      'days',
      'status',
      'decided_by_id',
      'decided_at',
      'decision_note',
    ],
    drafts.flatMap((d) =>
      d.extensions.map((x) => [
        d.c.id,
        x.requestedById,
        x.requestedAt,
        x.reason,
        x.days,
        x.status,
        x.decidedById,
        x.decidedAt,
        x.decisionNote,
      ]),
    ),
  );
  await bulkInsert(
    m,
    'case_follow_up',
    ['case_id', 'attempt', 'at', 'by_user_id', 'result', 'satisfaction', 'note'],
    drafts.flatMap((d) =>
      d.followUps.map((f) => [d.c.id, f.attempt, f.at, f.byUserId, f.result, f.satisfaction, f.note]),
    ),
  );
  const ids = drafts.map((d) => d.c.id!).sort((a, b) => Number(a) - Number(b));
  return { ids, events };
}

/**
 * The clocks the deadline engine would have run for each case (its step function replayed over the
 * case's history, seed-demo-deadlines.ts), stored; then the timeline, with every breach applied by the
 * real DeadlineEffects at its instant between the steps it fell between (rounds: the steps up to each
 * case's next breach in one bulk insert, then those breaches), so each case's log reads in order.
 * Finally the cases' due_at / overdue from their clocks, as DeadlineEngine.refreshCaseDue keeps them.
 * Returns the number of step events written.
 */
async function persistClocksAndTimeline(ds: DataSource, m: EntityManager, env: Env, drafts: Draft[]): Promise<number> {
  const clock = new SeedClock(new Date(env.now));
  const { effects, calendar, rules } = seedServices(ds, clock);
  const cal = await calendar.current();
  const unitType = (id: number) => env.unitById.get(id)!.type;
  const histories: ClockHistory[] = [];
  for (const d of drafts) {
    const steps = d.events.map((e) => ({
      action: e.action,
      from: e.from,
      to: e.to,
      at: e.at,
      detail: resolve(e.detail),
      snap: e.snap,
      actor: stepActorOf(e.who.actor),
    }));
    histories.push(await replayClocks(m, cal, rules, d.c as CaseEntity, steps, unitType, new Date(env.now)));
  }
  const clocks = histories.flatMap((h) => h.rows);
  // insertRows, not m.insert: TypeORM re-reads columns with a default after a multi-row insert and merges them
  // back by position, which can pair rows with another row's values. The ids come back on the rows.
  for (let i = 0; i < clocks.length; i += 200) await insertRows(m, CaseDeadlineEntity, clocks.slice(i, i + 200));

  const columns = [
    'case_id',
    'action',
    'from_state',
    'to_state',
    'actor_kind',
    'actor_id',
    'actor_name',
    'actor_unit_id',
    'at',
    'note',
    'detail',
  ];
  const eventRow = (d: Draft, e: DraftEvent) => {
    const detail = resolve(e.detail);
    return [
      d.c.id,
      e.action,
      e.from,
      e.to,
      e.who.actor.kind,
      e.who.actor.id,
      e.who.actor.name,
      e.who.actor.unitId,
      e.at,
      resolve(e.note),
      detail ? JSON.stringify(detail) : null,
    ];
  };
  const written = drafts.map(() => 0);
  const rounds = Math.max(0, ...histories.map((h) => h.breaches.length));
  let events = 0;
  for (let k = 0; k <= rounds; k++) {
    const batch: unknown[][] = [];
    drafts.forEach((d, i) => {
      const until = histories[i]!.breaches[k]?.before ?? d.events.length;
      for (; written[i]! < until; written[i]!++) batch.push(eventRow(d, d.events[written[i]!]!));
    });
    await bulkInsert(m, 'case_event', columns, batch);
    events += batch.length;
    for (const h of histories) {
      const b = h.breaches[k];
      if (!b) continue;
      clock.set(b.at);
      const applied = await effects.breach(m, b.row, b.at, cal);
      if (applied !== 'applied') throw new Error(`demo seed: breach of deadline ${b.row.id} was ${applied}`);
    }
  }
  const ids = drafts.map((d) => d.c.id!);
  await m.query(
    `UPDATE wq_case c SET
       c.due_at = (SELECT MIN(d.due_at) FROM case_deadline d WHERE d.case_id = c.id AND d.status = 'RUNNING'),
       c.overdue = EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = c.id AND d.status = 'BREACHED' AND d.stopped_at IS NULL),
       c.updated_at = c.updated_at
     WHERE c.id IN (?)`,
    [ids],
  );
  // A breach touches the case row (overdue): its updated_at is the later of its last step and its last breach.
  for (const [i, h] of histories.entries()) {
    if (!h.breaches.length) continue;
    const last = h.breaches[h.breaches.length - 1]!.at;
    const c = drafts[i]!.c;
    await m.query('UPDATE wq_case SET updated_at = ? WHERE id = ?', [last > c.updatedAt! ? last : c.updatedAt, c.id]);
  }
  return events;
}

async function bulkInsert(
  m: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
  batch = 250,
): Promise<void> {
  const row = `(${columns.map(() => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    await m.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${chunk.map(() => row).join(',')}`, chunk.flat());
  }
}

// issue 14: a complaint's 投诉问题类别 (codes of migration 1766900000000), weighted as real tables run
// (质量 and 售后服务 first). Taken from a hash of the summary, not the generator: drawing one more
// random number would shift every case generated after it.
const DEMO_PROBLEM_TYPES = [
  ...Array<string>(5).fill('QUALITY'),
  ...Array<string>(4).fill('AFTER_SALES'),
  ...Array<string>(3).fill('CONTRACT'),
  'PRICE',
  'PRICE',
  'FALSE_PROMOTION',
  'SAFETY',
  'MEASUREMENT',
  'COUNTERFEIT',
  'ADVERTISING',
  'DIGNITY',
  'TRADEMARK',
  'OTHER',
];
function demoProblemType(summary: string): string {
  let h = 0;
  for (let i = 0; i < summary.length; i++) h = (h * 31 + summary.charCodeAt(i)) >>> 0;
  return DEMO_PROBLEM_TYPES[h % DEMO_PROBLEM_TYPES.length]!;
}
