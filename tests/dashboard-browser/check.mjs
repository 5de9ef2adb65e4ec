// Opens the operations dashboard in Debian's chromium as an operator would: waits until every
// resource shows Healthy, opens the Traces tab, finds the trace TRACE_ID and opens its waterfall,
// then the Metrics tab, where the method METHOD of the registry must have its row and the charts
// their lines.
// Environment: DASHBOARD (URL), TRACE_ID, SCREENSHOT (path). Prints one JSON line; exits 1 on failure.
import { chromium } from 'playwright-core';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = { resources: [], healthy: false, consoleFiltered: false, traceFound: false, spanServices: [], methodRow: null, chartsWithLines: 0 };
try {
  const page = await browser.newPage();
  await page.goto(process.env.DASHBOARD, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#resource-rows tr.row')];
    return rows.length > 0 && rows.every((r) => r.children[3].textContent.startsWith('Healthy'));
  }, null, { timeout: 30000 });
  result.resources = await page.$$eval('#resource-rows tr.row', (rows) => rows.map((r) => r.dataset.name));
  result.healthy = true;

  // The gateway's console streams in; the search box narrows it to the access line of our request.
  await page.click('#resource-rows tr.row[data-name="gateway"] td');
  await page.waitForFunction(() => document.getElementById('console').textContent.length > 0, null, { timeout: 15000 });
  await page.fill('#console-text', 'suggestpartners');
  await page.waitForFunction(() => {
    const text = document.getElementById('console').textContent.trim();
    return text.length > 0 && text.split('\n').every((l) => l.toLowerCase().includes('suggestpartners'));
  }, null, { timeout: 15000 });
  result.consoleFiltered = true;

  await page.click('nav button[data-tab=traces]');
  const row = `#trace-rows tr[data-id="${process.env.TRACE_ID}"]`;
  await page.waitForSelector(row, { timeout: 30000 });
  await page.click(row);
  await page.waitForSelector('#span-rows tr', { timeout: 10000 });
  result.traceFound = true;
  result.spanServices = [...new Set(await page.$$eval('#span-rows tr', (rows) => rows.map((r) => r.children[0].textContent)))];
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });

  await page.click('nav button[data-tab=metrics]');
  // Services report every 5 s and charts end at the last complete 10-second step.
  const method = `#metric-services table.methods tr[data-method="${process.env.METHOD}"]`;
  await page.waitForSelector(method, { timeout: 45000 });
  result.methodRow = await page.$eval(method, (r) => [...r.children].map((c) => c.textContent));
  await page.waitForFunction(() => document.querySelectorAll('figure.chart svg path[d^="M"]').length >= 5, null, { timeout: 45000 });
  result.chartsWithLines = await page.$$eval('figure.chart svg path[d^="M"]', (paths) => new Set(paths.map((p) => p.closest('figure').dataset.chart)).size);
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT.replace(/\.png$/, '-metrics.png'), fullPage: true });
} catch (error) {
  result.error = String(error.message ?? error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.error ? 1 : 0);
