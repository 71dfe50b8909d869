import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../tests/helpers/database';
import { startMailSink, type MailSink } from '../../tests/helpers/mail-sink';
import { serveStatic, type StaticServer } from './static-server';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Without the background-networking flags Chromium's own connections are refused on a closed network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Site {
  strapi: Core.Strapi;
  mail: MailSink;
  browser: Browser;
  /** The built site, served like a static host. */
  siteUrl: string;
  apiUrl: string;
  stop(): Promise<void>;
}

function buildSite(outDir: string, apiUrl: string) {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'frontend', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // No tiles in tests: nothing may go to the internet; the neighbourhood outlines are the background.
    env: { ...process.env, NODE_ENV: 'production', VITE_API_URL: apiUrl, VITE_TILE_URL: '' },
  });
}

/** A port nobody listens on now, for a server whose address must be known before it starts. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Everything the reference site needs, for real: a mail sink, the CMS with
 * the demo town on a database of its own, the site built against it and
 * served as static files from another origin (as on a static host), and
 * headless Chromium. `servedByCms`: the Quick start instead, without
 * FRONTEND_URL: the CMS serves the site itself and mails link to it.
 * `adminPanel`: the CMS serves its admin panel too.
 */
export async function startSite({ servedByCms = false, adminPanel = false } = {}): Promise<Site> {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    SEED_DEMO_DATA: 'true',
    LOG_STARTUP: 'false',
    CRON_ENABLED: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    RATE_LIMIT_MAX_PER_IP: '10000',
    RATE_LIMIT_MAX_PER_EMAIL: '1000',
  });
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;

  const outDir = path.join(ROOT, `.tmp/e2e-site-${process.pid}`);
  const mail = await startMailSink();
  Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.port), SMTP_USERNAME: '' });
  let files: StaticServer | null = null;
  let port = 0;
  if (servedByCms) {
    port = await freePort();
    buildSite(outDir, '');
    Object.assign(process.env, { FRONTEND_URL: '', CORS_ORIGINS: '', PUBLIC_URL: `http://127.0.0.1:${port}`, WEBSITE_DIR: outDir });
  } else {
    files = await serveStatic(outDir);
    // Only the site may call the API from a browser, as in production.
    Object.assign(process.env, { FRONTEND_URL: files.url, CORS_ORIGINS: files.url });
    // An earlier file of the same run may have started the CMS-served site.
    delete process.env.PUBLIC_URL;
    delete process.env.WEBSITE_DIR;
  }

  const database: TestDatabase = await createTestDatabase();
  const app = await compileStrapi();
  // The admin panel (built by `npm run build` into dist/build) only for the tests that drive it.
  const strapi = await createStrapi({ ...app, autoReload: false, serveAdminPanel: adminPanel }).load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  if (!servedByCms) buildSite(outDir, apiUrl);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

  return {
    strapi,
    mail,
    browser,
    siteUrl: files?.url ?? apiUrl,
    apiUrl,
    async stop() {
      await browser.close();
      await strapi.destroy();
      await database.drop();
      await mail.stop();
      await files?.stop();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}

let shots = 0;

/** Opens a page of the site and waits until its content has loaded (E2E_SCREENSHOT_DIR=… keeps a picture of each). */
export async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${String(++shots).padStart(2, '0')}.png`), fullPage: true });
}

/** Logs out with the header's button and waits until the page has loaded again (logging out first tells the API). */
export async function logOut(page: Page) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: /^(Uitloggen|Log out)$/ }).click()]);
  await page.waitForSelector('body[data-ready="true"]');
}

/** axe-core on the whole page, or on what `within` selects: WCAG 2.0/2.1 A and AA plus axe's best practices, zero violations. */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  // Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = await page.evaluate((selector) =>
    (window as any).axe.run(selector ? { include: [[selector]] } : document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }), within
  );
  return result.violations.map(
    (v: { id: string; help: string; nodes: { target: string[] }[] }) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
  );
}

/**
 * A browser context for the site in a given language and time zone, where
 * nothing leaves the machine: requests to anywhere but the site and the CMS fail.
 */
export async function siteContext(site: Site, options: { locale?: string; timezoneId: string; viewport?: { width: number; height: number } }): Promise<BrowserContext> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', ...options });
  await context.route('**/*', (route) => {
    const target = route.request().url();
    return target.startsWith(site.siteUrl) || target.startsWith(site.apiUrl) ? route.continue() : route.abort();
  });
  return context;
}
