import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { fileProblem, sanitiseFileName, sniffMediaType } from '../../shared/document-rules.ts';
import { document, documentKind, site, student, user } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let uploadDir: string;
let kinds: { domicile: string; photo: string };
let hugoId: string;
const MB = 1024 * 1024;

before(async () => {
  uploadDir = mkdtempSync(join(tmpdir(), 'portee-uploads-'));
  t = await createTestApp({ env: { UPLOAD_DIR: uploadDir } });
  const [mantes] = await t.db.select().from(site).where(eq(site.name, 'Mantes'));
  const kindId = async (label: string) =>
    (await t.db.select().from(documentKind).where(and(eq(documentKind.siteId, mantes.id), eq(documentKind.label, label))))[0].id;
  kinds = { domicile: await kindId('Justificatif de domicile'), photo: await kindId('Photo') };
  const [demo] = await t.db.select().from(user).where(eq(user.username, 'famille.demo'));
  hugoId = (await t.db.select().from(student).where(and(eq(student.familyId, demo.familyId!), eq(student.firstName, 'Hugo'))))[0].id;
});
after(() => {
  t.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pdf = (text = 'hello') => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
let mutation = 0;
const keyFor = (bytes: Uint8Array, clientId = 'device-test-1') => `${clientId}:${++mutation}:${sha(bytes)}`;

/** All files under the upload directory (the storage shards into two-letter folders). */
function storedFiles(): string[] {
  return readdirSync(uploadDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** The TestClient's cookies, for the multipart requests it cannot make itself. */
const cookieOf = (c: TestClient) => [...(c as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');

async function upload(
  c: TestClient,
  o: { bytes: Uint8Array; name: string; type?: string; kindId?: string; studentId?: string; key?: string; replacesId?: string },
) {
  const form = new FormData();
  form.set('kindId', o.kindId ?? kinds.domicile);
  if (o.studentId) form.set('studentId', o.studentId);
  if (o.replacesId) form.set('replacesId', o.replacesId);
  form.set('idempotencyKey', o.key ?? keyFor(o.bytes));
  form.set('file', new File([o.bytes as Uint8Array<ArrayBuffer>], o.name, { type: o.type ?? 'application/pdf' }));
  const res = await t.app.request('/api/documents', { method: 'POST', body: form, headers: { cookie: cookieOf(c), 'x-test-client-ip': '127.0.0.1' } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

async function signedIn(account: readonly [string, string], siteName = 'Mantes') {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], siteName)).status, 200);
  return c;
}

describe('type sniffing (shared rules)', () => {
  test('reads the type from the bytes, not the name', () => {
    assert.equal(sniffMediaType(pdf()), 'application/pdf');
    assert.equal(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(sniffMediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'image/png');
    assert.equal(sniffMediaType(new TextEncoder().encode('<!DOCTYPE html><script>')), null);
    assert.equal(sniffMediaType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00])), null);
    assert.equal(sniffMediaType(new TextEncoder().encode('%PDF')), null, 'a truncated signature is not a PDF');
  });

  test('the browser-side check names the accepted types and the limit', () => {
    assert.match(fileProblem(100, new TextEncoder().encode('<html>'), 10 * MB)!, /PDF, JPEG ou PNG de 10 Mo au plus/);
    assert.match(fileProblem(11 * MB, pdf(), 10 * MB)!, /dépasse 10 Mo/);
    assert.equal(fileProblem(100, pdf(), 10 * MB), null);
  });

  test('file names keep their last segment, lose reserved characters and get their real extension', () => {
    assert.equal(sanitiseFileName('../../etc/passwd.pdf', 'application/pdf'), 'passwd.pdf');
    assert.equal(sanitiseFileName('..\\..\\windows\\system32\\a.pdf', 'application/pdf'), 'a.pdf');
    assert.equal(sanitiseFileName('photo.pdf', 'image/jpeg'), 'photo.jpg');
    assert.equal(sanitiseFileName('facture <élec>?.PDF', 'application/pdf'), 'facture élec.PDF');
    assert.equal(sanitiseFileName('...', 'image/png'), 'document.png');
    assert.ok(sanitiseFileName('a'.repeat(500) + '.pdf', 'application/pdf').length <= 120);
  });
});

describe('POST /api/documents', () => {
  test('anonymous → 401, secretariat → 403', async () => {
    const anon = await upload(new TestClient(t.app), { bytes: pdf(), name: 'a.pdf' });
    assert.equal(anon.status, 401);
    const admin = await upload(await signedIn(DEMO.secretariat), { bytes: pdf(), name: 'a.pdf' });
    assert.equal(admin.status, 403);
  });

  test('a PDF is stored under a server-made name and listed by the pull', async () => {
    const c = await signedIn(DEMO.family);
    const bytes = pdf('domicile');
    const r = await upload(c, { bytes, name: 'facture-gaz.pdf' });
    assert.equal(r.status, 201);
    assert.equal(r.body.document.fileName, 'facture-gaz.pdf');
    assert.equal(r.body.document.mediaType, 'application/pdf');
    assert.equal(r.body.document.status, 'received');
    assert.equal(r.body.document.sizeBytes, bytes.byteLength);
    assert.equal(r.body.document.storageKey, undefined, 'the storage key never leaves the server');
    const [row] = await t.db.select().from(document).where(eq(document.id, r.body.document.id));
    assert.match(row.storageKey, /^[0-9a-f-]{36}$/);
    assert.ok(storedFiles().some((f) => f.endsWith(row.storageKey)));
    const pulled = await c.json(`/api/sync?cursor=0`);
    assert.ok(pulled.body.changes.documents.some((d: { id: string }) => d.id === r.body.document.id));
  });

  test('a .pdf that is really HTML, or an executable, is refused with the accepted types and the limit', async () => {
    const c = await signedIn(DEMO.family);
    const before = storedFiles().length;
    const html = await upload(c, { bytes: new TextEncoder().encode('<!DOCTYPE html><html><script>alert(1)</script></html>'), name: 'avis.pdf' });
    assert.equal(html.status, 415);
    assert.equal(html.body.error.code, 'unsupported_type');
    assert.match(html.body.error.fields.file, /PDF, JPEG ou PNG de 10 Mo au plus/);
    const exe = await upload(c, { bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04]), name: 'avis.pdf' });
    assert.equal(exe.status, 415);
    assert.match(exe.body.error.message, /PDF, JPEG ou PNG/);
    assert.equal(storedFiles().length, before, 'nothing was stored');
  });

  test('size limit: a file over 10 MB is refused, by the check and by the body limit', async () => {
    const c = await signedIn(DEMO.family);
    const just = new Uint8Array(10 * MB + 1);
    just.set(pdf());
    const r1 = await upload(c, { bytes: just, name: 'gros.pdf' });
    assert.equal(r1.status, 413);
    assert.match(r1.body.error.fields.file, /dépasse 10 Mo/);
    const far = new Uint8Array(12 * MB);
    far.set(pdf());
    const r2 = await upload(c, { bytes: far, name: 'tres-gros.pdf' });
    assert.equal(r2.status, 413);
    assert.match(r2.body.error.message, /dépasse 10 Mo/);
    const ok = new Uint8Array(10 * MB);
    ok.set(pdf());
    assert.equal((await upload(c, { bytes: ok, name: 'limite.pdf' })).status, 201);
  });

  test('a file name with path characters is only a label, never a path', async () => {
    const c = await signedIn(DEMO.family);
    const r = await upload(c, { bytes: pdf('traversal'), name: '../../etc/passwd.pdf' });
    assert.equal(r.status, 201);
    assert.equal(r.body.document.fileName, 'passwd.pdf');
    const [row] = await t.db.select().from(document).where(eq(document.id, r.body.document.id));
    assert.ok(!row.storageKey.includes('passwd'));
    for (const f of storedFiles()) assert.ok(resolve(f).startsWith(resolve(uploadDir)), f);
    assert.ok(!existsSync(resolve(uploadDir, '../../etc/passwd.pdf')));
    assert.ok(!storedFiles().some((f) => f.includes('passwd')));
  });

  test('a replayed upload (same idempotency key) is stored once', async () => {
    const c = await signedIn(DEMO.family);
    const bytes = pdf('replay');
    const key = keyFor(bytes, 'device-replay');
    const before = storedFiles().length;
    const first = await upload(c, { bytes, name: 'assurance.pdf', key });
    assert.equal(first.status, 201);
    const again = await upload(c, { bytes, name: 'assurance.pdf', key });
    assert.equal(again.status, 200);
    assert.equal(again.body.replay, true);
    assert.equal(again.body.document.id, first.body.document.id);
    const both = await Promise.all([upload(c, { bytes, name: 'assurance.pdf', key }), upload(c, { bytes, name: 'assurance.pdf', key })]);
    assert.deepEqual(both.map((r) => r.status), [200, 200]);
    const rows = await t.db.select().from(document).where(eq(document.sha256, sha(bytes)));
    assert.equal(rows.length, 1);
    assert.equal(storedFiles().length, before + 1);
    // Another key for the same bytes is another upload (the family sent it again on purpose).
    assert.equal((await upload(c, { bytes, name: 'assurance.pdf' })).status, 201);
  });

  test('the key must carry the SHA-256 of the bytes that arrived', async () => {
    const c = await signedIn(DEMO.family);
    const r = await upload(c, { bytes: pdf('x'), name: 'a.pdf', key: `device-test-1:999:${'0'.repeat(64)}` });
    assert.equal(r.status, 422);
    assert.ok(r.body.error.fields.file);
  });

  test('the kind must fit the owner, and the student must be the family’s', async () => {
    const c = await signedIn(DEMO.family);
    const noStudent = await upload(c, { bytes: pdf('p'), name: 'p.pdf', kindId: kinds.photo });
    assert.equal(noStudent.status, 422);
    assert.ok(noStudent.body.error.fields.kindId);
    const missingKind = await upload(c, { bytes: pdf('p'), name: 'p.pdf', kindId: ' ' });
    assert.equal(missingKind.status, 422);
    assert.equal(missingKind.body.error.fields.kindId, 'Choisissez le type de document.');
    const martin = await signedIn(DEMO.martin);
    const foreign = await upload(martin, { bytes: pdf('p'), name: 'p.pdf', kindId: kinds.photo, studentId: hugoId });
    assert.equal(foreign.status, 404);
    const own = await upload(c, { bytes: pdf('p'), name: 'p.pdf', kindId: kinds.photo, studentId: hugoId });
    assert.equal(own.status, 201);
    assert.equal(own.body.document.studentId, hugoId);
  });

  test('image metadata (EXIF, GPS) is stripped: JPEG and PNG are re-encoded', async () => {
    const c = await signedIn(DEMO.family);
    const exif = { IFD0: { Make: 'PhoneCo', Copyright: 'secret-owner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 59/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '1/1 43/1 0/1' } };
    const jpeg = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).jpeg().withExif(exif).toBuffer());
    const png = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3c3' } }).png().withExif(exif).toBuffer());
    assert.ok((await sharp(jpeg).metadata()).exif, 'the test image does carry EXIF');
    for (const [bytes, type, name] of [[jpeg, 'image/jpeg', 'photo.jpg'], [png, 'image/png', 'photo.png']] as const) {
      const r = await upload(c, { bytes, name, type, kindId: kinds.photo, studentId: hugoId });
      assert.equal(r.status, 201);
      assert.equal(r.body.document.mediaType, type);
      const res = await c.request(`/api/documents/${r.body.document.id}/file`);
      const stored = new Uint8Array(await res.arrayBuffer());
      const meta = await sharp(stored).metadata();
      assert.equal(meta.exif, undefined, `${type}: no EXIF`);
      assert.equal(meta.width, 40);
      assert.ok(!Buffer.from(stored).includes(Buffer.from('PhoneCo')));
      assert.ok(!Buffer.from(stored).includes(Buffer.from('secret-owner')));
      assert.equal(r.body.document.sha256, sha(stored));
    }
  });

  test('an image that does not decode is refused', async () => {
    const c = await signedIn(DEMO.family);
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const r = await upload(c, { bytes: broken, name: 'x.jpg', type: 'image/jpeg', kindId: kinds.photo, studentId: hugoId });
    assert.equal(r.status, 422);
    assert.match(r.body.error.fields.file, /illisible/);
  });
});

describe('GET /api/documents/:id/file', () => {
  test('download headers: attachment with an RFC 5987 name, the real type, nosniff, not cached', async () => {
    const c = await signedIn(DEMO.family);
    const bytes = pdf('download');
    const r = await upload(c, { bytes, name: 'Attestation élève "2026".pdf' });
    assert.equal(r.status, 201);
    const res = await c.request(`/api/documents/${r.body.document.id}/file`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('cache-control')!, /no-store/);
    const cd = res.headers.get('content-disposition')!;
    assert.match(cd, /^attachment; /);
    assert.match(cd, /filename\*=UTF-8''Attestation%20%C3%A9l%C3%A8ve%202026\.pdf/);
    assert.match(cd, /filename="Attestation eleve 2026\.pdf"/);
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes);
  });

  test('another family’s document → 404 without its content; the secretariat is not a family → 403', async () => {
    const c = await signedIn(DEMO.family);
    const r = await upload(c, { bytes: pdf('private'), name: 'impots-lefevre.pdf' });
    const martin = await signedIn(DEMO.martin);
    const res = await martin.request(`/api/documents/${r.body.document.id}/file`);
    assert.equal(res.status, 404);
    const text = await res.text();
    assert.ok(!text.includes('impots') && !text.includes('%PDF'));
    assert.equal((await martin.request(`/api/documents/inconnu/file`)).status, 404);
    const admin = await signedIn(DEMO.secretariat);
    assert.equal((await admin.request(`/api/documents/${r.body.document.id}/file`)).status, 403);
    assert.equal((await new TestClient(t.app).request(`/api/documents/${r.body.document.id}/file`)).status, 401);
  });

  test('a document whose bytes are gone (seeded metadata only) → 404', async () => {
    const c = await signedIn(DEMO.family);
    const [demo] = await t.db.select().from(user).where(eq(user.username, 'famille.demo'));
    const [seeded] = await t.db.select().from(document).where(and(eq(document.familyId, demo.familyId!), eq(document.fileName, 'avis-imposition-revenus.pdf')));
    assert.equal((await c.request(`/api/documents/${seeded.id}/file`)).status, 404);
  });
});
