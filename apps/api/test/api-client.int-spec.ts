import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditEventEntity, CaseEntity, CaseEventEntity, DEMO_API_KEY, OrgUnitEntity } from '@weiquan/core';
import { GqlClient, insertCase, loginAs } from '@weiquan/testing';
import { CASE, CASE_BY_NO, CASES, complaint } from './case-ops';
import { startTestApi, TestApi } from './test-api';

const CLIENT_FIELDS = `id name unitId unitName operations channel allowedSources rateLimitPerMin active version lastUsedAt
  keys { id prefix label createdAt lastUsedAt revokedAt }`;
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { secret key { id prefix } client { ${CLIENT_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateApiClientInput!) { updateApiClient(input: $input) { ${CLIENT_FIELDS} } }`;
const ISSUE = `mutation($id: ID!) { issueApiKey(clientId: $id, label: "轮换") { secret key { id prefix } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(keyId: $id) { keys { id revokedAt } } }`;
const CLIENTS = `{ apiClients { total items { id name unitId keys { prefix } } } }`;
const TRANSFER_FIELDS = `caseId caseNo externalRef channel state stateLabel ownerUnitName steps { action label toState at }`;
const TRANSFER_IN = `mutation($input: TransferCaseInput!) { transferCase(input: $input) { created transfer { ${TRANSFER_FIELDS} } } }`;
const TRANSFER = `query($ref: String!) { transfer(externalRef: $ref) { ${TRANSFER_FIELDS} } }`;
const TRANSFERS = `{ transfers { total items { caseId externalRef } } }`;
const ORG_UNITS = `{ orgUnits { id } }`;
const EVIDENCE = `query($caseId: ID!) { caseEvidence(caseId: $caseId) { id } }`;

type Transfer = {
  caseId: string;
  caseNo: string;
  externalRef: string;
  channel: string;
  state: string;
  steps: { action: string }[];
};
type Issued = { secret: string; key: { id: string; prefix: string }; client: { id: string; version: number } };

describe('API clients and transfer-in', () => {
  let api: TestApi;
  let admin: GqlClient;
  let units: Map<string, OrgUnitEntity>;
  let storageDir: string;
  let seq = 0;
  const ref = () => `GD${Date.now().toString(36)}-${++seq}`;
  const transferInput = (externalRef: string, extra: Record<string, unknown> = {}) => {
    const { channel: _ignored, ...fields } = complaint();
    return { ...fields, externalRef, ...extra };
  };

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'wq-apiclient-'));
    api = await startTestApi({ STORAGE_DIR: storageDir });
    admin = (await loginAs(api.gql, 'admin')).client;
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
  });
  afterAll(async () => {
    await api?.close();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  async function createClient(input: Record<string, unknown>): Promise<Issued & { gql: GqlClient }> {
    const r = (await admin.ok<{ createApiClient: Issued }>(CREATE, { input })).createApiClient;
    return { ...r, gql: api.gql.withApiKey(r.secret) };
  }
  const glClient = (extra: Record<string, unknown> = {}) =>
    createClient({
      name: `鼓楼区12345分中心 ${++seq}`,
      unitId: String(units.get('GL')!.id),
      channel: 'TRANSFER_12345',
      ...extra,
    });

  describe('administration', () => {
    it('creates a least-privilege client whose key is shown once and stored only as a hash', async () => {
      const c = await glClient();
      expect(c.secret).toMatch(/^wq_[A-Za-z0-9]{12}_[A-Za-z0-9]{43}$/);
      expect(c.client).toMatchObject({
        operations: ['TRANSFER_IN', 'TRANSFER_READ'],
        allowedSources: [],
        active: true,
      });
      const rows: { key_hash: string }[] = await api.ds.query('SELECT key_hash FROM api_client_key WHERE id = ?', [
        c.key.id,
      ]);
      expect(rows[0]!.key_hash).toHaveLength(64);
      expect(rows[0]!.key_hash).not.toContain(c.secret.split('_')[2]);
      const listed = await admin.ok<{ apiClients: { items: unknown[] } }>(CLIENTS);
      expect(JSON.stringify(listed)).not.toContain(c.secret);
      const audit = await api.ds
        .getRepository(AuditEventEntity)
        .findOneBy({ action: 'apiClient.create', targetId: c.client.id });
      expect(audit).not.toBeNull();
    });

    it('refuses client administration to anyone but an administrator, and to clients themselves', async () => {
      const county = (await loginAs(api.gql, 'gl_director')).client;
      expect((await county.error(CLIENTS)).extensions?.code).toBe('FORBIDDEN');
      expect((await api.gql.withApiKey(DEMO_API_KEY).error(CLIENTS)).extensions?.code).toBe('FORBIDDEN');
    });

    it('rejects bad input on its field and stores nothing', async () => {
      const before = await api.ds.query('SELECT COUNT(*) AS n FROM api_client');
      const bad = await admin.error(CREATE, {
        input: {
          name: 'x',
          unitId: String(units.get('GL')!.id),
          channel: 'TRANSFER_12345',
          allowedSources: ['10.0.0.0/99'],
        },
      });
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allowedSources' });
      const badOp = await admin.error(CREATE, {
        input: { name: 'x', unitId: '999999', channel: 'TRANSFER_12345' },
      });
      expect(badOp.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.unitId' });
      expect(await api.ds.query('SELECT COUNT(*) AS n FROM api_client')).toEqual(before);
    });

    it('lets exactly one of two concurrent edits of the same version win', async () => {
      const c = await glClient();
      const edit = (name: string) =>
        admin.request(UPDATE, { input: { id: c.client.id, version: c.client.version, name } });
      const [a, b] = await Promise.all([edit('甲'), edit('乙')]);
      const codes = [a, b].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
    });
  });

  describe('keys', () => {
    it('stops a revoked key at once and keeps a rotated key working beside the old one until that is revoked', async () => {
      const c = await glClient();
      expect((await c.gql.ok<{ transfers: { total: number } }>(TRANSFERS)).transfers.total).toBe(0);
      const next = (await admin.ok<{ issueApiKey: Issued }>(ISSUE, { id: c.client.id })).issueApiKey;
      const nextGql = api.gql.withApiKey(next.secret);
      await c.gql.ok(TRANSFERS);
      await nextGql.ok(TRANSFERS);
      await admin.ok(REVOKE, { id: c.key.id });
      expect((await c.gql.error(TRANSFERS)).extensions?.code).toBe('UNAUTHENTICATED');
      await nextGql.ok(TRANSFERS);
      const keys: { last_used_at: Date | null }[] = await api.ds.query(
        'SELECT last_used_at FROM api_client_key WHERE client_id = ? ORDER BY id',
        [c.client.id],
      );
      expect(keys.every((k) => k.last_used_at)).toBe(true);
    });

    it('stops every key of a disabled client at once', async () => {
      const c = await glClient();
      await c.gql.ok(TRANSFERS);
      await admin.ok(UPDATE, { input: { id: c.client.id, version: c.client.version, active: false } });
      expect((await c.gql.error(TRANSFERS)).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses calls from outside the allowed source addresses', async () => {
      const far = await glClient({ allowedSources: ['10.20.0.0/16'] });
      expect((await far.gql.error(TRANSFERS)).extensions?.code).toBe('FORBIDDEN');
      const near = await glClient({ allowedSources: ['10.20.0.0/16', '127.0.0.1'] });
      await near.gql.ok(TRANSFERS);
    });

    it('answers TOO_MANY_REQUESTS with a retry time beyond the per-minute limit', async () => {
      const c = await glClient({ rateLimitPerMin: 3 });
      for (let i = 0; i < 3; i++) await c.gql.ok(TRANSFERS);
      const err = await c.gql.error(TRANSFERS);
      expect(err.extensions?.code).toBe('TOO_MANY_REQUESTS');
      const retry = (err.extensions?.details as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(60);
      api.clock.advance(61_000); // the next minute: allowed again
      await c.gql.ok(TRANSFERS);
    });
  });

  describe('transfer-in', () => {
    it('registers under the client channel, in its unit, attributed to it on the timeline and in the audit log', async () => {
      const c = await glClient();
      const externalRef = ref();
      const input = { ...transferInput(externalRef) };
      const r = (await c.gql.ok<{ transferCase: { created: boolean; transfer: Transfer } }>(TRANSFER_IN, { input }))
        .transferCase;
      expect(r.created).toBe(true);
      expect(r.transfer).toMatchObject({ externalRef, channel: 'TRANSFER_12345', state: 'REGISTERED' });
      const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: r.transfer.caseId });
      expect(stored).toMatchObject({
        registeredByClientId: Number(c.client.id),
        ownerUnitId: units.get('GL')!.id,
        externalRef,
      });
      const event = await api.ds
        .getRepository(CaseEventEntity)
        .findOneByOrFail({ caseId: stored.id, action: 'registerCase' });
      expect(event).toMatchObject({ actorKind: 'API_CLIENT', actorId: Number(c.client.id) });
      const audit = await api.ds
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ action: 'case.transferIn', targetId: stored.id });
      expect(audit.actorClientId).toBe(Number(c.client.id));
      const back = (await c.gql.ok<{ transfer: Transfer }>(TRANSFER, { ref: externalRef })).transfer;
      expect(back.caseNo).toBe(stored.caseNo);
      expect(back.steps.map((s) => s.action)).toEqual(['registerCase']);
    });

    it('answers a resent transfer with the same case, also when ten copies race', async () => {
      const c = await glClient();
      const externalRef = ref();
      const first = (
        await c.gql.ok<{ transferCase: { created: boolean; transfer: Transfer } }>(TRANSFER_IN, {
          input: transferInput(externalRef, { idempotencyKey: `k-${externalRef}` }),
        })
      ).transferCase;
      const again = (
        await c.gql.ok<{ transferCase: { created: boolean; transfer: Transfer } }>(TRANSFER_IN, {
          input: transferInput(externalRef, { idempotencyKey: `k-${externalRef}` }),
        })
      ).transferCase;
      expect(again).toMatchObject({ created: false, transfer: { caseId: first.transfer.caseId } });

      const raced = ref();
      const input = transferInput(raced, { idempotencyKey: `k-${raced}` });
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          c.gql.ok<{ transferCase: { created: boolean; transfer: Transfer } }>(TRANSFER_IN, { input }),
        ),
      );
      const ids = new Set(results.map((r) => r.transferCase.transfer.caseId));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.transferCase.created)).toHaveLength(1);
      const [{ n }] = await api.ds.query(
        'SELECT COUNT(*) AS n FROM wq_case WHERE registered_by_client_id = ? AND external_ref = ?',
        [c.client.id, raced],
      );
      expect(Number(n)).toBe(1);
    });

    it('refuses an idempotency key already used for another work order', async () => {
      const c = await glClient();
      const a = ref();
      await c.gql.ok(TRANSFER_IN, { input: transferInput(a, { idempotencyKey: `k-${a}` }) });
      const err = await c.gql.error(TRANSFER_IN, { input: transferInput(ref(), { idempotencyKey: `k-${a}` }) });
      expect(err.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' });
    });

    it('keeps work-order numbers per client: two systems may use the same one', async () => {
      const [a, b] = [await glClient(), await glClient()];
      const same = ref();
      const ra = (await a.gql.ok<{ transferCase: { transfer: Transfer } }>(TRANSFER_IN, { input: transferInput(same) }))
        .transferCase;
      const rb = (await b.gql.ok<{ transferCase: { transfer: Transfer } }>(TRANSFER_IN, { input: transferInput(same) }))
        .transferCase;
      expect(ra.transfer.caseId).not.toBe(rb.transfer.caseId);
      // and one never reads the other's transfer
      const other = await a.gql.ok<{ transfers: { items: { caseId: string }[] } }>(TRANSFERS);
      expect(other.transfers.items.map((t) => t.caseId)).toEqual([ra.transfer.caseId]);
    });

    it('keeps the demo 12345 key working for transfer-in, under TRANSFER_12345', async () => {
      const demo = api.gql.withApiKey(DEMO_API_KEY);
      const input = transferInput(ref());
      const r = (await demo.ok<{ transferCase: { transfer: Transfer } }>(TRANSFER_IN, { input })).transferCase;
      expect(r.transfer.channel).toBe('TRANSFER_12345');
    });
  });

  describe('scope', () => {
    let hxCase: CaseEntity;
    let glCase: CaseEntity;
    beforeAll(async () => {
      hxCase = await insertCase(api.ds, { unitCode: 'HX' });
      glCase = await insertCase(api.ds, { unitCode: 'GL' });
    });

    it('gives a least-privilege client nothing beyond its transfers: no case by id, list, search, org or evidence', async () => {
      const c = await glClient();
      for (const [q, v] of [
        [CASE, { id: glCase.id }],
        [CASE_BY_NO, { no: glCase.caseNo }],
        [CASES, { f: { keyword: '空调' } }],
        [ORG_UNITS, {}],
        [EVIDENCE, { caseId: glCase.id }],
      ] as const)
        expect((await c.gql.error(q, v)).extensions?.code).toBe('FORBIDDEN');
      const dl = await fetch(`${api.url}/api/evidence/1/download`, {
        headers: { authorization: `ApiKey ${c.secret}` },
      });
      expect(dl.status).toBe(403);
      // the demo client too: it used to read the whole city
      expect((await api.gql.withApiKey(DEMO_API_KEY).error(CASE, { id: glCase.id })).extensions?.code).toBe(
        'FORBIDDEN',
      );
      // another client's or a staff-registered case by externalRef: as if it did not exist
      expect((await c.gql.error(TRANSFER, { ref: 'NO-SUCH' })).extensions?.code).toBe('NOT_FOUND');
    });

    it('with reading granted, a county client sees its own subtree only: by id, list, search, evidence', async () => {
      const c = await glClient({ operations: ['TRANSFER_IN', 'TRANSFER_READ', 'CASE_READ', 'ORG_READ'] });
      expect((await c.gql.ok<{ case: { id: string } }>(CASE, { id: glCase.id })).case.id).toBe(glCase.id);
      const hx = await c.gql.error(CASE, { id: hxCase.id });
      const missing = await c.gql.error(CASE, { id: '999999999' });
      expect(hx.extensions).toEqual(missing.extensions);
      expect((await c.gql.error(CASE_BY_NO, { no: hxCase.caseNo })).extensions?.code).toBe('NOT_FOUND');
      const glPath = units.get('GL')!.path;
      const list = await c.gql.ok<{ cases: { total: number; items: { ownerUnitId: string }[] } }>(CASES, {
        p: { limit: 100 },
      });
      const ownerPaths = new Map([...units.values()].map((u) => [String(u.id), u.path]));
      expect(list.cases.items.every((i) => ownerPaths.get(i.ownerUnitId)!.startsWith(glPath))).toBe(true);
      const search = await c.gql.ok<{ cases: { items: { id: string }[] } }>(CASES, { f: { keyword: hxCase.caseNo } });
      expect(search.cases.items).toEqual([]);
      expect((await c.gql.error(EVIDENCE, { caseId: hxCase.id })).extensions?.code).toBe('NOT_FOUND');
      const { orgUnits } = await c.gql.ok<{ orgUnits: { id: string }[] }>(ORG_UNITS);
      expect(orgUnits.every((u) => ownerPaths.get(u.id)!.startsWith(glPath))).toBe(true);
      // masked unless unmasking is granted
      const seen = (await c.gql.ok<{ case: { consumer: { masked: boolean } } }>(CASE, { id: glCase.id })).case;
      expect(seen.consumer.masked).toBe(true);
    });

    it('keeps documents from a client without case reading, even of its own transfer, and from another county', async () => {
      const DOCS = `query($caseId: ID!) { caseDocuments(caseId: $caseId) { id downloadUrl } }`;
      const DOC = `query($id: ID!) { caseDocument(id: $id) { id } }`;
      const ISSUE_DOC = `mutation($input: IssueDocumentInput!) { issueDocument(input: $input) { id downloadUrl } }`;
      type Doc = { id: string; downloadUrl: string };
      const issue = async (who: string, caseId: string) =>
        (
          await (
            await loginAs(api.gql, who)
          ).client.ok<{ issueDocument: Doc }>(ISSUE_DOC, {
            input: { caseId, type: 'COMPLAINT_REGISTRATION' },
          })
        ).issueDocument;
      const download = (secret: string, path: string) =>
        fetch(`${api.url}${path}`, { headers: { authorization: `ApiKey ${secret}` } });

      // Its own transfer, with a document issued on it by the county: documents are case reading, not
      // TRANSFER_READ, so the least-privilege client gets none of them.
      const least = await glClient();
      const own = (
        await least.gql.ok<{ transferCase: { transfer: Transfer } }>(TRANSFER_IN, { input: transferInput(ref()) })
      ).transferCase.transfer;
      const ownDoc = await issue('gl_county', own.caseId);
      const hxDoc = await issue('hx_county', hxCase.id);
      expect((await least.gql.error(DOCS, { caseId: own.caseId })).extensions?.code).toBe('FORBIDDEN');
      expect((await least.gql.error(DOC, { id: ownDoc.id })).extensions?.code).toBe('FORBIDDEN');
      expect((await download(least.secret, ownDoc.downloadUrl)).status).toBe(403);
      expect((await download(least.secret, hxDoc.downloadUrl)).status).toBe(403);

      // Case reading granted to a 鼓楼区 client: its county's documents (masked copy), never 红星县's.
      const reader = await glClient({ operations: ['TRANSFER_IN', 'TRANSFER_READ', 'CASE_READ'] });
      const listed = (await reader.gql.ok<{ caseDocuments: Doc[] }>(DOCS, { caseId: own.caseId })).caseDocuments;
      expect(listed.map((d) => d.id)).toContain(ownDoc.id);
      const mine = await download(reader.secret, `${ownDoc.downloadUrl}?variant=FULL`);
      expect(mine.status).toBe(200);
      expect(mine.headers.get('content-disposition')).toMatch(/脱敏|%E8%84%B1%E6%95%8F/i);
      expect((await reader.gql.error(DOCS, { caseId: hxCase.id })).extensions?.code).toBe('NOT_FOUND');
      expect((await reader.gql.error(DOC, { id: hxDoc.id })).extensions?.code).toBe('NOT_FOUND');
      const other = await download(reader.secret, hxDoc.downloadUrl);
      const none = await download(reader.secret, '/api/documents/999999999/download');
      expect(other.status).toBe(404);
      expect(none.status).toBe(404);
      expect(await other.text()).toBe(await none.text());
    }, 60_000);

    it('cannot register into a unit outside its subtree', async () => {
      const c = await glClient();
      const err = await c.gql.error(TRANSFER_IN, {
        input: transferInput(ref(), { unitId: String(units.get('HX')!.id) }),
      });
      expect(err.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.unitId' });
    });
  });
  describe('status callbacks (administration)', () => {
    const CREATE_HOOK = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes active version } } }`;
    const HOOKS = `query($id: ID!) { webhookEndpoints(clientId: $id) { id url eventTypes } }`;
    const DELIVERIES = `query($id: ID!) { webhookDeliveries(endpointId: $id) { total items { id messageId caseId caseNo eventType status attempts } } }`;
    const REPLAY_ONE = `mutation($id: ID!) { replayWebhookDelivery(deliveryId: $id) { id status attempts } }`;
    const REPLAY_SINCE = `mutation($id: ID!, $since: DateTime!) { replayWebhookDeliveries(endpointId: $id, since: $since) }`;

    it('subscribes an endpoint (secret shown once), records each transfer-in for it in the same transaction, replays', async () => {
      const c = await glClient();
      const created = (
        await admin.ok<{ createWebhookEndpoint: { secret: string; endpoint: { id: string; eventTypes: string[] } } }>(
          CREATE_HOOK,
          { input: { clientId: c.client.id, url: 'http://127.0.0.1:9/hooks', eventTypes: ['REGISTERED', 'ACCEPTED'] } },
        )
      ).createWebhookEndpoint;
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
      const listed = await admin.ok<{ webhookEndpoints: unknown[] }>(HOOKS, { id: c.client.id });
      expect(JSON.stringify(listed)).not.toContain(created.secret);

      const r = (await c.gql.ok<{ transferCase: { transfer: Transfer } }>(TRANSFER_IN, { input: transferInput(ref()) }))
        .transferCase;
      type Page = {
        webhookDeliveries: {
          total: number;
          items: { id: string; messageId: string; caseId: string; caseNo: string; eventType: string; status: string }[];
        };
      };
      const page = (await admin.ok<Page>(DELIVERIES, { id: created.endpoint.id })).webhookDeliveries;
      expect(page.items).toEqual([
        expect.objectContaining({
          caseId: r.transfer.caseId,
          caseNo: r.transfer.caseNo,
          eventType: 'REGISTERED',
          status: 'PENDING',
        }),
      ]);
      expect(page.items[0]!.messageId).toBe(`msg_${page.items[0]!.id}`);
      await api.ds.query(`UPDATE webhook_delivery SET status = 'FAILED', attempts = 8 WHERE id = ?`, [
        page.items[0]!.id,
      ]);
      const replayed = (
        await admin.ok<{ replayWebhookDelivery: { status: string; attempts: number } }>(REPLAY_ONE, {
          id: page.items[0]!.id,
        })
      ).replayWebhookDelivery;
      expect(replayed).toMatchObject({ status: 'PENDING', attempts: 0 });
      const since = new Date(Date.now() - 3_600_000).toISOString();
      expect(
        (await admin.ok<{ replayWebhookDeliveries: number }>(REPLAY_SINCE, { id: created.endpoint.id, since }))
          .replayWebhookDeliveries,
      ).toBe(1);

      // a county director cannot see it; a client cannot administer itself
      const director = (await loginAs(api.gql, 'gl_director')).client;
      expect((await director.error(DELIVERIES, { id: created.endpoint.id })).extensions?.code).toBe('FORBIDDEN');
      expect((await c.gql.error(DELIVERIES, { id: created.endpoint.id })).extensions?.code).toBe('FORBIDDEN');
    });

    it('rejects an endpoint that is not an http(s) address, on its field', async () => {
      const c = await glClient();
      const err = await admin.error(CREATE_HOOK, {
        input: { clientId: c.client.id, url: 'ftp://example.org/x', eventTypes: ['REGISTERED'] },
      });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    });
  });
});
