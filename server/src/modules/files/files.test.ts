import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execute, parse } from 'graphql';
import { Arg, buildSchema, Ctx, ID, Query, Resolver } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/context.js';
import { createLogger } from '../../core/logger.js';
import type { Viewer } from '../../core/auth/viewer.js';
import { SESSION_COOKIE } from '../../core/auth/credentials.js';
import { actors, startTestServer, type TestServer } from '../../../test/harness.js';
import { DateTimeScalar } from '../../core/graphql/scalars.js';
import { Loaders } from '../../core/orm/loaders.js';
import { SessionService } from '../identity/session.service.js';
import { cmsSignatureKind } from './content-types.js';
import { registerFileAccess } from './file-access.js';
import { attachmentDisposition, sanitizeFileName } from './file-name.js';
import { StoredFileResolver } from './files.resolver.js';
import { FileGqlType } from './files.type.js';
import { claimUploads, MAX_UNCLAIMED_PER_USER, UNCLAIMED_TTL_MS } from './files.service.js';
import { sweepUnclaimed } from './sweeper.js';
import { DiskFileStorage } from './storage.js';
import { StoredFile } from './stored-file.entity.js';

/** Uploads and downloads over real HTTP, with the bytes on a real disk and the rows in PostgreSQL. */

const LIMIT = 256 * 1024;
let server: TestServer;
let filesDir: string;
let tokens: Record<string, string>;

beforeAll(async () => {
  filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kabinet-files-'));
  server = await startTestServer({
    demo: true,
    env: { FILES_DIR: filesDir, UPLOAD_MAX_BYTES: String(LIMIT) },
  });
  ({ tokens } = await actors(server, ['employee', 'other', 'hr', 'guest', 'accountant']));
});
afterAll(async () => {
  await server?.close();
  if (filesDir) await fs.rm(filesDir, { recursive: true, force: true });
});

// --- sample files, built here so each is exactly what its test says ---------------------------

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);
/** A 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a Linux executable. */
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script>');

/** A zip of stored (uncompressed) entries, as an office suite writes its documents. */
function zip(entries: { name: string; data: string | Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = Buffer.from(entry.data);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralDirectory = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralDirectory, end]);
}

const docx = zip([
  {
    name: '[Content_Types].xml',
    data:
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  },
  { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
  { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document/>' },
]);
const odt = zip([
  { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
  { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content/>' },
]);
const plainZip = zip([{ name: 'setup.exe', data: elf }]);

/** A DER element. */
function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const length =
    body.length < 0x80
      ? Buffer.from([body.length])
      : body.length < 0x100
        ? Buffer.from([0x81, body.length])
        : Buffer.from([0x82, body.length >> 8, body.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}
const oid = (...bytes: number[]) => der(0x06, Buffer.from(bytes));
const pkcs7 = (last: number) => oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, last);
/** A CMS SignedData as signing software writes it: detached, or wrapping the signed document. */
function cmsSignature(detached: boolean): Buffer {
  const encapsulated = detached
    ? der(0x30, pkcs7(1))
    : der(0x30, pkcs7(1), der(0xa0, der(0x04, elf)));
  const signedData = der(
    0x30,
    der(0x02, Buffer.from([1])),
    der(0x31, der(0x30, oid(0x2a, 0x85, 0x03, 0x07, 0x01, 0x01, 0x02, 0x02))),
    encapsulated,
    der(0xa0, der(0x04, Buffer.alloc(400, 0x5a))),
    der(0x31, der(0x30, der(0x02, Buffer.from([1])), der(0x04, Buffer.alloc(64, 0x11)))),
  );
  return der(0x30, pkcs7(2), der(0xa0, signedData));
}

// --- helpers ------------------------------------------------------------------------------------

interface UploadOptions {
  name?: string;
  type?: string;
  token?: string;
  /** Send the session as the cookie (a browser), with these headers. */
  cookie?: { token: string; origin?: string; requestedWith?: string };
  parts?: { field: string; data: Buffer; name?: string; type?: string }[];
}

async function upload(data: Buffer, options: UploadOptions = {}) {
  const form = new FormData();
  const parts = options.parts ?? [
    {
      field: 'file',
      data,
      name: options.name ?? 'document.bin',
      type: options.type ?? 'application/octet-stream',
    },
  ];
  for (const part of parts) {
    if (part.name === undefined) form.append(part.field, part.data.toString());
    else form.append(part.field, new Blob([part.data], { type: part.type ?? '' }), part.name);
  }
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.cookie) {
    headers['cookie'] = `${SESSION_COOKIE}=${options.cookie.token}`;
    if (options.cookie.origin) headers['origin'] = options.cookie.origin;
    if (options.cookie.requestedWith) headers['x-requested-with'] = options.cookie.requestedWith;
  }
  const response = await fetch(`${server.url}/files`, { method: 'POST', body: form, headers });
  const body = (await response.json()) as {
    id: string;
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    error?: { code: string; message: string; field?: (string | number)[] };
  };
  return { status: response.status, body, headers: response.headers };
}

const download = (id: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/files/${id}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Every regular file under FILES_DIR, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await fs.readdir(filesDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

const rowCount = () => server.orm.em.fork().count(StoredFile, {});

/** An upload that must be refused: answers `status` and `code`, and leaves no bytes and no row. */
type ErrorBody = { error?: { code: string; message: string; field?: (string | number)[] } };

async function expectRefused(
  attempt: () => Promise<{ status: number; body: ErrorBody }>,
  status: number,
  code: string,
) {
  const [disk, rows] = [await filesOnDisk(), await rowCount()];
  const { status: actual, body } = await attempt();
  expect({ status: actual, code: body.error?.code }).toEqual({ status, code });
  expect(await filesOnDisk()).toEqual(disk);
  expect(await rowCount()).toBe(rows);
  return body;
}

const viewerOf = async (token: string): Promise<Viewer> => {
  const session = await new SessionService(server.orm.em.fork(), {
    idleMinutes: 30,
    maxHours: 12,
  }).resolve(token);
  return session.viewer!;
};

// --- tests --------------------------------------------------------------------------------------

describe('POST /files', () => {
  it('stores a PDF: the row, and the same bytes on disk under a server-made key', async () => {
    const { status, body, headers } = await upload(pdf, {
      name: 'Заявление на отпуск.pdf',
      type: 'application/pdf',
      token: tokens['employee'],
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: body.id,
      fileName: 'Заявление на отпуск.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('location')).toBe(`/files/${body.id}`);

    const row = await server.orm.em.fork().findOneOrFail(StoredFile, body.id);
    const viewer = await viewerOf(tokens['employee']!);
    expect(row.uploadedBy.id).toBe(viewer.userId);
    expect(row.organization.id).toBe(viewer.organizationId);
    expect(row.claimedAt).toBeNull();
    expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
    const onDisk = await fs.readFile(path.join(filesDir, row.storageKey));
    expect(onDisk.equals(pdf)).toBe(true);
    expect(sha256(onDisk)).toBe(row.sha256);
    // Nothing left in the temporary directory.
    expect(await fs.readdir(path.join(filesDir, 'tmp'))).toEqual([]);
  });

  it('stores a PNG sent by a browser: the cookie with our Origin and X-Requested-With', async () => {
    const { status, body } = await upload(png, {
      name: 'скан.png',
      type: 'image/png',
      cookie: { token: tokens['employee']!, origin: server.url, requestedWith: 'kabinet' },
    });
    expect(status).toBe(201);
    expect(body.contentType).toBe('image/png');
    const row = await server.orm.em.fork().findOneOrFail(StoredFile, body.id);
    expect((await fs.readFile(path.join(filesDir, row.storageKey))).equals(png)).toBe(true);
  });

  it('recognises DOCX, ODT and detached signatures (DER and Base64) by their contents', async () => {
    const cases = [
      { data: docx, name: 'Приказ.docx', type: '', mime: /wordprocessingml\.document$/ },
      { data: odt, name: 'Справка.odt', type: '', mime: /opendocument\.text$/ },
      {
        data: cmsSignature(true),
        name: 'Заявление.pdf.sig',
        type: 'application/pgp-signature',
        mime: /^application\/pkcs7-signature$/,
      },
      {
        data: Buffer.from(cmsSignature(true).toString('base64').replace(/.{64}/g, '$&\r\n')),
        name: 'Заявление.pdf.sig',
        type: '',
        mime: /^application\/pkcs7-signature$/,
      },
    ];
    for (const sample of cases) {
      const { status, body } = await upload(sample.data, {
        name: sample.name,
        type: sample.type,
        token: tokens['employee'],
      });
      expect({ status, name: body.fileName }).toEqual({ status: 201, name: sample.name });
      expect(body.contentType).toMatch(sample.mime);
    }
  });

  it('accepts a hand-written part: no Content-Type, the name as RFC 5987 filename*', async () => {
    const name = 'Справка с места работы.pdf';
    const body = Buffer.concat([
      Buffer.from(
        `--b0undary\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(name)}\r\n\r\n`,
      ),
      pdf,
      Buffer.from('\r\n--b0undary--\r\n'),
    ]);
    const response = await fetch(`${server.url}/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens['employee']}`,
        'content-type': 'multipart/form-data; boundary=b0undary',
      },
      body,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ fileName: name, contentType: 'application/pdf' });
  });

  it('names a file after its contents when its name has no extension of its own', async () => {
    const { body } = await upload(pdf, {
      name: 'Приказ № 12 от 01.02.2025',
      token: tokens['employee'],
    });
    expect(body.fileName).toBe('Приказ № 12 от 01.02.2025.pdf');
    const strange = await upload(png, {
      name: 'C:\\Users\\Иван\\..\\скан\u202Egnp.exe',
      token: tokens['employee'],
    });
    // The path is cut, the bidi override dropped; `.exe` is not an allowed type, so .png is added.
    expect(strange.body.fileName).toBe('сканgnp.exe.png');
  });

  it('refuses a file over UPLOAD_MAX_BYTES with 413, leaving nothing on disk', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(LIMIT + 1 - pdf.length, 0x20)]);
    const body = await expectRefused(
      () => upload(big, { name: 'big.pdf', token: tokens['employee'] }),
      413,
      'FILE_TOO_LARGE',
    );
    expect(body.error?.field).toEqual(['file']);
    // Exactly at the limit is fine.
    const exact = await upload(big.subarray(0, LIMIT), {
      name: 'exact.pdf',
      token: tokens['employee'],
    });
    expect({ status: exact.status, size: exact.body.size }).toEqual({ status: 201, size: LIMIT });
  });

  it('refuses a body announced larger than the limit before reading it', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        `${server.url}/files`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokens['employee']}`,
            'content-type': 'multipart/form-data; boundary=xyz',
            'content-length': String(50 * 1024 * 1024),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            resolve({ status: response.statusCode!, body: text });
            request.destroy();
          });
        },
      );
      request.on('error', reject);
      // Only the first bytes of the 50 MiB are ever sent.
      request.write('--xyz\r\n');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'FILE_TOO_LARGE' } });
  });

  it('refuses types off the allow-list with 415, judged by the bytes', async () => {
    for (const [data, name, type] of [
      [elf, 'program', 'application/octet-stream'],
      [elf, 'Справка.pdf', 'application/pdf'],
      [html, 'page.html', 'text/html'],
      [html, 'note.txt', 'text/plain'],
      [plainZip, 'documents.zip', 'application/zip'],
      [cmsSignature(false), 'attached.sig', 'application/pkcs7-signature'],
    ] as const) {
      await expectRefused(
        () => upload(data, { name, type, token: tokens['employee'] }),
        415,
        'FILE_TYPE_NOT_ALLOWED',
      );
    }
  });

  it('refuses a file whose declared type or extension contradicts its contents', async () => {
    const declared = await expectRefused(
      () => upload(png, { name: 'scan.png', type: 'application/pdf', token: tokens['employee'] }),
      415,
      'FILE_TYPE_MISMATCH',
    );
    expect(declared.error?.message).toMatch(/application\/pdf.*image\/png/);
    await expectRefused(
      () => upload(png, { name: 'Справка.pdf', token: tokens['employee'] }),
      415,
      'FILE_TYPE_MISMATCH',
    );
    await expectRefused(
      () => upload(docx, { name: 'Таблица.xlsx', token: tokens['employee'] }),
      415,
      'FILE_TYPE_MISMATCH',
    );
  });

  it('takes exactly one file part named "file"', async () => {
    const one = { field: 'file', data: pdf, name: 'a.pdf', type: 'application/pdf' };
    for (const parts of [
      [one, { ...one, name: 'b.pdf' }],
      [one, { field: 'comment', data: Buffer.from('hello') }],
      [{ ...one, field: 'document' }],
      [{ field: 'file', data: Buffer.from('not a file') }],
    ]) {
      await expectRefused(
        () => upload(pdf, { parts, token: tokens['employee'] }),
        400,
        'BAD_USER_INPUT',
      );
    }
    await expectRefused(
      () => upload(Buffer.alloc(0), { name: 'empty.pdf', token: tokens['employee'] }),
      400,
      'BAD_USER_INPUT',
    );
    const notMultipart = await fetch(`${server.url}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['employee']}`, 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(notMultipart.status).toBe(400);
    expect(await notMultipart.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('needs a session: 401 without one, or with one that is not valid', async () => {
    await expectRefused(() => upload(pdf, { name: 'a.pdf' }), 401, 'UNAUTHENTICATED');
    await expectRefused(
      () => upload(pdf, { name: 'a.pdf', token: 'not-a-session' }),
      401,
      'SESSION_INVALID',
    );
  });

  it('refuses the cookie without our Origin and X-Requested-With: kabinet (CSRF); Bearer needs neither', async () => {
    const token = tokens['employee']!;
    for (const cookie of [
      { token },
      { token, requestedWith: 'kabinet' },
      { token, origin: 'https://evil.example', requestedWith: 'kabinet' },
      { token, origin: server.url },
      { token, origin: server.url, requestedWith: 'XMLHttpRequest' },
    ]) {
      await expectRefused(() => upload(pdf, { name: 'a.pdf', cookie }), 403, 'CSRF_CHECK_FAILED');
    }
    const bearer = await upload(pdf, { name: 'a.pdf', token });
    expect(bearer.status).toBe(201);
  });
});

describe('GET /files/:id', () => {
  const name = 'Справка о доходах «2-НДФЛ» (копия).pdf';
  let fileId: string;
  beforeAll(async () => {
    fileId = (await upload(pdf, { name, token: tokens['employee'] })).body.id;
  });

  it('streams the file to its uploader with its type, size, hash and Cyrillic name', async () => {
    const response = await download(fileId, tokens['employee']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('etag')).toBe(`"${sha256(pdf)}"`);
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe(name);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);

    const again = await download(fileId, tokens['employee'], {
      'if-none-match': `"${sha256(pdf)}"`,
    });
    expect(again.status).toBe(304);
  });

  it('answers 404 to anyone else, as for a file that does not exist, and journals the refusal', async () => {
    for (const who of ['other', 'hr', 'accountant']) {
      const response = await download(fileId, tokens[who]);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    const unknown = await download('01900000-0000-7000-8000-000000000000', tokens['employee']);
    expect(unknown.status).toBe(404);
    expect((await download('payslips', tokens['employee'])).status).toBe(404);
    expect((await download(fileId)).status).toBe(401);
    const refusals = await server.orm.em
      .getKnex()
      .from('access_log')
      .where({ section: 'ATTACHMENT', action: 'DENIED', actor_login: 'other' });
    expect(refusals.length).toBeGreaterThan(0);
  });

  it('lets a rule registered with registerFileAccess grant it, and journals the read', async () => {
    const hr = await viewerOf(tokens['hr']!);
    const unregister = registerFileAccess(
      async (ctx, file) => file.id === fileId && ctx.viewer?.userId === hr.userId,
    );
    try {
      const response = await download(fileId, tokens['hr']);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
      expect((await download(fileId, tokens['other'])).status).toBe(404);
      const reads = await server.orm.em
        .getKnex()
        .from('access_log')
        .where({ section: 'ATTACHMENT', action: 'READ', actor_login: 'hr' });
      expect(reads).toHaveLength(1);
    } finally {
      unregister();
    }
    expect((await download(fileId, tokens['hr'])).status).toBe(404);
  });

  it('does not take the payslip PDF route', async () => {
    const response = await download(
      'payslips/00000000-0000-7000-8000-000000000000.pdf',
      tokens['employee'],
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('claimUploads', () => {
  const claim = async (token: string, ids: string[]) => {
    const viewer = await viewerOf(token);
    return server.orm.em
      .fork()
      .transactional((tx) => claimUploads(tx, viewer, ids, ['input', 'fileIds']));
  };
  const failure = async (promise: Promise<unknown>) => {
    const error = (await promise.then(
      () => null,
      (caught: unknown) => caught,
    )) as { extensions?: Record<string, unknown> } | null;
    return { code: error?.extensions?.['code'], field: error?.extensions?.['field'] };
  };

  it('claims the viewer’s own uploads once, in order', async () => {
    const a = (await upload(pdf, { name: 'a.pdf', token: tokens['employee'] })).body.id;
    const b = (await upload(png, { name: 'b.png', token: tokens['employee'] })).body.id;
    const files = await claim(tokens['employee']!, [b, a]);
    expect(files.map((file) => file.id)).toEqual([b, a]);
    const rows = await server.orm.em.fork().find(StoredFile, { id: { $in: [a, b] } });
    expect(rows.every((row) => row.claimedAt !== null)).toBe(true);
    expect(await failure(claim(tokens['employee']!, [a]))).toEqual({
      code: 'BAD_USER_INPUT',
      field: ['input', 'fileIds', 0],
    });
  });

  it('refuses another user’s file, an unknown id, a repeat and a malformed id, naming the index', async () => {
    const mine = (await upload(pdf, { name: 'mine.pdf', token: tokens['employee'] })).body.id;
    const theirs = (await upload(pdf, { name: 'theirs.pdf', token: tokens['other'] })).body.id;
    const field = (index: number) => ({
      code: 'BAD_USER_INPUT',
      field: ['input', 'fileIds', index],
    });
    expect(await failure(claim(tokens['employee']!, [mine, theirs]))).toEqual(field(1));
    expect(
      await failure(claim(tokens['employee']!, ['01900000-0000-7000-8000-000000000000'])),
    ).toEqual(field(0));
    expect(await failure(claim(tokens['employee']!, [mine, mine]))).toEqual(field(1));
    expect(await failure(claim(tokens['employee']!, ['x']))).toEqual(field(0));
    // The failed claims rolled back: both files are still free for their owners.
    expect((await claim(tokens['employee']!, [mine])).map((file) => file.id)).toEqual([mine]);
    expect((await claim(tokens['other']!, [theirs])).map((file) => file.id)).toEqual([theirs]);
  });

  it('is left undone when the caller’s transaction rolls back', async () => {
    const id = (await upload(pdf, { name: 'draft.pdf', token: tokens['employee'] })).body.id;
    const viewer = await viewerOf(tokens['employee']!);
    await expect(
      server.orm.em.fork().transactional(async (tx) => {
        await claimUploads(tx, viewer, [id], ['fileIds']);
        throw new Error('the task could not be saved');
      }),
    ).rejects.toThrow('the task could not be saved');
    expect((await claim(tokens['employee']!, [id])).map((file) => file.id)).toEqual([id]);
  });
});

/** A root field of this test's own schema: the app has none that returns files yet. */
@Resolver()
class FileProbeResolver {
  @Query(() => FileGqlType, { nullable: true })
  probeFile(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<StoredFile | null> {
    return ctx.em.findOne(StoredFile, id);
  }
}

describe('the StoredFile GraphQL type', () => {
  it('shows a file with its download url and who uploaded it', async () => {
    const id = (await upload(png, { name: 'Фото.png', token: tokens['employee'] })).body.id;
    const guestFile = (await upload(png, { name: 'g.png', token: tokens['guest'] })).body.id;
    const schema = await buildSchema({
      resolvers: [FileProbeResolver, StoredFileResolver],
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      validate: false,
    });
    const ask = async (fileId: string) => {
      const em = server.orm.em.fork();
      const result = await execute({
        schema,
        document: parse(
          `query($id: ID!) { probeFile(id: $id) { id fileName contentType size sha256 createdAt url uploadedByName } }`,
        ),
        variableValues: { id: fileId },
        contextValue: { em, loaders: new Loaders(em) },
      });
      expect(result.errors).toBeUndefined();
      return (result.data as { probeFile: Record<string, unknown> }).probeFile;
    };
    const me = await server.gql<{ me: { employee: { fullName: string } } }>(
      `{ me { employee { fullName } } }`,
      {},
      tokens['employee'],
    );
    const shown = await ask(id);
    expect(shown['createdAt']).toBeInstanceOf(Date);
    expect({ ...shown, createdAt: null }).toEqual({
      id,
      fileName: 'Фото.png',
      contentType: 'image/png',
      size: png.length,
      sha256: sha256(png),
      createdAt: null,
      url: `/files/${id}`,
      uploadedByName: me.data!.me.employee.fullName,
    });
    // An account without an employee record shows its display name.
    expect((await ask(guestFile))['uploadedByName']).toMatch(/^Ковалёва Ирина Петровна/);
    // The probe is this test's alone: the app's schema has no such field.
    const leaked = await server.gql(`{ probeFile(id: "${id}") { id } }`, {}, tokens['employee']);
    expect(leaked.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('unattached uploads', () => {
  it('are swept, row and bytes, once older than a day; attached ones stay', async () => {
    const stale = (await upload(pdf, { name: 'stale.pdf', token: tokens['employee'] })).body.id;
    const kept = (await upload(pdf, { name: 'kept.pdf', token: tokens['employee'] })).body.id;
    await claim(kept);
    const old = new Date(Date.now() - UNCLAIMED_TTL_MS - 60_000);
    await server.orm.em
      .getKnex()('stored_file')
      .whereIn('id', [stale, kept])
      .update({ created_at: old });
    const staleRow = await server.orm.em.fork().findOneOrFail(StoredFile, stale);

    const swept = await sweepUnclaimed(
      server.orm,
      new DiskFileStorage(filesDir),
      createLogger('silent'),
    );
    expect(swept).toBe(1);
    expect(await server.orm.em.fork().findOne(StoredFile, stale)).toBeNull();
    expect(await server.orm.em.fork().findOne(StoredFile, kept)).not.toBeNull();
    await expect(fs.stat(path.join(filesDir, staleRow.storageKey))).rejects.toThrow(/ENOENT/);

    async function claim(id: string) {
      const viewer = await viewerOf(tokens['employee']!);
      await server.orm.em.fork().transactional((tx) => claimUploads(tx, viewer, [id], ['fileIds']));
    }
  });

  it(`are limited to ${MAX_UNCLAIMED_PER_USER} per user (429)`, async () => {
    const guest = await viewerOf(tokens['guest']!);
    const held = await server.orm.em
      .fork()
      .count(StoredFile, { uploadedBy: guest.userId, claimedAt: null });
    for (let index = held; index < MAX_UNCLAIMED_PER_USER; index += 1) {
      const { status } = await upload(png, { name: `${index}.png`, token: tokens['guest'] });
      expect(status).toBe(201);
    }
    await expectRefused(
      () => upload(png, { name: 'one-more.png', token: tokens['guest'] }),
      429,
      'UPLOAD_QUOTA_EXCEEDED',
    );
  });
});

describe('the upload quota under a burst', () => {
  it(`accepts exactly ${MAX_UNCLAIMED_PER_USER} of 150 parallel uploads, and leaves no stray bytes`, async () => {
    const token = await server.login('manager');
    const manager = await viewerOf(token);
    const [disk, rows] = [await filesOnDisk(), await rowCount()];
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, index) => upload(png, { name: `burst-${index}.png`, token })),
    );
    const statuses = results.map((result) => result.status);
    const accepted = statuses.filter((status) => status === 201).length;
    const refused = results.filter(
      (result) => result.status === 429 && result.body.error?.code === 'UPLOAD_QUOTA_EXCEEDED',
    ).length;
    expect({ accepted, refused }).toEqual({ accepted: MAX_UNCLAIMED_PER_USER, refused: 50 });
    const held = await server.orm.em
      .fork()
      .count(StoredFile, { uploadedBy: manager.userId, claimedAt: null });
    expect(held).toBe(MAX_UNCLAIMED_PER_USER);
    expect(await rowCount()).toBe(rows + MAX_UNCLAIMED_PER_USER);
    expect(await filesOnDisk()).toHaveLength(disk.length + MAX_UNCLAIMED_PER_USER);
  });
});

describe('file names and signatures', () => {
  it('keeps a name readable and safe', () => {
    expect(sanitizeFileName('/etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(sanitizeFileName('..')).toBe('file');
    expect(sanitizeFileName('a\u0000b\u0007c\r\n.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('Справка: "копия"?.pdf')).toBe('Справка_ _копия__.pdf');
    // A decomposed й (as macOS sends it) is stored composed.
    expect(sanitizeFileName('Мои\u0306 файл.pdf')).toBe('Мой файл.pdf');
    const long = sanitizeFileName(`${'Я'.repeat(400)}.docx`);
    expect(Array.from(long)).toHaveLength(255);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('writes Content-Disposition with an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Отчёт (итог)*.pdf')).toBe(
      `attachment; filename="_____ (____)*.pdf"; filename*=UTF-8''${encodeURIComponent('Отчёт')}%20%28${encodeURIComponent('итог')}%29%2A.pdf`,
    );
  });

  it('tells detached CMS signatures from attached ones, in definite and indefinite lengths', () => {
    expect(cmsSignatureKind(cmsSignature(true))).toBe('detached');
    expect(cmsSignatureKind(cmsSignature(false))).toBe('attached');
    expect(cmsSignatureKind(pdf)).toBeNull();
    // CryptoPro writes BER with indefinite lengths: 30 80 … A0 80 30 80 … 30 80 <oid> 00 00.
    const indefinite = Buffer.concat([
      Buffer.from([0x30, 0x80]),
      pkcs7(2),
      Buffer.from([0xa0, 0x80, 0x30, 0x80]),
      der(0x02, Buffer.from([1])),
      der(0x31, der(0x30, oid(0x2a, 0x85, 0x03, 0x07, 0x01, 0x01, 0x02, 0x02))),
      Buffer.from([0x30, 0x80]),
      pkcs7(1),
      Buffer.from([0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
    ]);
    expect(cmsSignatureKind(indefinite)).toBe('detached');
  });
});
