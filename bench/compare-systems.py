# Side by side, the medians of two kinds of `bench cost` runs (bench/system.sh's measure_cost):
#   compare-systems.py RESULTS.jsonl TITLE LABEL_A HEADING_A LABEL_B HEADING_B
# Each row: A, B and A's change against B.
import json, statistics, sys

results, title, label_a, heading_a, label_b, heading_b = sys.argv[1:7]
runs = [json.loads(l) for l in open(results) if l.startswith('{')]

def med(label, path):
    values = []
    for r in (r for r in runs if r['label'] == label):
        for key in path:
            r = r.get(key, 0) if isinstance(r, dict) else 0
        values.append(r)
    return statistics.median(values)

rows = [('read: GetCity via gateway, calls/s', ('read', 'rps')), ('read: p99 ms', ('read', 'p99Ms')),
        ('read: system CPU ms per call', ('read', 'cpuMsPerCall')),
        ('write: CreateCity via gateway, calls/s', ('write', 'rps')), ('write: p99 ms', ('write', 'p99Ms')),
        ('write: system CPU ms per call', ('write', 'cpuMsPerCall'))]
for kind in ('read', 'write'):
    rows += [(f'{kind}: CPU ms per call in {name}', (kind, 'cpuMsPerCallBy', name)) for name in sorted(runs[0][kind]['cpuMsPerCallBy'])]
rows += [(f'memory after load: {name} MiB', ('memory', name)) for name in sorted(runs[0]['memory'])]
print()
print(f"{title}, median of {len([r for r in runs if r['label'] == label_a])} run(s) each")
print()
print(f'| measure | {heading_a} | {heading_b} | change |')
print('| --- | --- | --- | --- |')
for row, path in rows:
    a, b = med(label_a, path), med(label_b, path)
    change = (a - b) / b * 100 if b else 0
    print(f'| {row} | {a:g} | {b:g} | {change:+.1f} % |')
