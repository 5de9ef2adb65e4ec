#!/usr/bin/env python3
"""Gateway overhead by tools that are not ours: wrk (REST) and h2load (gRPC) from the distribution,
on the system bench/run.sh started, the same cached GetCity the .NET client calls, direct and through
the gateway, alternated run by run so that drift hits both. Prints each tool's figures beside the
direct baseline and the ratio, with the tool's own CPU (in cores) to show whether the client or the
server was the limit. Arguments: state folder, operator token, load core, seconds, repeats, connections."""
import json, os, re, resource, statistics, subprocess, sys, tempfile

state, token, core, seconds, repeats, connections = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
urls = {r['name']: r['urls'] for r in json.load(open(os.path.join(state, 'resources.json')))}
city = 'idn-35.78'

# A gRPC request body: the 5-byte frame header, then GetCityRequest { id = 1 }.
message = bytes([0x0a, len(city)]) + city.encode()
body = tempfile.NamedTemporaryFile(delete=False, suffix='.bin')
body.write(b'\x00' + len(message).to_bytes(4, 'big') + message)
body.close()

def run(command):
    """Runs a load tool on the load core; returns its output and the CPU it used, in cores."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(['taskset', '-c', core, *command], capture_output=True, text=True, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return out, (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / seconds

def wrk(base):
    out, cpu = run(['wrk', '-t1', f'-c{connections}', f'-d{seconds}s', '--latency', '-H', f'Authorization: Bearer {token}', f'{base}/api/v1/cities/{city}'])
    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    errors = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    p99 = re.search(r'99%\s+([\d.]+)(us|ms|s)', out)
    scale = {'us': 0.001, 'ms': 1, 's': 1000}[p99.group(2)]
    return rps, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0, cpu

def h2load(base, clients, streams):
    out, cpu = run(['h2load', '-D', str(seconds), '-c', str(clients), '-m', str(streams),
                    '-H', 'content-type: application/grpc', '-H', 'te: trailers', '-H', f'authorization: Bearer {token}',
                    '-d', body.name, f'{base}/paradiplomacy.registry.v1.CityRegistry/GetCity'])
    done = re.search(r'finished in [\d.]+s, ([\d.]+) req/s', out)
    status = re.search(r'status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx', out)
    failed = re.search(r'(\d+) failed, (\d+) errored', out)
    errors = sum(int(g) for g in status.groups()[1:]) + int(failed.group(1)) + int(failed.group(2))
    return float(done.group(1)), None, errors, cpu

cases = [
    (f'wrk, REST GET city, {connections} connections', lambda side: wrk(urls[side]['http'])),
    (f'h2load, gRPC GetCity, {connections} connections x 1 stream', lambda side: h2load(urls[side]['grpc'], connections, 1)),
    (f'h2load, gRPC GetCity, 1 connection x {connections} streams (as the .NET client)', lambda side: h2load(urls[side]['grpc'], 1, connections)),
]
rows = []
for title, measure in cases:
    results = {'registry': [], 'gateway': []}
    for _ in range(repeats):
        for side in ('registry', 'gateway'):
            results[side].append(measure(side))
    def median(side):
        ordered = sorted(results[side], key=lambda r: r[0])
        return ordered[len(ordered) // 2], sum(r[2] for r in results[side])
    (direct, direct_errors), (gateway, gateway_errors) = median('registry'), median('gateway')
    p99 = lambda r: f', p99 {r[1]:.2f} ms' if r[1] is not None else ''
    row = (title, f'{gateway[0]:.0f}/s{p99(gateway)}, tool CPU {gateway[3]:.2f} cores, errors {gateway_errors}',
           f'direct {direct[0]:.0f}/s{p99(direct)}, tool CPU {direct[3]:.2f} cores, errors {direct_errors}', f'{gateway[0] / direct[0]:.2f}', '≥ 0.75')
    print('measured: ' + ': '.join(row[:2]) + ' | ' + ' | '.join(row[2:4]), flush=True)
    rows.append(row)
os.unlink(body.name)

print()
print(f'Gateway overhead by independent tools, median of {repeats} alternated runs of {seconds} s each; the tools on core {core}')
print()
print('| measure | through the gateway | baseline (same run) | ratio | aim |')
print('| --- | --- | --- | --- | --- |')
for row in rows:
    print('| ' + ' | '.join(row) + ' |')
