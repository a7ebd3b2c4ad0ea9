import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../harness.js';

/**
 * What every browser test file shares: Debian's Chromium (headless) against the real server with the
 * demo seeded and trusted documents enforced, sign-in, the axe check and the CSP watch.
 */

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const artifacts = path.resolve(import.meta.dirname, '../../../artifacts');
const webDist = path.resolve(import.meta.dirname, '../../../client/dist/index.html');

// Without these, Chromium on a closed network stalls on background connections.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Skipped on a machine without Chromium or a built client, but never in CI (.ci/run installs both). */
export const browserUnavailable =
  (!fs.existsSync(CHROMIUM) || !fs.existsSync(webDist)) && !process.env['CI'];

/** The two widths every page is tried at. */
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 360, height: 780 } as const;

/** Polls like `expect.poll`, with room for a loaded machine. */
export function poll<T>(fn: () => Promise<T>): ReturnType<typeof expect.poll<T>> {
  return expect.poll(fn, { timeout: 10_000 });
}

export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
  /** The server's address as `localhost`, where browsers take Secure cookies over plain HTTP. */
  base: string;
  /** Every CSP violation any page of the suite reported, with its page. */
  cspViolations: string[];
  /** A browser context whose pages report each CSP violation. */
  context(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  /** Signs in on the sign-in page as a demo login, in Russian unless the page is in English. */
  signIn(page: Page, login: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts a test server (trusted documents enforced, as in production) and Chromium. */
export async function startBrowserSuite(env: Record<string, string> = {}): Promise<BrowserSuite> {
  const server = await startTestServer({ env: { TRUSTED_DOCUMENTS: 'true', ...env } });
  const base = server.url.replace('127.0.0.1', 'localhost');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  fs.mkdirSync(artifacts, { recursive: true });
  const cspViolations: string[] = [];
  return {
    server,
    browser,
    base,
    cspViolations,
    async context(options = {}) {
      const context = await browser.newContext({ viewport: DESKTOP, ...options });
      // A string: this is page code, and the server's TypeScript has no DOM types.
      await context.addInitScript(`
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error('CSP violation: ' + event.effectiveDirective + ' blocked ' +
            (event.blockedURI || 'inline') + ' at ' + event.sourceFile + ':' + event.lineNumber);
        });
      `);
      context.on('console', (message) => {
        const text = message.text();
        if (text.startsWith('CSP violation') || text.includes('Content Security Policy')) {
          cspViolations.push(`${message.page()?.url() ?? '?'}: ${text}`);
        }
      });
      return context;
    },
    async signIn(page, login, password = DEMO_PASSWORD) {
      await page.goto(`${base}/`);
      await page.waitForURL(/\/login/);
      await page.locator('#login').fill(login);
      await page.locator('#password').fill(password);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** axe on the page as it stands: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${label}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
}

/** Runs `check` at desktop and phone width, and asserts nothing sticks out sideways on the phone. */
export async function atBothWidths(
  page: Page,
  check: (width: 'desktop' | 'phone') => Promise<void>,
): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await check('desktop');
  await page.setViewportSize(PHONE);
  try {
    await check('phone');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}
