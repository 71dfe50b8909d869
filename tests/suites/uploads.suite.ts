import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { adminToken, removeAdmins } from '../helpers/admin';
import { api, bearer, resident, unique } from '../helpers/fixtures';
import { baseUrl, strapi } from '../helpers/strapi';

/**
 * Temp files left by anonymous uploads (#14.7): strapi::body writes every
 * file of a multipart request to disk before any login is checked, and kept
 * all but a field named `files`, and those too when the answer was an error.
 * Each test here first sees the upload on disk, so it cannot pass because
 * files went somewhere else, then that nothing is left once the request is
 * answered. (edge.suite.ts checks the refusals before anything is read.)
 */

const CSV = 'externalId;name;categories;neighbourhoods;latitude;longitude;reminderEmail\n';
type BulkImportConfig = { maxFileBytes: number };

// Where strapi::body puts uploads while their request runs (config/middlewares.ts).
const tmpDir = path.resolve(__dirname, '../../.tmp/uploads');
afterAll(async () => {
  await removeAdmins();
});

/** Everything in the upload folder: request folders and the files in them. */
const leftovers = () => (fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir, { recursive: true }).map(String) : []);
const filesIn = () => leftovers().filter((entry) => fs.statSync(path.join(tmpDir, entry)).isFile());

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting until ${what}`);
}

/**
 * A multipart upload sent in two steps, so a test can see the file on disk
 * while the request is still under way: `start` sends the headers and the
 * first part of the file, `finish` the rest.
 */
function upload(urlPath: string, { field = 'file', bytes = 2 * 1024 * 1024, headers = {} }: { field?: string; bytes?: number; headers?: Record<string, string> } = {}) {
  const boundary = `edge${Date.now().toString(36)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n${CSV}`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(urlPath, baseUrl());
  const body = Buffer.alloc(bytes, 'a');
  const first = 256 * 1024;
  const req = http.request({
    host: url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    method: 'POST',
    headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(head.length + bytes + tail.length), ...headers },
  });
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
  });
  return {
    start: () => req.write(Buffer.concat([head, body.subarray(0, first)])),
    finish: () => {
      req.end(Buffer.concat([body.subarray(first), tail]));
      return response;
    },
    abort: () => {
      response.catch(() => undefined);
      req.destroy();
    },
  };
}

describe('attack: files sent to upload routes without the right login (#14.7)', () => {
  it.each([
    ['the content API upload, with a forged token', '/api/upload', async () => bearer('forged')],
    ['the admin upload, with a forged token', '/upload', async () => bearer('forged')],
    ['the admin upload, with a resident\'s token', '/upload', async () => bearer((await resident()).jwt)],
    ['the bulk import, as a resident', '/bulk-import/imports', async () => bearer((await resident()).jwt)],
  ])('%s: the file reaches the disk, and is gone when the refusal is answered', async (_name, route, auth) => {
    for (const field of ['file', 'files']) {
      const sending = upload(route, { field, headers: await auth() });
      sending.start();
      await until(() => filesIn().length > 0, 'the upload is on disk');
      const res = await sending.finish();
      expect([field, res.status]).toEqual([field, expect.any(Number)]);
      expect(res.status === 401 || res.status === 403).toBe(true);
      expect(leftovers()).toEqual([]);
    }
  });

  it('a malformed multipart body is a 400, not a 500', async () => {
    // No boundary; a boundary the body never uses.
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=x']) {
      const res = await api().post('/api/upload').set(bearer('forged')).set('Content-Type', contentType).send('--y\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc');
      expect([contentType, res.status]).toEqual([contentType, 400]);
      expect(res.body).toMatchObject({ data: null, error: { name: 'ValidationError', message: expect.stringMatching(/^The upload could not be read/) } });
    }
    expect(leftovers()).toEqual([]);
  });

  it('a file past UPLOAD_MAX_MB is refused with 413 while it arrives, and nothing stays', async () => {
    const sending = upload('/api/upload', { field: 'files', headers: bearer(await adminToken()), bytes: 5 * 1024 * 1024 });
    sending.start();
    const res = await sending.finish();
    expect(res.status).toBe(413);
    // The refusal goes out while the parser still holds the file; its folder goes right after (under load, a moment later).
    await until(() => leftovers().length === 0, 'the refused upload is removed');
  });

  it('an upload the client breaks off is removed too', async () => {
    const sending = upload('/api/upload', { headers: bearer('forged') });
    sending.start();
    await until(() => filesIn().length > 0, 'the upload is on disk');
    sending.abort();
    await until(() => leftovers().length === 0, 'the broken-off upload is removed');
  });
});

describe('bulk import uploads (#14.7)', () => {
  it('staff import works and leaves no file behind; so does a file that is too large', async () => {
    const auth = bearer(await adminToken());
    await api().post('/bulk-import/imports').set(auth).field('type', 'organisations').field('dryRun', 'true').attach('file', Buffer.from(`${CSV}${unique('up')};Upload;Sport;Westwijk;;;\n`), 'orgs.csv').expect(200);
    expect(leftovers()).toEqual([]);

    const config = strapi().config.get('plugin::bulk-import') as BulkImportConfig;
    const maxFileBytes = config.maxFileBytes;
    config.maxFileBytes = 1024;
    try {
      const sending = upload('/bulk-import/imports', { headers: auth, bytes: 512 * 1024 });
      sending.start();
      await until(() => filesIn().length > 0, 'the upload is on disk');
      const res = await sending.finish();
      expect(res.status).toBe(413);
    } finally {
      config.maxFileBytes = maxFileBytes;
    }
    expect(leftovers()).toEqual([]);
  });
});
