// The portal's speed as people meet it, with the API calls behind each page as the baseline in the same run.
// Server: time to the last byte of each page's HTML through the gateway, beside the same API calls the page makes
// (from this process, over the same gateway). Browser (Debian's chromium): first contentful paint and the load event
// of each page, cold (a new profile) and warm; and the time of interactions, from the click to the next page loaded.
// Environment: GATEWAY, AGREEMENT (an agreement in effect), ROUNDS (20). Prints a table, then one JSON line.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/dashboard-browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const gateway = process.env.GATEWAY;
const rounds = Number(process.env.ROUNDS ?? 20);
const agreement = process.env.AGREEMENT;
const quantile = (values, q) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const ms = (v) => v.toFixed(1).padStart(8);

// The gateway keeps the public's REST reads for 10 s (output cache); the portal's gRPC calls are never cached, so the
// baseline asks for each API call afresh (a query parameter the cache varies by and the API ignores).
let fresh = 0;
async function timed(urls, uncached = false) {
  const started = performance.now();
  for (const url of urls) {
    const target = new URL(url, gateway);
    if (uncached) target.searchParams.set('fresh', String(++fresh));
    const response = await fetch(target);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
  }
  return performance.now() - started;
}

// Each public page and the API calls it is made of (sequentially, as the page makes them).
const pages = [
  { name: 'directory /', page: '/', api: ['/api/v1/agreements?filter=status%20%3D%20ACTIVE&page_size=100'] },
  { name: 'search /?q=surabaya', page: '/?q=surabaya', api: ['/api/v1/cities?query=surabaya&page_size=20', '/api/v1/agreements?filter=status%20%3D%20ACTIVE&page_size=100'] },
  { name: 'region /wilayah/idn-31', page: '/wilayah/idn-31', api: ['/api/v1/cities/idn-31', '/api/v1/agreements?filter=party%20%3D%20%22idn-31%22&page_size=100'] },
  { name: 'agreement /perjanjian/…', page: `/perjanjian/${agreement}`, api: [`/api/v1/agreements/${agreement}`] },
  { name: 'map /peta', page: '/peta', api: ['/api/v1/agreements?filter=status%20%3D%20ACTIVE&page_size=100'] },
];

const result = { server: {}, browser: {}, interactions: {} };
for (const p of pages) {
  await timed([p.page]); await timed(p.api, true); // warm both: the map's minute of cache, the gateway's connections
  const page = [], api = [];
  for (let i = 0; i < rounds; i++) { page.push(await timed([p.page])); api.push(await timed(p.api, true)); }
  result.server[p.name] = { page_p50: quantile(page, 0.5), page_p95: quantile(page, 0.95), api_p50: quantile(api, 0.5), api_p95: quantile(api, 0.95) };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// The paint entry may come after the load event: wait for it (buffered), a second at most.
const paint = () => new Promise((resolve) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const done = (fcp) => resolve({ fcp, load: nav.loadEventEnd - nav.startTime, bytes: nav.transferSize });
  const timer = setTimeout(() => done(NaN), 1000);
  new PerformanceObserver((list) => {
    const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
    if (fcp) { clearTimeout(timer); done(fcp.startTime); }
  }).observe({ type: 'paint', buffered: true });
});
try {
  for (const p of pages) {
    const cold = [], warm = [];
    for (let i = 0; i < Math.max(5, rounds / 4); i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(new URL(p.page, gateway).toString(), { waitUntil: 'load' });
      cold.push(await tab.evaluate(paint));
      await tab.goto(new URL(p.page, gateway).toString(), { waitUntil: 'load' });
      warm.push(await tab.evaluate(paint));
      await context.close();
    }
    result.browser[p.name] = {
      cold_fcp_p50: quantile(cold.map((c) => c.fcp), 0.5), cold_load_p50: quantile(cold.map((c) => c.load), 0.5),
      warm_fcp_p50: quantile(warm.map((c) => c.fcp), 0.5), warm_load_p50: quantile(warm.map((c) => c.load), 0.5), html_bytes: cold[0].bytes,
    };
  }

  // Interactions, from the click (or Enter) to the next page's load event.
  const interact = async (name, prepare, act, until) => {
    const times = [];
    for (let i = 0; i < Math.max(5, rounds / 4); i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await prepare(tab);
      const started = performance.now();
      await Promise.all([tab.waitForURL(until, { waitUntil: 'load' }), act(tab)]);
      times.push(performance.now() - started);
      await context.close();
    }
    result.interactions[name] = { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
  };
  await interact('search: Enter → results',
    (t) => t.goto(new URL('/', gateway).toString()),
    async (t) => { await t.fill('#q', 'kyoto'); await t.press('#q', 'Enter'); },
    /\?q=kyoto/);
  await interact('sign in: persona → office page',
    (t) => t.goto(new URL('/masuk?kembali=%2Fkantor', gateway).toString()),
    (t) => t.click('button[value="officer-35.78"]'),
    /\/kantor$/);
  await interact('draft refused: save → fields marked',
    async (t) => {
      await t.goto(new URL('/masuk?kembali=%2Fkantor%2Fperjanjian%2Fbaru%3Fmitra%3Dgn-2644210', gateway).toString());
      await t.click('button[value="officer-35.78"]');
      await t.waitForURL(/mitra=/);
    },
    (t) => t.click('form.stacked button[type=submit]'),
    /mitra=/);
} finally {
  await browser.close();
}

console.log(`\nServer: time to the page's last byte through the gateway vs the API calls it makes, ${rounds} rounds (ms)`);
console.log(`${'page'.padEnd(28)} ${'page p50'.padStart(8)} ${'api p50'.padStart(8)} ${'ratio'.padStart(6)} ${'page p95'.padStart(8)} ${'api p95'.padStart(8)}`);
for (const [name, s] of Object.entries(result.server)) {
  console.log(`${name.padEnd(28)} ${ms(s.page_p50)} ${ms(s.api_p50)} ${(s.page_p50 / s.api_p50).toFixed(2).padStart(6)} ${ms(s.page_p95)} ${ms(s.api_p95)}`);
}
console.log('\nBrowser (chromium): first contentful paint and load event, p50 (ms)');
console.log(`${'page'.padEnd(28)} ${'cold FCP'.padStart(8)} ${'cold load'.padStart(9)} ${'warm FCP'.padStart(8)} ${'warm load'.padStart(9)} ${'HTML KB'.padStart(8)}`);
for (const [name, b] of Object.entries(result.browser)) {
  console.log(`${name.padEnd(28)} ${ms(b.cold_fcp_p50)} ${ms(b.cold_load_p50).padStart(9)} ${ms(b.warm_fcp_p50)} ${ms(b.warm_load_p50).padStart(9)} ${(b.html_bytes / 1024).toFixed(1).padStart(8)}`);
}
console.log('\nInteractions: from the action to the next page loaded (ms)');
for (const [name, i] of Object.entries(result.interactions)) {
  console.log(`${name.padEnd(40)} p50 ${ms(i.p50)}  p95 ${ms(i.p95)}`);
}
console.log(JSON.stringify(result));
