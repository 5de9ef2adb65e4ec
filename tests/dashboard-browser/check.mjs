// Drives the Aspire dashboard in Debian's chromium as an operator would: logs in with the token the
// AppHost printed, waits until every resource shows Running (healthy: Aspire writes "Unhealthy" beside
// the state otherwise), then opens the trace TRACE_ID and reads which resources its spans ran in.
// Environment: LOGIN_URL, TRACE_ID, SCREENSHOT (path prefix). Prints one JSON line; exits 1 on failure.
import { chromium } from 'playwright-core';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = { loggedIn: false, resources: [], states: {}, healthy: false, spanResources: [], spanNames: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(process.env.LOGIN_URL, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('tr.resource-row', { timeout: 30000 });
  result.loggedIn = !page.url().includes('/login');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('tr.resource-row')];
    return rows.length >= 10 && rows.every((r) => r.querySelector('td[col-index="2"]')?.getAttribute('title') === 'Running');
  }, null, { timeout: 60000 });
  const rows = await page.$$eval('tr.resource-row', (trs) => trs.map((r) => [
    r.querySelector('.resource-name-text')?.textContent.trim(), r.querySelector('td[col-index="2"]')?.getAttribute('title')]));
  result.resources = rows.map((r) => r[0]);
  result.states = Object.fromEntries(rows);
  result.healthy = true;
  if (process.env.SCREENSHOT) await page.screenshot({ path: `${process.env.SCREENSHOT}-resources.png` });

  await page.goto(new URL(`/traces/detail/${process.env.TRACE_ID}`, process.env.LOGIN_URL).toString(), { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelectorAll('.resource-name').length >= 3, null, { timeout: 30000 });
  result.spanResources = [...new Set(await page.$$eval('.resource-name', (cells) => cells.map((c) => c.textContent.trim())))];
  result.spanNames = await page.$$eval('.span-name-container', (cells) => cells.map((c) => c.textContent.trim()));
  if (process.env.SCREENSHOT) await page.screenshot({ path: `${process.env.SCREENSHOT}-trace.png` });
} catch (error) {
  result.error = String(error.message ?? error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.error ? 1 : 0);
