namespace Paradiplomacy.Hosting.Dashboard;

/// <summary>The operator's page: resources (state, health, endpoints, restarts) with their console
/// logs, metrics as charts, queues, traces as waterfalls, and structured logs across services,
/// refreshed live. Charts are plain SVG drawn by the page: nothing is fetched from elsewhere.</summary>
internal static class DashboardPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Paradiplomacy · operations</title>
<style>
 body { font-family: system-ui, sans-serif; margin: 1.2rem 1.5rem; color: #1d2430; }
 h1 { font-size: 1.3rem; margin: 0 0 .6rem; } nav button { font: inherit; padding: .3rem .8rem; margin-right: .3rem; border: 1px solid #c7ced9; background: #fff; border-radius: 4px; cursor: pointer; }
 nav button.on { background: #1a56db; color: #fff; border-color: #1a56db; } section { display: none; margin-top: .8rem; } section.on { display: block; }
 table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #dde2ea; font-size: .85rem; vertical-align: top; }
 th { background: #f3f5f8; } .Healthy { color: #0a7d32; font-weight: 600; } .Unhealthy { color: #b3261e; font-weight: 600; } .Unknown { color: #6b7280; }
 tr.row { cursor: pointer; } tr.sel { background: #eef4ff; } a { color: #1a56db; } .problem { color: #b3261e; font-size: .8rem; } .err { color: #b3261e; }
 pre { background: #0f172a; color: #e2e8f0; padding: .8rem; height: 20rem; overflow: auto; font-size: .78rem; } pre .err { color: #fca5a5; }
 input, select { font: inherit; padding: .2rem .4rem; margin-right: .4rem; } .bar { background: #60a5fa; height: .8rem; border-radius: 2px; } .bar.Error { background: #ef4444; }
 .lane { position: relative; height: .8rem; background: #f3f5f8; } .lane > div { position: absolute; top: 0; }
 .charts { display: flex; flex-wrap: wrap; gap: .8rem; } figure.chart { margin: 0; border: 1px solid #dde2ea; border-radius: 4px; padding: .3rem .5rem; }
 figcaption { font-size: .8rem; font-weight: 600; } .legend { font-size: .72rem; color: #4b5563; max-width: 340px; } .legend i { display: inline-block; width: .7rem; height: .2rem; margin: 0 .2rem .2rem .4rem; }
 svg text { font-size: 9px; fill: #6b7280; } h3 { font-size: .95rem; margin: 1rem 0 .4rem; } .empty { color: #6b7280; font-size: .8rem; }
 #problems div { background: #fdecea; color: #8a1c14; padding: .35rem .6rem; margin-bottom: .3rem; border-radius: 4px; font-size: .9rem; }
</style>
</head>
<body>
<h1>Paradiplomacy operations</h1>
<div id="problems"></div>
<nav><button data-tab="resources" class="on">Resources</button><button data-tab="metrics">Metrics</button><button data-tab="queues">Queues</button><button data-tab="traces">Traces</button><button data-tab="logs">Structured logs</button></nav>

<section id="resources" class="on">
<table>
 <thead><tr><th>Name</th><th>Kind</th><th>State</th><th>Health</th><th>Endpoints</th><th>PID</th><th>Uptime</th><th>CPU</th><th>Memory</th><th>Restarts</th><th></th></tr></thead>
 <tbody id="resource-rows"><tr><td colspan="11">Loading…</td></tr></tbody>
</table>
<h2 id="console-title" style="font-size:1rem">Console log</h2>
<div><input id="console-text" placeholder="search"><select id="console-level"><option value="">all lines</option><option value="warning">warnings and errors</option><option value="error">errors</option></select></div>
<pre id="console">Select a resource to see its console.</pre>
</section>

<section id="metrics">
<div>Last <select id="metrics-window"><option value="5">5 minutes</option><option value="15" selected>15 minutes</option><option value="30">30 minutes</option></select>
<span class="empty">ten-second steps; requests by method and outcome (fault: the server's, refused: the caller's)</span></div>
<div id="metric-services"></div>
<h3>Events, data and processes</h3>
<div class="charts" id="metric-infra"></div>
</section>

<section id="queues">
<table><thead><tr><th>Queue</th><th>Messages</th><th>Consumers</th><th>Published/s</th><th>Delivered/s</th><th></th></tr></thead><tbody id="queue-rows"></tbody></table>
</section>

<section id="traces">
<div><select id="trace-service"><option value="">all services</option></select>
<input id="trace-route" placeholder="route or method"><select id="trace-status"><option value="">any status</option><option value="error">failed</option><option value="ok">succeeded</option></select>
<input id="trace-min" type="number" min="0" placeholder="min ms" style="width:6rem"></div>
<table><thead><tr><th>Start</th><th>Root</th><th>Services</th><th>Spans</th><th>Duration</th></tr></thead><tbody id="trace-rows"></tbody></table>
<h2 id="trace-title" style="font-size:1rem"></h2>
<table><thead><tr><th>Service</th><th>Span</th><th>Kind</th><th style="width:40%">Timeline</th><th>ms</th></tr></thead><tbody id="span-rows"></tbody></table>
</section>

<section id="logs">
<div><select id="log-service"><option value="">all services</option></select>
<select id="log-level"><option value="">all levels</option><option>Information</option><option>Warning</option><option>Error</option></select>
<input id="log-text" placeholder="text"><input id="log-trace" placeholder="trace id" style="width:18rem"></div>
<table><thead><tr><th>Time</th><th>Service</th><th>Level</th><th>Message</th><th>Trace</th></tr></thead><tbody id="log-rows"></tbody></table>
</section>

<script>
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
const get = async url => (await fetch(url)).json();
let tab = 'resources', selected = null, services = [], consoleLines = [];
document.querySelectorAll('nav button').forEach(b => b.onclick = () => {
  tab = b.dataset.tab;
  document.querySelectorAll('nav button').forEach(x => x.classList.toggle('on', x === b));
  document.querySelectorAll('section').forEach(s => s.classList.toggle('on', s.id === tab));
  refresh();
});
async function act(name, action) { await fetch(`/api/resources/${encodeURIComponent(name)}/${action}`, { method: 'POST' }); refresh(); }
async function resources() {
  const rows = await get('/api/resources');
  services = rows.filter(r => r.kind === 'project').map(r => r.name);
  for (const id of ['trace-service', 'log-service']) {
    const select = document.getElementById(id);
    if (select.options.length === 1) services.forEach(s => select.add(new Option(s, s)));
  }
  document.getElementById('resource-rows').innerHTML = rows.map(r => `
    <tr class="row ${r.name === selected ? 'sel' : ''}" data-name="${esc(r.name)}">
     <td>${esc(r.name)}</td><td>${esc(r.kind)}</td><td>${esc(r.state)}</td>
     <td class="${esc(r.health)}">${esc(r.health)}${r.problem ? `<div class="problem">${esc(r.problem)}</div>` : ''}</td>
     <td>${Object.entries(r.endpoints).map(([k, v]) => `${esc(k)}: ${v.startsWith('http') ? `<a href="${esc(v)}">${esc(v)}</a>` : esc(v)}`).join('<br>')}</td>
     <td>${r.pid ?? ''}</td><td>${r.uptimeSeconds == null ? '' : Math.round(r.uptimeSeconds) + ' s'}</td>
     <td>${r.cpuPercent == null ? '' : r.cpuPercent + ' %'}</td><td>${r.memoryMiB == null ? '' : Math.round(r.memoryMiB) + ' MiB'}</td><td>${r.restarts}</td>
     <td><button data-act="restart">restart</button> <button data-act="stop">stop</button></td>
    </tr>`).join('');
  document.querySelectorAll('#resource-rows tr').forEach(tr => {
    tr.onclick = e => { if (e.target.dataset.act) { act(tr.dataset.name, e.target.dataset.act); } else { select(tr.dataset.name); } };
  });
}
let consoleStream = null, consolePending = false;
// The console streams (Server-Sent Events); the browser reconnects by itself and resumes where it was.
function select(name) {
  selected = name; consoleLines = []; document.getElementById('console').textContent = '';
  document.getElementById('console-title').textContent = 'Console log: ' + name; resources();
  if (consoleStream) consoleStream.close();
  consoleStream = new EventSource(`/api/logs/stream?resource=${encodeURIComponent(name)}`);
  consoleStream.onmessage = e => {
    consoleLines.push(JSON.parse(e.data));
    if (consoleLines.length > 5000) consoleLines.splice(0, consoleLines.length - 5000);
    // Many lines arrive at once: draw once per frame, not once per line.
    if (!consolePending) { consolePending = true; requestAnimationFrame(() => { consolePending = false; consoleRender(); }); }
  };
}
// Levels as each program writes them: .NET (fail/crit/warn), PostgreSQL (ERROR/FATAL/WARNING), RabbitMQ ([error]/[warning]).
const levelOf = l => l.isError || /\b(fail|crit|error|fatal|panic)\b/i.test(l.text) ? 'error' : /\bwarn(ing)?\b/i.test(l.text) ? 'warning' : 'info';
function consoleShown(l) {
  const text = document.getElementById('console-text').value.toLowerCase(), level = document.getElementById('console-level').value;
  const lv = levelOf(l);
  return (!text || l.text.toLowerCase().includes(text)) && (!level || lv === 'error' || (level === 'warning' && lv === 'warning'));
}
function consoleRender() {
  const log = document.getElementById('console'); log.textContent = '';
  for (const l of consoleLines.filter(consoleShown)) { const span = document.createElement('span');
    if (levelOf(l) === 'error') span.className = 'err'; span.textContent = l.text + '\n'; log.appendChild(span); }
  log.scrollTop = log.scrollHeight;
}
for (const id of ['console-text', 'console-level']) document.getElementById(id).oninput = consoleRender;
const palette = ['#1a56db', '#e8590c', '#0a7d32', '#9333ea', '#b3261e', '#0891b2', '#ca8a04', '#db2777', '#4b5563'];
const nice = v => { const p = 10 ** Math.floor(Math.log10(v)); const m = v / p; return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p; };
// A line chart in SVG: one path per series, broken where a step has no value.
function chart(title, times, series, unit) {
  const W = 340, H = 120, L = 42, B = 16, T = 6;
  series = series.filter(s => s.values.some(v => v != null));
  const values = series.flatMap(s => s.values.filter(v => v != null));
  if (!values.length) return `<figure class="chart" data-chart="${esc(title)}"><figcaption>${esc(title)}</figcaption><div class="empty" style="width:${W}px">no data yet</div></figure>`;
  const top = nice(Math.max(...values, 1));
  const x = i => L + (W - L - 4) * (times.length < 2 ? 0 : i / (times.length - 1));
  const y = v => T + (H - T - B) * (1 - v / top);
  const paths = series.map((s, k) => {
    let d = '', pen = false;
    s.values.forEach((v, i) => { if (v == null) { pen = false; return; } d += pen ? `L${x(i).toFixed(1)},${y(v).toFixed(1)}` : `M${x(i).toFixed(1)},${y(v).toFixed(1)}l.1,0`; pen = true; });
    // The tiny segment after each move draws a lone point (between gaps) as a dot.
    return `<path d="${d}" fill="none" stroke="${palette[k % palette.length]}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><title>${esc(s.name)}</title></path>`;
  }).join('');
  const time = t => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const fmt = v => (v >= 100 ? Math.round(v) : +v.toPrecision(2)) + (unit ? ' ' + unit : '');
  return `<figure class="chart" data-chart="${esc(title)}"><figcaption>${esc(title)}</figcaption>
    <svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">
     <line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#c7ced9"/><line x1="${L}" y1="${H - B}" x2="${W}" y2="${H - B}" stroke="#c7ced9"/>
     <line x1="${L}" y1="${y(top / 2)}" x2="${W}" y2="${y(top / 2)}" stroke="#eef1f5"/>
     <text x="${L - 3}" y="${T + 7}" text-anchor="end">${fmt(top)}</text><text x="${L - 3}" y="${y(top / 2) + 3}" text-anchor="end">${fmt(top / 2)}</text>
     <text x="${L - 3}" y="${H - B}" text-anchor="end">0</text>
     <text x="${L}" y="${H - 3}">${time(times[0])}</text><text x="${W - 2}" y="${H - 3}" text-anchor="end">${time(times[times.length - 1])}</text>
     ${paths}</svg>
    <div class="legend">${series.map((s, k) => `<span><i style="background:${palette[k % palette.length]}"></i>${esc(s.name)}</span>`).join(' ')}</div></figure>`;
}
const last = values => values.filter(v => v != null).slice(-1)[0];
async function metrics() {
  const m = await get('/api/metrics?minutes=' + document.getElementById('metrics-window').value);
  const t = m.times;
  document.getElementById('metric-services').innerHTML = m.services.length ? m.services.map(s => `
    <h3>${esc(s.service)}</h3><div class="charts">
     ${chart('Requests per second', t, [{ name: 'calls/s', values: s.ratePerSecond }], '/s')}
     ${chart('Errors (server faults)', t, [{ name: 'faults', values: s.errorPercent }], '%')}
     ${chart('Latency', t, [{ name: 'p50', values: s.p50Ms }, { name: 'p99', values: s.p99Ms }], 'ms')}</div>
    <table class="methods"><thead><tr><th>Method</th><th>Calls</th><th>/s</th><th>Errors</th><th>Refused</th><th>p50</th><th>p99</th></tr></thead><tbody>
     ${s.methods.map(r => `<tr data-method="${esc(r.method)}"><td>${esc(r.method)}</td><td>${r.calls}</td><td>${r.ratePerSecond}</td>
       <td class="${r.errorPercent > 0 ? 'err' : ''}">${r.errorPercent} %</td><td>${r.refusedPercent} %</td>
       <td>${r.p50Ms == null ? '' : r.p50Ms + ' ms'}</td><td>${r.p99Ms == null ? '' : r.p99Ms + ' ms'}</td></tr>`).join('')}</tbody></table>`).join('')
    : '<p class="empty">No requests reported yet: services report every 5 seconds.</p>';
  // The queues that moved, or else all of them as one line: eleven flat zeros say less than one.
  const busy = list => {
    const moved = list.filter(s => s.values.some(v => v)).slice(0, 8);
    return moved.length || !list.length ? moved : [{ name: `all ${list.length} queues`, values: t.map((_, i) => list.reduce((a, s) => a + (s.values[i] ?? 0), 0)) }];
  };
  document.getElementById('metric-infra').innerHTML = [
    chart('Outbox backlog (events waiting)', t, m.outboxPending, ''),
    chart('Oldest waiting event', t, m.outboxOldestPendingSeconds, 's'),
    chart('Queue depth', t, busy(m.queueMessages), ''),
    chart('Messages in error queues', t, busy(m.queueMessages.filter(s => s.name.endsWith('_error'))), ''),
    chart('Consumed per second', t, busy(m.queueDeliveredPerSecond), '/s'),
    chart('Published per second', t, busy(m.queuePublishedPerSecond), '/s'),
    chart(`PostgreSQL connections${m.postgresMaxConnections ? ' (max ' + m.postgresMaxConnections + ')' : ''}`, t, m.postgresConnections, ''),
    chart('Redis keyspace hit rate', t, m.redisHitPercent, '%'),
    chart('City cache hit rate (memory + Redis)', t, m.cacheHitPercent, '%'),
    chart('Redis commands per second', t, m.redisCommandsPerSecond, '/s'),
    chart('CPU (share of one core)', t, m.cpuPercent, '%'),
    chart('Memory', t, m.memoryMiB, 'MiB'),
  ].join('');
}
document.getElementById('metrics-window').onchange = () => metrics();
async function traces() {
  const q = new URLSearchParams({ limit: '50' });
  for (const [id, key] of [['trace-service', 'service'], ['trace-route', 'route'], ['trace-status', 'status'], ['trace-min', 'minDurationMs']]) {
    const v = document.getElementById(id).value; if (v) q.set(key, v);
  }
  const rows = await get('/api/traces?' + q);
  document.getElementById('trace-rows').innerHTML = rows.map(t => `
    <tr class="row" data-id="${esc(t.traceId)}"><td>${new Date(t.start).toLocaleTimeString()}</td>
    <td class="${t.hasError ? 'err' : ''}">${esc(t.rootService)}: ${esc(t.rootName)}</td><td>${esc(t.services.join(', '))}</td>
    <td>${t.spanCount}</td><td>${t.durationMs.toFixed(1)} ms</td></tr>`).join('');
  document.querySelectorAll('#trace-rows tr').forEach(tr => tr.onclick = () => showTrace(tr.dataset.id));
}
async function showTrace(id) {
  const spans = await get(`/api/traces/${id}`);
  const start = Math.min(...spans.map(s => Date.parse(s.start)));
  const end = Math.max(...spans.map(s => Date.parse(s.start) + s.durationMs));
  const total = Math.max(end - start, 1);
  document.getElementById('trace-title').textContent = `Trace ${id}`;
  document.getElementById('span-rows').innerHTML = spans.map(s => `
    <tr><td>${esc(s.service)}</td><td class="${s.status === 'Error' ? 'err' : ''}">${esc(s.name)}</td><td>${esc(s.kind)}</td>
    <td><div class="lane"><div class="bar ${esc(s.status)}" style="left:${(Date.parse(s.start) - start) / total * 100}%;width:${Math.max(s.durationMs / total * 100, .5)}%"></div></div></td>
    <td>${s.durationMs.toFixed(1)}</td></tr>`).join('');
}
async function logs() {
  const q = new URLSearchParams({ limit: '200' });
  for (const [id, key] of [['log-service', 'service'], ['log-level', 'level'], ['log-text', 'text'], ['log-trace', 'traceId']]) {
    const v = document.getElementById(id).value; if (v) q.set(key, v);
  }
  const rows = await get('/api/structured-logs?' + q);
  document.getElementById('log-rows').innerHTML = rows.reverse().map(l => `
    <tr><td>${new Date(l.time).toLocaleTimeString()}</td><td>${esc(l.service)}</td><td class="${l.level === 'Error' || l.level === 'Warning' ? 'err' : ''}">${esc(l.level)}</td>
    <td>${esc(l.message)}</td><td>${l.traceId ? `<a href="#" data-trace="${esc(l.traceId)}">${esc(l.traceId.slice(0, 8))}</a>` : ''}</td></tr>`).join('');
  document.querySelectorAll('#log-rows a').forEach(a => a.onclick = e => { e.preventDefault(); document.querySelector('nav button[data-tab=traces]').click(); showTrace(a.dataset.trace); });
}
async function queues() {
  const rows = await get('/api/queues');
  document.getElementById('queue-rows').innerHTML = rows.map(q => `
    <tr><td class="${q.isErrorQueue && q.messages > 0 ? 'err' : ''}">${esc(q.name)}</td><td>${q.messages}</td><td>${q.consumers}</td>
    <td>${q.publishRate}</td><td>${q.deliverRate}</td>
    <td>${q.isErrorQueue && q.messages > 0 ? `<button data-queue="${esc(q.name)}">replay</button>` : ''}</td></tr>`).join('');
  document.querySelectorAll('#queue-rows button').forEach(b => b.onclick = async () => {
    await fetch(`/api/queues/${encodeURIComponent(b.dataset.queue)}:replay`, { method: 'POST' }); queues(); });
}
async function problems() {
  const list = await get('/api/problems');
  document.getElementById('problems').innerHTML = list.map(p => `<div>${esc(p)}</div>`).join('');
}
function refresh() { problems(); if (tab === 'resources') resources(); else if (tab === 'metrics') metrics(); else if (tab === 'queues') queues(); else if (tab === 'traces') traces(); else logs(); }
refresh(); setInterval(refresh, 2000);
</script>
</body>
</html>
""";
}
