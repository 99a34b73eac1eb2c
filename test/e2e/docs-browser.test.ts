import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '#shared/routes/index.ts';
import type { Staff } from '#shared/schemas/staff.ts';
import { type Api, startApi } from '#test/support/api.ts';
import { seedStaff } from '#test/support/seed.ts';
import { createTestTable } from '#test/support/table.ts';

/** What the page's callbacks use of the browser's window (tsconfig has no DOM lib; page.evaluate runs them in Chromium). */
type BrowserWindow = { scrollY: number; innerHeight: number; scrollBy(x: number, y: number): void; scrollTo(x: number, y: number): void };

/**
 * The docs page in a real browser: Debian's Chromium driven by playwright-core. CI
 * installs Chromium (.ci/run); a machine without it fails here unless SKIP_BROWSER_TESTS=1
 * says so on purpose.
 */
const executablePath = '/usr/bin/chromium';
const skip = process.env.SKIP_BROWSER_TESTS === '1';
if (!skip && !existsSync(executablePath)) {
  throw new Error(
    `${executablePath} is missing: run \`apt-get update && apt-get install -y chromium\`, or set SKIP_BROWSER_TESTS=1 to skip the browser tests on purpose`,
  );
}

let api: Api;
let browser: Browser;
let member: Staff;
beforeAll(async () => {
  if (skip) return;
  await createTestTable();
  api = await startApi();
  member = await seedStaff(['sales_manager'], { name: '浏览器 测试' });
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe.skipIf(skip)('the API reference page in Chromium', () => {
  it('lists every operation of the catalogue, and "try it" with a pasted token answers 200', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    // Every request the page makes goes to the API itself (the page must work offline).
    const loaded = new Map<string, number>();
    page.on('response', async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      loaded.set(response.url(), body.length);
    });

    const reply = await page.goto(`${api.base}/v1/docs`);
    expect(reply?.status()).toBe(200);
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });

    // From 150 tags and operations on, Swagger UI renders only those near the viewport
    // (a virtualised list): the page is read while it is scrolled from top to bottom.
    const seen = new Map<string, { method: string; path: string; operationId: string }>();
    for (let step = 0; step < 400; step++) {
      const visible = await page.locator('.opblock').evaluateAll((blocks) =>
        blocks.map((block) => ({
          method: block.querySelector('.opblock-summary-method')?.textContent?.trim() ?? '',
          path: block.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '',
          operationId: block.querySelector('.opblock-summary-operation-id')?.textContent?.trim() ?? '',
        })),
      );
      for (const block of visible) seen.set(`${block.method} ${block.path} ${block.operationId}`, block);
      const atBottom = await page.evaluate(() => {
        const win = globalThis as unknown as BrowserWindow;
        const before = win.scrollY;
        win.scrollBy(0, win.innerHeight / 2);
        return win.scrollY === before;
      });
      if (atBottom) break;
      await page.waitForTimeout(50);
    }
    await page.evaluate(() => (globalThis as unknown as BrowserWindow).scrollTo(0, 0));
    const shown = [...seen.values()];
    expect(shown).toHaveLength(catalogue.length);
    for (const route of catalogue) {
      expect(shown, `${route.method} ${route.path}`).toContainEqual({ method: route.method, path: route.path, operationId: route.id });
    }

    // Authorize: paste the bearer token.
    await page.locator('.auth-wrapper .authorize').click();
    const dialog = page.locator('.dialog-ux .modal-ux');
    await dialog.locator('input').first().fill(await api.token(member.id));
    await dialog.locator('.auth-btn-wrapper .authorize').click();
    await dialog.locator('.auth-btn-wrapper .btn-done').click();

    // Try it: GET /v1/staff/{id} for oneself.
    const operation = page.locator('#operations-Staff-getStaff');
    // Scrolled into the rendered part of the virtualised list, as a reader would.
    for (let step = 0; step < 400 && (await operation.count()) === 0; step++) {
      await page.evaluate(() => {
        const win = globalThis as unknown as BrowserWindow;
        win.scrollBy(0, win.innerHeight / 2);
      });
      await page.waitForTimeout(50);
    }
    await operation.locator('.opblock-summary').click();
    await operation.locator('.try-out__btn').click();
    await operation.locator('tr[data-param-name="id"] input').fill(member.id);
    await operation.locator('.execute').click();
    const live = operation.locator('.live-responses-table tbody .response');
    await live.first().waitFor({ timeout: 30_000 });
    expect((await live.locator('.response-col_status').first().textContent())?.trim()).toBe('200');
    expect(await live.locator('.response-col_description').first().textContent()).toContain(member.name);

    const origins = new Set([...loaded.keys()].map((url) => new URL(url).origin));
    expect([...origins]).toEqual([api.base]);
    const pageBytes = [...loaded].filter(([url]) => !url.includes('/v1/staff/')).reduce((sum, [, bytes]) => sum + bytes, 0);
    console.log(`docs page: ${pageBytes} bytes before "try it":`, Object.fromEntries([...loaded].map(([url, bytes]) => [new URL(url).pathname, bytes])));
    expect(problems).toEqual([]);

    const screenshot = join(mkdtempSync(join(tmpdir(), 'kam-docs-')), 'docs.png');
    await operation.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot, fullPage: false });
    expect(statSync(screenshot).size).toBeGreaterThan(20_000);
    console.log(`docs page screenshot: ${screenshot}`);
  });
});
