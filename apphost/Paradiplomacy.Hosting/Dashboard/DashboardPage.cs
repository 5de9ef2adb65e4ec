namespace Paradiplomacy.Hosting.Dashboard;

/// <summary>The operator's page: resources (state, health, endpoints, restarts) with their console
/// logs, traces as waterfalls, and structured logs across services, refreshed live.</summary>
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
 #problems div { background: #fdecea; color: #8a1c14; padding: .35rem .6rem; margin-bottom: .3rem; border-radius: 4px; font-size: .9rem; }
</style>
</head>
<body>
<h1>Paradiplomacy operations</h1>
<div id="problems"></div>
<nav><button data-tab="resources" class="on">Resources</button><button data-tab="queues">Queues</button><button data-tab="traces">Traces</button><button data-tab="logs">Structured logs</button></nav>

<section id="resources" class="on">
<table>
 <thead><tr><th>Name</th><th>Kind</th><th>State</th><th>Health</th><th>Endpoints</th><th>PID</th><th>Uptime</th><th>CPU</th><th>Memory</th><th>Restarts</th><th></th></tr></thead>
 <tbody id="resource-rows"><tr><td colspan="11">Loading…</td></tr></tbody>
</table>
<h2 id="console-title" style="font-size:1rem">Console log</h2>
<pre id="console">Select a resource to see its console.</pre>
</section>

<section id="queues">
<table><thead><tr><th>Queue</th><th>Messages</th><th>Consumers</th><th>Published/s</th><th>Delivered/s</th><th></th></tr></thead><tbody id="queue-rows"></tbody></table>
</section>

<section id="traces">
<div><select id="trace-service"><option value="">all services</option></select>
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
let tab = 'resources', selected = null, after = 0, services = [];
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
function select(name) { selected = name; after = 0; document.getElementById('console').textContent = '';
  document.getElementById('console-title').textContent = 'Console log: ' + name; resources(); consoleLog(); }
async function consoleLog() {
  if (!selected || tab !== 'resources') return;
  const lines = await get(`/api/logs?resource=${encodeURIComponent(selected)}&after=${after}`);
  const log = document.getElementById('console');
  for (const l of lines) { after = l.sequence; const span = document.createElement('span');
    if (l.isError) span.className = 'err'; span.textContent = l.text + '\n'; log.appendChild(span); }
  if (lines.length) log.scrollTop = log.scrollHeight;
}
async function traces() {
  const service = document.getElementById('trace-service').value, min = document.getElementById('trace-min').value;
  const rows = await get(`/api/traces?limit=50${service ? '&service=' + encodeURIComponent(service) : ''}${min ? '&minDurationMs=' + min : ''}`);
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
function refresh() { problems(); if (tab === 'resources') resources(); else if (tab === 'queues') queues(); else if (tab === 'traces') traces(); else logs(); }
refresh(); setInterval(refresh, 2000); setInterval(consoleLog, 1000);
</script>
</body>
</html>
""";
}
