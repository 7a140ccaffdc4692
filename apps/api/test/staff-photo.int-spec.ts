import { PublicStaffCardEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

// #16 人员状态公示栏 photos: uploaded in the console (JPEG/PNG by their bytes, at most 2 MB), scoped like the
// card (a county: its subtree), served on the public staff board by a random ref, removed again.
const ORG = `{ orgUnits { id code } }`;
const SAVE = `mutation($input: SaveStaffCardInput!) { saveStaffCard(input: $input) { id version photoUrl } }`;
const CARDS = `query($u: ID!) { staffCards(unitId: $u) { id version photoUrl } }`;
const PUBLIC = `query($k: String) { publicServicePoints(keyword: $k) { name staff { name photoUrl } } }`;

// A real 1×1 PNG and the start of a JPEG; an executable renamed .png; a GIF (an image, but not allowed).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100, 0)]);

describe('人员状态公示栏 photos', () => {
  let api: TestApi;
  let gl: GqlClient;
  let hx: GqlClient;
  const token: Record<string, string> = {};
  let units: { id: string; code: string }[];

  beforeAll(async () => {
    api = await startTestApi();
    for (const who of ['gl_county', 'hx_county', 'gl_station']) {
      const s = await loginAs(api.gql, who);
      token[who] = s.accessToken;
      if (who === 'gl_county') gl = s.client;
      if (who === 'hx_county') hx = s.client;
    }
    units = (await gl.ok<{ orgUnits: typeof units }>(ORG)).orgUnits;
  });
  afterAll(() => api?.close());

  const unit = (code: string) => units.find((u) => u.code === code)!.id;
  const upload = async (who: string, cardId: string, bytes: Buffer, name: string, type: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    const res = await fetch(`${api.url}/api/staff-cards/${cardId}/photo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token[who]}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const remove = async (who: string, cardId: string) =>
    (
      await fetch(`${api.url}/api/staff-cards/${cardId}/photo`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token[who]}` },
      })
    ).status;
  const newCard = async (name: string) =>
    (
      await gl.ok<{ saveStaffCard: { id: string; version: number } }>(SAVE, {
        input: { unitId: unit('GL-T1'), name, post: '站点工作人员', onDuty: true },
      })
    ).saveStaffCard;

  it('a county uploads a photo, the public board serves it by ref, a new one replaces it, and it can be removed', async () => {
    const name = `照片${Date.now().toString(36)}`;
    const card = await newCard(name);
    const up = await upload('gl_county', card.id, PNG, '工作照.png', 'image/png');
    expect(up).toMatchObject({ status: 201, body: { version: card.version + 1 } });
    const url = String(up.body.photoUrl);
    expect(url).toMatch(/^\/api\/public\/staff-photos\/[0-9a-f]{16}$/);
    expect(url).not.toMatch(new RegExp(`/${card.id}$`));

    const points = (await api.gql.ok<{ publicServicePoints: any[] }>(PUBLIC, { k: '鼓东' })).publicServicePoints;
    const member = points.flatMap((p) => p.staff).find((s: any) => s.name === name);
    expect(member.photoUrl).toBe(url);
    const img = await fetch(`${api.url}${url}`); // no login
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);

    // A JPEG sent as application/octet-stream with a .jpg name is taken by its extension and bytes.
    const second = await upload('gl_county', card.id, JPEG, 'photo.jpg', 'application/octet-stream');
    expect(second.status).toBe(201);
    expect(second.body.photoUrl).not.toBe(url);
    expect((await fetch(`${api.url}${url}`)).status).toBe(404); // the old ref is gone
    const jpeg = await fetch(`${api.url}${String(second.body.photoUrl)}`);
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');

    expect(await remove('gl_county', card.id)).toBe(200);
    const after = (await gl.ok<{ staffCards: any[] }>(CARDS, { u: unit('GL-T1') })).staffCards.find(
      (c) => c.id === card.id,
    );
    expect(after).toMatchObject({ photoUrl: null, version: card.version + 3 });
    expect((await fetch(`${api.url}${String(second.body.photoUrl)}`)).status).toBe(404);
    expect(await remove('gl_county', card.id)).toBe(409);
    const audit = (await api.ds.query(
      `SELECT action FROM audit_event WHERE action LIKE 'publicBoard.photo%' AND detail LIKE ? ORDER BY id`,
      [`%${name}%`],
    )) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['publicBoard.photo', 'publicBoard.photo', 'publicBoard.photoRemove']);
  });

  it('refuses other types by their bytes, files over 2 MB and empty uploads, storing nothing', async () => {
    const card = await newCard(`拒收${Date.now().toString(36)}`);
    const refused = async (bytes: Buffer, name: string, type: string) => {
      const r = await upload('gl_county', card.id, bytes, name, type);
      return [r.status, r.body.code, r.body.field];
    };
    expect(await refused(EXE, 'me.png', 'image/png')).toEqual([415, 'FILE_TYPE_NOT_ALLOWED', 'file']);
    expect(await refused(GIF, 'me.gif', 'image/gif')).toEqual([415, 'FILE_TYPE_NOT_ALLOWED', 'file']);
    expect(await refused(PNG, 'me.jpg', 'image/jpeg')).toEqual([415, 'FILE_TYPE_NOT_ALLOWED', 'file']);
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024, 0)]);
    const tooBig = await upload('gl_county', card.id, big, 'big.png', 'image/png');
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'FILE_TOO_LARGE', field: 'file' } });
    expect(String(tooBig.body.message)).toContain('2 MB');
    expect((await upload('gl_county', card.id, Buffer.alloc(0), 'none.png', 'image/png')).status).toBe(400);
    const row = await api.ds.getRepository(PublicStaffCardEntity).findOneByOrFail({ id: Number(card.id) });
    expect(row).toMatchObject({ photoKey: null, photoRef: null, version: card.version });
  });

  it('keeps another county and a station out', async () => {
    const card = await newCard(`越权${Date.now().toString(36)}`);
    expect((await upload('hx_county', card.id, PNG, 'x.png', 'image/png')).status).toBe(404);
    expect((await upload('gl_station', card.id, PNG, 'x.png', 'image/png')).status).toBe(403);
    expect(await remove('hx_county', card.id)).toBe(404);
    await upload('gl_county', card.id, PNG, 'x.png', 'image/png');
    expect(await remove('hx_county', card.id)).toBe(404);
    expect((await hx.error(CARDS, { u: unit('GL-T1') })).extensions?.code).toBe('NOT_FOUND');
    const row = await api.ds.getRepository(PublicStaffCardEntity).findOneByOrFail({ id: Number(card.id) });
    expect(row.photoRef).toMatch(/^[0-9a-f]{16}$/);
    // An unknown or malformed ref answers 404 without a login.
    expect((await fetch(`${api.url}/api/public/staff-photos/ffffffffffffffff`)).status).toBe(404);
    expect((await fetch(`${api.url}/api/public/staff-photos/..%2F..%2Fetc`)).status).toBe(404);
  });
});
