// Demo cases for `pnpm seed`: a few hundred requests of every kind, spread over the demo units and
// every state, so a new user opens a console that looks like a living system.
//
// This file decides what happens to each case: who registers it, with which content, and which steps
// staff take after it, when and with which inputs (a plan, deterministic for a given `random`). Nothing
// here writes a case: seed-demo-runner.ts registers the cases with CaseLifecycleService.registerIn and
// takes every step through CaseLifecycleService.runIn with the real step modules and the inputs the
// GraphQL mutations pass, at the step's instant, so each case row, timeline entry, side-table row and
// clock is what the API would have written. Who takes a step is left to the transition table: the
// first of the planned candidates it allows.
import { DataSource, In } from 'typeorm';
import {
  CaseKind,
  CaseState,
  Channel,
  chineseDaysCalendarData,
  DEFAULT_CASE_MACHINE_CONFIG,
  DispatchMode,
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
import { ApiClientEntity, ApiClientKeyEntity, ExternalAgencyEntity, OrgUnitEntity, UserEntity } from '../entities';
import { makeActor } from '../scope/actor';
import { apiClientActor, apiKeyPrefix } from '../auth/api-key';
import type { RegistrationInput } from '../case/steps/registration.step';
import { DEMO_API_KEY } from './demo-org';
import * as T from './demo-case-content';
import { Business, CategoryName, County, Rng } from './demo-case-content';
import { CasePlan, PlannedStep, runDemoPlans, SeedDemoCasesResult, Who } from './seed-demo-runner';

export type { SeedDemoCasesResult } from './seed-demo-runner';

export interface SeedDemoCasesOptions {
  /** How many cases to create (next rounds of unsatisfied follow-ups included). Default 400. */
  count?: number;
  /** The seeding instant; cases are spread over the ~90 days before it. Default: the current time. */
  now?: Date;
  /** Source of randomness; default a PRNG with a fixed seed (the same demo set every time). */
  random?: () => number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SH = 8 * HOUR; // Asia/Shanghai offset
const DEFAULT_SEED = 12315;

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
  return runDemoPlans(ds, generate(env, rng, count), now);
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

function generate(env: Env, rng: Rng, count: number): CasePlan[] {
  const out: CasePlan[] = [];
  const specs: Spec[] = [];
  // Every state of every kind once (when there is room), then the weighted mix.
  for (const kind of ['COMPLAINT', 'REPORT', 'CONSULTATION', 'SUGGESTION'] as CaseKind[]) {
    for (const [state] of DISPUTE_STATE_WEIGHTS) if (possible(kind, state)) specs.push({ kind, state });
  }
  if (specs.length > count) specs.length = 0;
  const pairs: [CasePlan, CasePlan][] = [];
  const total = () => out.reduce((n, p) => n + (p.nextRound ? 2 : 1), 0);
  const push = (s: Spec) => {
    const p = buildPlan(env, rng, { ...s, noNextRound: s.noNextRound || total() >= count - 1 });
    out.push(p);
    return p;
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
      category: a.input.category as CategoryName,
      business: T.BUSINESSES.find((x) => x.name === a.input.respondent?.name),
      consumer: {
        name: a.input.consumer.name ?? null,
        phone: a.input.consumer.phone ?? null,
        address: a.input.consumer.address ?? null,
        idNumber: a.input.consumer.idNumber ?? null,
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
  // The one of a pair registered later is the repeat (重复件) of the other, when it was also received later
  // (the registration finds the earlier request; a request received earlier is not called a repeat).
  for (const [a, b] of pairs) {
    const [first, later] = a.registeredAt <= b.registeredAt ? [a, b] : [b, a];
    if (first.receivedAt >= later.receivedAt) continue;
    later.repeatOf = first;
    later.input.summary = `此前已就同一问题投诉（${first.input.respondent?.name}），至今未解决，再次反映：${later.input.summary}`;
  }
  return out.sort((x, y) => x.registeredAt - y.registeredAt);
}

/**
 * Plans one case. Its choices come from a child PRNG, so when the plan would run past `now` it is made
 * again with the same choices from an earlier start.
 */
function buildPlan(env: Env, rng: Rng, spec: Spec): CasePlan {
  const seed = Math.floor(rng() * 2 ** 32);
  const [lo, hi] = AGE_DAYS[spec.state];
  let age = lo + (hi - lo) * T.seededRandom(seed ^ 0x5eed)();
  for (let attempt = 0; ; attempt++) {
    const p = walk(env, T.seededRandom(seed), spec, env.now - age * DAY);
    const last = p.steps.length ? p.steps[p.steps.length - 1]!.at : p.registeredAt;
    const overshoot = last - (env.now - 2 * MIN);
    if (overshoot <= 0) return p;
    if (attempt >= 8) throw new Error(`demo case plan for ${spec.kind}/${spec.state} does not fit before now`);
    age += Math.ceil(overshoot / DAY) + (attempt >= 3 ? 1 : 0);
  }
}

function walk(env: Env, r: Rng, spec: Spec, startMs: number): CasePlan {
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
  const withheldPhone = anonymous && T.chance(r, 0.4);
  // What the registration form sends (RegisterCaseInput).
  const input: RegistrationInput = {
    kind,
    channel,
    consumer: anonymous
      ? { anonymous: true, phone: withheldPhone ? undefined : (consumer.phone ?? undefined) }
      : {
          name: consumer.name ?? undefined,
          phone: consumer.phone ?? undefined,
          idNumber: consumer.idNumber ?? undefined,
          address: consumer.address ?? undefined,
        },
    respondent: biz
      ? { name: biz.name, creditCode: biz.creditCode, address: biz.address, region: biz.county, industry: biz.industry }
      : undefined,
    occurredAt: kind === 'SUGGESTION' ? undefined : occurredAt,
    occurredPlace:
      kind === 'SUGGESTION' ? undefined : category === '网络购物' ? '网络平台' : (biz?.address ?? undefined),
    category,
    problemType: kind === 'COMPLAINT' ? demoProblemType(summary) : undefined,
    amountInvolved: kind === 'COMPLAINT' ? amountInvolved : undefined,
    summary,
    demand: demand ?? undefined,
    flags: {
      majorUrgent: T.chance(r, 0.02),
      groupComplaint: category === '预付卡' && T.chance(r, 0.15),
      mediaAttention: T.chance(r, 0.01),
      consentPublication: kind === 'COMPLAINT' && T.chance(r, 0.6),
      consentEntrustedMediation: kind === 'COMPLAINT' && T.chance(r, 0.5),
    },
  };
  const planner = new Planner(env, intake, r, receivedAt, kind, input);
  const registeredAt = planner.registration(channel);
  planner.toward(spec);
  return {
    registrar,
    unit: iu,
    registeredAt,
    receivedAt,
    input,
    steps: planner.steps,
    nextRound: planner.nextRound,
  };
}

/**
 * Plans a case's steps along the lifecycle: when, by whom (candidates, in order of preference) and with
 * which input. It keeps only what it decided (the outcome it chose, whether it asked for materials), never
 * the case itself: the table decides at run time who may, and the step modules write the case.
 */
class Planner {
  readonly steps: PlannedStep[] = [];
  nextRound = false;
  private t: number;
  private handlers: Who[] = [];
  private materialsRequested = false;
  private extensionRequested = false;
  private outcome: Outcome | null = null;

  constructor(
    private readonly env: Env,
    private readonly intake: IntakeSpec,
    private readonly r: Rng,
    receivedAt: number,
    private readonly kind: CaseKind,
    private readonly input: RegistrationInput,
  ) {
    this.t = receivedAt;
  }

  private user(name: string): Who {
    return this.env.users.get(name)!;
  }
  private get iu(): Who {
    return this.user(this.intake.user);
  }

  /** Advances the time by a random span and snaps to office hours (Asia/Shanghai) most of the time. */
  private later(minMinutes: number, maxMinutes: number, strict = false): number {
    const raw = this.t + (minMinutes + (maxMinutes - minMinutes) * this.r() ** 1.5) * MIN;
    this.t = Math.max(officeTime(this.env, this.r, raw, strict), this.t + MIN);
    return this.t;
  }

  private step(
    action: PlannedStep['action'],
    who: Who | Who[],
    at: number,
    input: Record<string, unknown> = {},
    optional = false,
  ): void {
    this.steps.push({ at, action, who: Array.isArray(who) ? who : [who], input, optional });
  }

  /** When the request is registered after it was received. */
  registration(channel: Channel): number {
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
    return this.later(lo, hi, channel !== 'TRANSFER_12345');
  }

  toward(spec: Spec): void {
    const dispute = isDispute(this.kind);
    const iu = this.iu;
    // 首问负责: most of the time the intake operator calls the consumer back within the two working days.
    if (dispute && T.chance(this.r, 0.85)) this.firstContact();
    const goal = spec.state;
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
      : goal === 'REJECTED' || (closedRoute && (this.kind === 'COMPLAINT' || T.chance(this.r, 0.5)))
        ? 'reject'
        : goal === 'NOT_FILED' || closedRoute
          ? 'notFiled'
          : 'main';
    if (route === 'reject') {
      if (T.chance(this.r, 0.3)) this.materials(goal !== 'REJECTED' || T.chance(this.r, 0.5));
      const referral = this.reject();
      if (goal === 'REJECTED') return;
      const content = `${T.REJECT_REPLY}${referral ? `该事项请向${referral.authority}（电话 ${referral.phone}）反映。` : '如有新的证据，可重新提出投诉。'}`;
      this.step('replyCase', iu, this.later(60, 2880), { content });
      return this.archiveMaybe(goal);
    }
    if (route === 'answer') {
      const who = T.chance(this.r, 0.3) ? [...(this.intake.answerers ?? []).map((n) => this.user(n)), iu] : [iu];
      const content = T.pick(this.r, T.CONSULTATION_ANSWERS);
      this.step('answerConsultation', who, this.later(3, 30), { content });
      return this.archiveMaybe(goal);
    }

    if (dispute) {
      if (T.chance(this.r, 0.15)) this.materials(true);
      this.step('acceptCase', iu, this.later(30, 2880));
      if (goal === 'ACCEPTED') return;
      if (this.kind === 'REPORT') {
        const filed = route !== 'notFiled';
        const reason = filed ? undefined : T.pick(this.r, T.NOT_FILED_REASONS);
        const who = T.chance(this.r, 0.5) ? [...(this.intake.filers ?? []).map((n) => this.user(n)), iu] : [iu];
        this.step('decideFiling', who, this.later(600, 5760), { filed, reason });
        if (goal === 'FILED' || goal === 'NOT_FILED') return;
        if (!filed) {
          this.step('replyCase', iu, this.later(60, 2880), { content: `${T.NOT_FILED_REPLY}${reason}。` });
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
      this.step('resumeCase', this.handlers, this.later(1440, 10080));
      if (T.chance(this.r, 0.5)) this.contact();
    }
    if (goal === 'SUSPENDED') return this.suspend();
    if (goal === 'IN_PROGRESS') {
      if (dispute && !this.extensionRequested && T.chance(this.r, 0.12)) this.extension(false);
      return;
    }
    this.conclude();
    if (goal === 'CONCLUDED') return;
    this.step('replyCase', iu, this.later(60, 2880), { content: T.pick(this.r, T.REPLY_BY_OUTCOME[this.outcome!]!) });
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
    const missingItems = T.pick(this.r, T.MISSING_ITEMS);
    this.step('requestMaterials', this.iu, this.later(10, 600), { missingItems });
    this.materialsRequested = true;
    if (supply) this.step('supplyMaterials', this.iu, this.later(1440, 8640));
  }

  /** 不予受理; returns where the consumer is referred to, if anywhere. */
  private reject(): { authority: string; phone: string | null } | null {
    const ground = T.weighted<RejectGround>(this.r, [
      ['OUTSIDE_JURISDICTION', 40],
      ['ALREADY_HANDLED', 10],
      ['NOT_DAILY_CONSUMPTION', this.kind === 'COMPLAINT' ? 15 : 2],
      ['TIME_BARRED', 5],
      ['MATERIALS_MISSING_OR_FALSE', this.materialsRequested ? 40 : 8],
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
    this.step('rejectCase', this.iu, this.later(30, 2880), {
      ground,
      referralAuthority: agency?.name,
      referralPhone: agency?.phone ?? undefined,
    });
    return agency ? { authority: agency.name, phone: agency.phone } : null;
  }

  private dispatch(anyTarget: boolean): void {
    const env = this.env;
    const intakeUnit = env.units.get(this.intake.unit)!;
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
      this.handlers = type === 'EXTERNAL' ? [this.iu] : [];
    } else {
      const [t, code, handlers] = T.weighted(
        this.r,
        this.intake.handled.map((h) => [h, h[3]] as const),
      );
      type = t;
      if (t === 'WORKROOM') {
        workroom = code as WorkroomCode;
        toUnit = env.units.get(`${this.intake.unit}-${code}`)!;
      } else if (t === 'UNIT') toUnit = env.units.get(code!)!;
      const names = [...handlers];
      names.sort(() => this.r() - 0.5);
      this.handlers = names.map((n) => this.user(n));
    }
    const agency = type === 'EXTERNAL' ? T.pick(this.r, env.agencies) : null;
    const mode = T.weighted<DispatchMode>(this.r, [
      ['IMMEDIATE', 30],
      ['ON_BEHALF', 45],
      ['JOINT', 25],
    ]);
    const instructions = T.chance(this.r, 0.4)
      ? T.pick(this.r, [
          '请于两个工作日内联系消费者',
          '请尽快组织调解并反馈结果',
          '涉及金额较大，请重点跟进',
          '请核实后依法处理',
        ])
      : undefined;
    // As CaseHandlingService.dispatchCase passes it, the target found: the unit (a workroom's too), the department.
    this.step('dispatchCase', this.iu, this.later(10, 1440), {
      mode,
      targetType: type,
      workroom,
      toUnit,
      agency: agency ? { id: agency.id, name: agency.name } : null,
      handlerId: null,
      instructions,
    });
  }

  private receive(): void {
    this.step('receiveCase', this.handlers, this.later(20, 1440));
  }

  private returnToIntake(): void {
    const reason = T.pick(this.r, T.RETURN_REASONS);
    this.step('returnCase', this.handlers, this.later(60, 2880), { reason });
  }

  private firstContact(): void {
    const content = T.pick(this.r, T.FIRST_CONTACT_NOTES);
    this.step('recordContact', this.iu, this.later(20, 960), { method: 'PHONE', content });
  }

  private contact(): void {
    const content = T.pick(this.r, T.CONTACT_NOTES);
    const method = T.weighted(this.r, [
      ['PHONE', 60],
      ['ON_SITE', 15],
      ['WECHAT', 10],
      ['SMS', 8],
      ['VIDEO', 7],
    ] as const);
    this.step('recordContact', this.handlers, this.later(60, 2880), { method, content });
  }

  /** 申请延期, and (decide) a director's decision: whoever of the directors the table lets decide. */
  private extension(decide: boolean): void {
    const reason = T.pick(this.r, T.EXTENSION_REASONS);
    const days = T.pick(this.r, [3, 5, 7, 10]);
    this.extensionRequested = true;
    this.step('requestExtension', this.handlers, this.later(600, 2880), { reason, days }, true);
    if (!decide) return;
    const approved = T.chance(this.r, 0.8);
    const directors = [this.intake.director, 'city_director', 'gl_director', 'hx_director']
      .filter((n): n is string => !!n)
      .map((n) => this.user(n));
    const note = approved ? '同意延期' : '不同意延期，请按期办结';
    // DecideExtensionInput's note is the timeline note and the decision's (CaseHandlingService.decideExtension).
    this.step('decideExtension', directors, this.later(60, 1440), { approved, note, decisionNote: note }, true);
  }

  private suspend(): void {
    const boss = this.intake.director ? this.user(this.intake.director) : null;
    const reason = T.weighted<SuspendReason>(this.r, [
      ['TESTING', 5],
      ['AWAITING_MATERIALS', 3],
      ['INVESTIGATION', boss ? 2 : 0],
    ]);
    this.step('suspendCase', this.handlers, this.later(600, 2880), {
      reason,
      approvedById: reason === 'INVESTIGATION' ? boss!.actor.id : null,
      note: T.SUSPEND_NOTES[reason],
    });
  }

  private conclude(): void {
    const kind = this.kind;
    const outcome =
      kind === 'COMPLAINT'
        ? T.weighted<Outcome>(this.r, [
            ['MEDIATED', 55],
            ['MEDIATION_FAILED', 15],
            ['WITHDRAWN', 15],
            ['TERMINATED', 15],
          ])
        : kind === 'REPORT'
          ? T.weighted<Outcome>(this.r, [
              ['PENALIZED', 30],
              ['NO_VIOLATION', 50],
              ['TRANSFERRED', 20],
            ])
          : kind === 'SUGGESTION'
            ? T.weighted<Outcome>(this.r, [
                ['ANSWERED', 6],
                ['ADOPTED', 4],
              ])
            : 'ANSWERED';
    if (!OUTCOMES_BY_KIND[kind].includes(outcome)) throw new Error(`outcome ${outcome} for ${kind}`);
    this.outcome = outcome;
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
    const involved = Number(this.input.amountInvolved ?? 0);
    const recovered =
      kind === 'COMPLAINT'
        ? outcome === 'MEDIATED'
          ? Math.round(involved * (0.5 + 0.5 * this.r()) * 100) / 100
          : outcome === 'WITHDRAWN' && T.chance(this.r, 0.5)
            ? Math.round(involved * 0.4 * 100) / 100
            : 0
        : kind === 'REPORT'
          ? 0
          : undefined;
    const agreementText =
      outcome === 'MEDIATED'
        ? T.agreementText(this.r, this.input.respondent?.name ?? '经营者', recovered ?? 0)
        : undefined;
    this.step('concludeCase', this.handlers, this.later(1440, 7200), {
      outcome,
      terminationGround,
      agreementText,
      amountRecovered: recovered,
    });
  }

  private followUp(result: 'REACHED' | 'UNREACHABLE', spec: Spec): void {
    const at = this.later(1440, 5760);
    const recent = this.env.now - at < 12 * DAY;
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
    // 回访不满意: the step registers the next round.
    if (satisfaction === 'UNSATISFIED') this.nextRound = true;
    const note = T.FOLLOW_UP_NOTES[satisfaction ?? 'UNREACHABLE']!;
    // RecordFollowUpInput's note is the timeline note and the follow-up's (CaseHandlingService.recordFollowUp).
    this.step('recordFollowUp', this.iu, at, { result, satisfaction, note, followUpNote: note });
  }

  private archiveMaybe(goal: CaseState): void {
    if (goal === 'ARCHIVED') this.step('archiveCase', this.iu, this.later(1440, 10080));
  }
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
