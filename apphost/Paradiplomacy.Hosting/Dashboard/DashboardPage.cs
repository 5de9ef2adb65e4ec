namespace Paradiplomacy.Hosting.Dashboard;

/// <summary>The operator's page: every resource with its state, health, endpoints and restarts,
/// refreshed every two seconds, and the console log of the one selected.</summary>
internal static class DashboardPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Paradiplomacy · resources</title>
<style>
 body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1d2430; }
 h1 { font-size: 1.3rem; } table { border-collapse: collapse; width: 100%; }
 th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #dde2ea; font-size: .9rem; vertical-align: top; }
 th { background: #f3f5f8; } .Healthy { color: #0a7d32; font-weight: 600; } .Unhealthy { color: #b3261e; font-weight: 600; }
 .Unknown { color: #6b7280; } a { color: #1a56db; } tr.sel { background: #eef4ff; } tr { cursor: pointer; }
 pre { background: #0f172a; color: #e2e8f0; padding: .8rem; height: 22rem; overflow: auto; font-size: .78rem; }
 .err { color: #fca5a5; } .problem { color: #b3261e; font-size: .8rem; }
</style>
</head>
<body>
<h1>Paradiplomacy resources</h1>
<table>
 <thead><tr><th>Name</th><th>Kind</th><th>State</th><th>Health</th><th>Endpoints</th><th>PID</th><th>Uptime</th><th>Restarts</th></tr></thead>
 <tbody id="resources"><tr><td colspan="8">Loading…</td></tr></tbody>
</table>
<h2 id="logtitle" style="font-size:1rem">Console log</h2>
<pre id="log">Select a resource to see its console.</pre>
<script>
let selected = null, after = 0;
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
async function refresh() {
  const rows = await (await fetch('/api/resources')).json();
  document.getElementById('resources').innerHTML = rows.map(r => `
    <tr data-name="${esc(r.name)}" class="${r.name === selected ? 'sel' : ''}">
     <td>${esc(r.name)}</td><td>${esc(r.kind)}</td><td>${esc(r.state)}</td>
     <td class="${esc(r.health)}">${esc(r.health)}${r.problem ? `<div class="problem">${esc(r.problem)}</div>` : ''}</td>
     <td>${Object.entries(r.endpoints).map(([k, v]) => `${esc(k)}: ${v.startsWith('http') ? `<a href="${esc(v)}">${esc(v)}</a>` : esc(v)}`).join('<br>')}</td>
     <td>${r.pid ?? ''}</td><td>${r.uptimeSeconds == null ? '' : Math.round(r.uptimeSeconds) + ' s'}</td><td>${r.restarts}</td>
    </tr>`).join('');
  document.querySelectorAll('#resources tr').forEach(tr => tr.onclick = () => select(tr.dataset.name));
}
function select(name) { selected = name; after = 0; document.getElementById('log').textContent = '';
  document.getElementById('logtitle').textContent = 'Console log: ' + name; refresh(); pollLogs(); }
async function pollLogs() {
  if (!selected) return;
  const lines = await (await fetch(`/api/logs?resource=${encodeURIComponent(selected)}&after=${after}`)).json();
  const log = document.getElementById('log');
  for (const l of lines) { after = l.sequence; const span = document.createElement('span');
    if (l.isError) span.className = 'err'; span.textContent = l.text + '\n'; log.appendChild(span); }
  if (lines.length) log.scrollTop = log.scrollHeight;
}
refresh(); setInterval(refresh, 2000); setInterval(pollLogs, 1000);
</script>
</body>
</html>
""";
}
