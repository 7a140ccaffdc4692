import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLField,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  type GraphQLNamedType,
} from 'graphql';

// Every field a public operation can reveal, type by type. A new field fails this test until it is
// listed here, and is reviewed as something a stranger with a case number and a code may read.
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  PublicReceipt: ['caseNo', 'queryCode', 'kindLabel', 'receivedAt', 'unitName', 'unitPhone'],
  PublicCaseProgress: [
    'caseNo',
    'kindLabel',
    'stage',
    'explanation',
    'receivedAt',
    'unitName',
    'unitPhone',
    'promisedDates',
    'steps',
    'reply',
    'followUpOpen',
    'satisfactionLabel',
    'nextRoundCaseNo',
    'documents',
  ],
  PublicDocument: ['ref', 'title', 'docNo', 'issuedAt'],
  PublicDocumentLink: ['url', 'expiresAt'],
  PublicPromisedDate: ['label', 'dueAt'],
  PublicProgressStep: ['label', 'at'],
  PublicSmsCodeSent: ['validMinutes'],
  PublicServiceInfo: ['process', 'workrooms', 'commitments', 'supervisionPhone'],
  PublicProcessStep: ['title', 'text'],
  PublicWorkroom: ['name', 'duties'],
  PublicCommitment: ['name', 'duration'],
  PublicServicePoint: ['name', 'kindLabel', 'district', 'address', 'phone', 'officeHours', 'staff'],
  PublicStaffMember: ['name', 'post', 'workNo', 'onDuty', 'photoUrl'],
  PublicPublishedComplaintPage: ['total', 'items'],
  PublicPublishedComplaint: [
    'respondentName',
    'respondentCreditCode',
    'respondentAddress',
    'category',
    'result',
    'unitName',
    'concludedMonth',
  ],
  // 典型案例: the staff's own text, the writing unit and the date — never the linked case or a staff name.
  PublicTypicalCasePage: ['total', 'items'],
  PublicTypicalCaseSummary: ['ref', 'title', 'category', 'problemType', 'unitName', 'publishedAt', 'excerpt'],
  PublicTypicalCase: [
    'ref',
    'title',
    'category',
    'problemType',
    'unitName',
    'publishedAt',
    'facts',
    'handling',
    'lesson',
  ],
  // 服务成效: aggregate figures of a unit's month, no person.
  PublicPerformanceOptions: ['units', 'months'],
  PublicPerformanceUnit: ['ref', 'name'],
  PublicPerformance: ['unitName', 'month', 'frozen', 'figures'],
  PublicPerformanceFigure: [
    'name',
    'rate',
    'numerator',
    'denominator',
    'numeratorLabel',
    'denominatorLabel',
    'explanation',
  ],
};
const SCALARS = new Set(['String', 'Boolean', 'Int', 'Float', 'DateTime']);

const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.gql'), 'utf8'));
const publicRoots = (t: GraphQLObjectType | null | undefined) =>
  Object.values(t?.getFields() ?? {}).filter((f) => f.name.startsWith('public'));

/** Every named type reachable from the output of the given fields. */
function reachable(fields: GraphQLField<unknown, unknown>[]): Map<string, GraphQLNamedType> {
  const seen = new Map<string, GraphQLNamedType>();
  const visit = (t: GraphQLNamedType) => {
    if (seen.has(t.name)) return;
    seen.set(t.name, t);
    if (isObjectType(t)) for (const f of Object.values(t.getFields())) visit(getNamedType(f.type));
  };
  for (const f of fields) visit(getNamedType(f.type));
  return seen;
}

describe('public operations (allow-list)', () => {
  const roots = [...publicRoots(schema.getQueryType()), ...publicRoots(schema.getMutationType())];

  it('finds the public operations', () => {
    expect(roots.map((f) => f.name).sort()).toEqual(
      [
        'publicAnswerFollowUp',
        'publicCaseProgress',
        'publicDocumentLink',
        'publicPublishedComplaints',
        'publicSendSmsCode',
        'publicSendLookupCode',
        'publicServiceInfo',
        'publicServicePoints',
        'publicSubmit',
        'publicSubmitSuggestion',
        'publicTypicalCases',
        'publicTypicalCase',
        'publicPerformanceOptions',
        'publicPerformance',
      ].sort(),
    );
  });

  it('reaches only Public* object types and scalars, and no field beyond the allow-list', () => {
    for (const [name, t] of reachable(roots)) {
      if (isScalarType(t)) {
        expect(SCALARS).toContain(name);
        continue;
      }
      expect(isObjectType(t)).toBe(true);
      expect(Object.keys(ALLOWED)).toContain(name);
      expect(Object.keys((t as GraphQLObjectType).getFields()).sort()).toEqual([...ALLOWED[name]!].sort());
    }
  });

  it('takes only Public* inputs and enums', () => {
    const visitInput = (t: GraphQLNamedType, path: string) => {
      if (isScalarType(t)) return expect(SCALARS.has(t.name) || t.name === 'ID').toBe(true);
      expect(`${path}:${t.name}`).toMatch(/:Public/);
      if (isInputObjectType(t))
        for (const f of Object.values(t.getFields())) visitInput(getNamedType(f.type), `${path}.${f.name}`);
      else expect(isEnumType(t)).toBe(true);
    };
    for (const f of roots) for (const a of f.args) visitInput(getNamedType(a.type), `${f.name}(${a.name})`);
  });
});
