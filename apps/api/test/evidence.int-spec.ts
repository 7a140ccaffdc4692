import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseEntity, CaseEventEntity, CaseEvidenceEntity } from '@weiquan/core';
import { GqlClient, insertCase, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const MAX_BYTES = 64 * 1024;
const MISSING_ID = '99999999999';
const CASE_EVIDENCE = `query($caseId: ID!) { caseEvidence(caseId: $caseId) { id caseId fileName contentType sizeBytes sha256 description uploadedAt downloadUrl } }`;

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
const png = (n = 512) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(n - 8, 7)]);
const pdf = (text = '证据') => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`, 'utf8');
// What a Windows executable starts with: "MZ", the DOS header (zeros) and the DOS stub message.
const exe = () =>
  Buffer.concat([
    Buffer.from('MZ'),
    Buffer.alloc(58),
    Buffer.from([0x80, 0, 0, 0]),
    Buffer.from('This program cannot be run in DOS mode.\r\n'),
    Buffer.alloc(400),
  ]);

interface FilePart {
  body: Buffer;
  name: string;
  type: string;
  field?: string;
}

describe('Evidence files over REST', () => {
  let api: TestApi;
  let storageDir: string;
  let glCase: CaseEntity;
  const token: Record<string, string> = {};
  let glGql: GqlClient;

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'wq-evidence-'));
    api = await startTestApi({ STORAGE_DIR: storageDir, EVIDENCE_MAX_BYTES: String(MAX_BYTES) });
    glCase = await insertCase(api.ds, { unitCode: 'GL-T1', intakeUnitCode: 'GL' });
    for (const user of ['gl_county', 'gl_station', 'hx_county', 'hx_station', 'supervisor']) {
      const session = await loginAs(api.gql, user);
      token[user] = session.accessToken;
      if (user === 'gl_county') glGql = session.client;
    }
  });
  afterAll(async () => {
    await api?.close();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  async function upload(user: string | null, caseId: string, file: FilePart | null, description?: string) {
    const form = new FormData();
    if (file) form.append(file.field ?? 'file', new Blob([file.body], { type: file.type }), file.name);
    if (description !== undefined) form.append('description', description);
    const res = await fetch(`${api.url}/api/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: user ? { authorization: `Bearer ${token[user]}` } : {},
      body: form,
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  const download = (user: string | null, id: string) =>
    fetch(`${api.url}/api/evidence/${id}/download`, {
      headers: user ? { authorization: `Bearer ${token[user]}` } : {},
    });

  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
  }
  const evidenceRows = () => api.ds.getRepository(CaseEvidenceEntity).count();

  /** Runs a refused upload and checks it left no row, no timeline entry and no file. */
  async function refused(run: () => Promise<{ status: number; body: Record<string, any> }>) {
    const [rows, files, events] = [
      await evidenceRows(),
      await storedFiles(),
      await api.ds.getRepository(CaseEventEntity).count(),
    ];
    const res = await run();
    expect(await evidenceRows()).toBe(rows);
    expect(await storedFiles()).toEqual(files);
    expect(await api.ds.getRepository(CaseEventEntity).count()).toBe(events);
    return res;
  }

  describe('round trip', () => {
    it('stores an upload, lists it, and returns the same bytes with the recorded SHA-256', async () => {
      const body = png(4000);
      const up = await upload(
        'gl_county',
        glCase.id,
        { body, name: 'photo.png', type: 'image/png' },
        '  商品破损照片 ',
      );
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({
        caseId: glCase.id,
        fileName: 'photo.png',
        contentType: 'image/png',
        sizeBytes: body.length,
        sha256: sha256(body),
        description: '商品破损照片',
        downloadUrl: `/api/evidence/${up.body.id}/download`,
      });

      const row = await api.ds.getRepository(CaseEvidenceEntity).findOneByOrFail({ id: up.body.id });
      expect(row.storageKey).toMatch(new RegExp(`^cases/${glCase.id}/[0-9a-f-]{36}$`));
      expect(await storedFiles()).toContain(join(storageDir, ...row.storageKey.split('/')));
      const event = await api.ds
        .getRepository(CaseEventEntity)
        .findOneByOrFail({ caseId: glCase.id, action: 'uploadEvidence' });
      expect(event.detail).toEqual({
        evidenceId: up.body.id,
        fileName: 'photo.png',
        contentType: 'image/png',
        sizeBytes: body.length,
        sha256: sha256(body),
      });
      expect(event.actorName).toBe('鼓楼区受理员');

      const { caseEvidence } = await glGql.ok<{ caseEvidence: Record<string, unknown>[] }>(CASE_EVIDENCE, {
        caseId: glCase.id,
      });
      expect(caseEvidence).toContainEqual(up.body);

      // the station holding the case reads it too
      const res = await download('gl_station', up.body.id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('content-length')).toBe(String(body.length));
      expect(res.headers.get('x-content-sha256')).toBe(sha256(body));
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="photo.png"; filename*=UTF-8''photo.png`,
      );
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.equals(body)).toBe(true);
      expect(sha256(bytes)).toBe(res.headers.get('x-content-sha256'));
    });

    it('keeps a Chinese file name through upload, GraphQL and Content-Disposition', async () => {
      const name = '购物小票（2026年3月）发票 #1.pdf';
      const body = pdf();
      const up = await upload('gl_station', glCase.id, { body, name, type: 'application/pdf' });
      expect(up.status).toBe(201);
      expect(up.body.fileName).toBe(name);
      const { caseEvidence } = await glGql.ok<{ caseEvidence: { id: string; fileName: string }[] }>(CASE_EVIDENCE, {
        caseId: glCase.id,
      });
      expect(caseEvidence.find((e) => e.id === up.body.id)?.fileName).toBe(name);

      const res = await download('gl_county', up.body.id);
      expect(res.status).toBe(200);
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1])).toBe(name);
      expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
    });

    it('accepts a file of exactly the size limit, and octet-stream by its extension', async () => {
      const body = png(MAX_BYTES);
      const up = await upload('gl_county', glCase.id, { body, name: 'exact.png', type: 'application/octet-stream' });
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ sizeBytes: MAX_BYTES, contentType: 'image/png', sha256: sha256(body) });
    });
  });

  describe('refusals', () => {
    it('answers 413 FILE_TOO_LARGE for one byte over the limit and stores nothing', async () => {
      const res = await refused(() =>
        upload('gl_county', glCase.id, { body: png(MAX_BYTES + 1), name: 'big.png', type: 'image/png' }),
      );
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ code: 'FILE_TOO_LARGE', message: '文件超过 64 KB 的大小上限', field: 'file' });
    });

    it('answers 415 FILE_TYPE_NOT_ALLOWED for a type not on the list', async () => {
      for (const file of [
        { body: exe(), name: 'setup.exe', type: 'application/x-msdownload' },
        { body: Buffer.from('PK\x03\x04zip', 'latin1'), name: 'a.zip', type: 'application/zip' },
        { body: Buffer.from('<svg onload=alert(1)>'), name: 'x.svg', type: 'image/svg+xml' },
        { body: exe(), name: 'setup.exe', type: 'application/octet-stream' },
      ]) {
        const res = await refused(() => upload('gl_county', glCase.id, file));
        expect(res.status).toBe(415);
        expect(res.body).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', field: 'file' });
      }
    });

    it('refuses an .exe renamed to .png (or .pdf, .txt) by its bytes', async () => {
      for (const [name, type] of [
        ['photo.png', 'image/png'],
        ['合同.pdf', 'application/pdf'],
        ['notes.txt', 'text/plain'],
        ['rec.mp3', 'audio/mpeg'],
      ]) {
        const res = await refused(() => upload('gl_county', glCase.id, { body: exe(), name, type }));
        expect(res.status).toBe(415);
        expect(res.body).toEqual({ code: 'FILE_TYPE_NOT_ALLOWED', message: '文件内容与文件类型不符', field: 'file' });
      }
      // a JPEG declared as PNG is not a PNG either
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
      expect(
        (await refused(() => upload('gl_county', glCase.id, { body: jpeg, name: 'a.png', type: 'image/png' }))).status,
      ).toBe(415);
    });

    it('answers 400 for an empty file, a missing file, a wrong field name and a long description', async () => {
      const empty = await refused(() =>
        upload('gl_county', glCase.id, { body: Buffer.alloc(0), name: 'empty.png', type: 'image/png' }),
      );
      expect(empty.status).toBe(400);
      expect(empty.body).toEqual({ code: 'FILE_EMPTY', message: '文件是空的', field: 'file' });

      const none = await refused(() => upload('gl_county', glCase.id, null, '只有说明'));
      expect(none.status).toBe(400);
      expect(none.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });

      const wrongField = await refused(() =>
        upload('gl_county', glCase.id, { body: png(), name: 'a.png', type: 'image/png', field: 'upload' }),
      );
      expect(wrongField.status).toBe(400);
      expect(wrongField.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });

      const long = await refused(() =>
        upload('gl_county', glCase.id, { body: png(), name: 'a.png', type: 'image/png' }, '说'.repeat(201)),
      );
      expect(long.status).toBe(400);
      expect(long.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    });

    it('refuses evidence on an archived case with 409', async () => {
      const archived = await insertCase(api.ds, { unitCode: 'GL-T1', intakeUnitCode: 'GL', state: 'ARCHIVED' });
      const res = await refused(() =>
        upload('gl_county', archived.id, { body: png(), name: 'late.png', type: 'image/png' }),
      );
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', field: 'caseId' });
    });
  });

  describe('access', () => {
    let glEvidenceId: string;
    beforeAll(async () => {
      const up = await upload('gl_county', glCase.id, {
        body: pdf('鼓楼'),
        name: '鼓楼证据.pdf',
        type: 'application/pdf',
      });
      expect(up.status).toBe(201);
      glEvidenceId = up.body.id;
    });

    it.each(['hx_county', 'hx_station'])(
      'gives %s of another county the answer a missing id gets, for upload, download and listing',
      async (user) => {
        const other = await refused(() => upload(user, glCase.id, { body: png(), name: 'x.png', type: 'image/png' }));
        const missing = await refused(() =>
          upload(user, MISSING_ID, { body: png(), name: 'x.png', type: 'image/png' }),
        );
        expect(other.status).toBe(404);
        expect(other).toEqual(missing);
        expect(other.body).toEqual({ code: 'NOT_FOUND', message: '案件不存在', field: 'caseId' });
        // even a file that would be refused anyway says nothing more about the case
        const otherBad = await refused(() =>
          upload(user, glCase.id, { body: exe(), name: 'x.png', type: 'image/png' }),
        );
        expect(otherBad).toEqual(missing);

        const dl = await download(user, glEvidenceId);
        const dlMissing = await download(user, MISSING_ID);
        expect(dl.status).toBe(404);
        expect(dlMissing.status).toBe(404);
        const [dlBody, missingBody] = [await dl.text(), await dlMissing.text()];
        expect(dlBody).toBe(missingBody);
        expect(JSON.parse(dlBody)).toEqual({ code: 'NOT_FOUND', message: '证据不存在', field: 'id' });
        expect(dl.headers.get('x-content-sha256')).toBeNull();
        expect((await download(user, 'not-a-number')).status).toBe(404);

        const gql = api.gql.withBearer(token[user]);
        const listed = await gql.error(CASE_EVIDENCE, { caseId: glCase.id });
        const listedMissing = await gql.error(CASE_EVIDENCE, { caseId: MISSING_ID });
        expect(listed.extensions).toEqual({ code: 'NOT_FOUND', field: 'caseId' });
        expect(listed.message).toBe(listedMissing.message);
        expect(listed.extensions).toEqual(listedMissing.extensions);
      },
    );

    it('answers 401 without credentials and 403 to a role that may read but not handle', async () => {
      const anon = await refused(() => upload(null, glCase.id, { body: png(), name: 'a.png', type: 'image/png' }));
      expect(anon.status).toBe(401);
      expect(anon.body).toMatchObject({ code: 'UNAUTHENTICATED' });
      const anonDl = await download(null, glEvidenceId);
      expect(anonDl.status).toBe(401);
      expect(await anonDl.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      const badToken = await fetch(`${api.url}/api/evidence/${glEvidenceId}/download`, {
        headers: { authorization: 'Bearer not.a.jwt' },
      });
      expect(badToken.status).toBe(401);

      const supervisor = await refused(() =>
        upload('supervisor', glCase.id, { body: png(), name: 'a.png', type: 'image/png' }),
      );
      expect(supervisor.status).toBe(403);
      expect(supervisor.body).toMatchObject({ code: 'FORBIDDEN' });
      expect((await download('supervisor', glEvidenceId)).status).toBe(200);
    });
  });

  describe('integrity', () => {
    it('answers 500 instead of the file when a small stored file no longer matches its checksum', async () => {
      const body = pdf('原件');
      const up = await upload('gl_county', glCase.id, { body, name: 'tamper.pdf', type: 'application/pdf' });
      const row = await api.ds.getRepository(CaseEvidenceEntity).findOneByOrFail({ id: up.body.id });
      const tampered = Buffer.from(body);
      tampered[tampered.length - 2] ^= 0xff;
      await writeFile(join(storageDir, ...row.storageKey.split('/')), tampered);

      const res = await download('gl_county', up.body.id);
      expect(res.status).toBe(500);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(await res.json()).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        message: '证据文件读取或校验失败，请联系管理员',
      });
    });

    it('cuts a large download before its last bytes when the stored file no longer matches', async () => {
      // Larger than one read chunk, so bytes (and headers) are already out when the mismatch shows.
      const body = png(1024 * 1024);
      const key = `cases/${glCase.id}/00000000-0000-4000-8000-${Date.now().toString().padStart(12, '0').slice(-12)}`;
      const tampered = Buffer.from(body);
      tampered[tampered.length - 1] ^= 0xff;
      await mkdir(join(storageDir, 'cases', glCase.id), { recursive: true });
      await writeFile(join(storageDir, ...key.split('/')), tampered);
      const { identifiers } = await api.ds.getRepository(CaseEvidenceEntity).insert({
        caseId: glCase.id,
        fileName: 'big.png',
        contentType: 'image/png',
        sizeBytes: body.length,
        sha256: sha256(body),
        storageKey: key,
        uploadedAt: new Date(),
      });

      const res = await download('gl_county', String(identifiers[0].id));
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-sha256')).toBe(sha256(body));
      await expect(res.arrayBuffer()).rejects.toThrow();
    });

    it('answers 500 when the stored file is missing', async () => {
      const up = await upload('gl_county', glCase.id, { body: pdf(), name: 'gone.pdf', type: 'application/pdf' });
      const row = await api.ds.getRepository(CaseEvidenceEntity).findOneByOrFail({ id: up.body.id });
      await rm(join(storageDir, ...row.storageKey.split('/')));
      const res = await download('gl_county', up.body.id);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: '证据文件缺失，请联系管理员' });
    });
  });
});
