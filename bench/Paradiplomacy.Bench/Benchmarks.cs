using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Paradiplomacy.Bench.Echo;
using Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Bench;

/// <summary>Each measurement beside its baseline from the same run, as issue "Benchmarks" asks.</summary>
public sealed class Benchmarks(BenchOptions options, Report report)
{

    private static readonly Dictionary<string, string[]> SearchQueries = new()
    {
        ["prefix"] = ["sura", "liverp", "yokoh", "manch"],
        ["accent-free"] = ["pecs", "sao paulo", "dusseldorf", "malaga"],
        ["misspelt"] = ["surabya", "liverpol", "kyotto", "barcelna"],
        ["exact"] = ["kyoto", "busan", "rotterdam", "fuqing"],
    };

    private SystemResources _resources = null!;

    /// <summary>A bare gRPC echo at the same concurrency: the ceiling for any gRPC call on this machine.</summary>
    private LoadRun.Result _echoCeiling = null!;

    /// <summary>Every call carries an operator's token: operators are not rate-limited, so the figures measure the gateway.</summary>
    private Metadata Auth => new() { { "Authorization", $"Bearer {options.Token}" } };

    public async Task RunAllAsync()
    {
        _resources = SystemResources.Read(options.StateDirectory);
        var idleMemory = MemoryByResource();

        using var echoChannel = GrpcChannel.ForAddress(options.EchoUrl);
        using var registryChannel = GrpcChannel.ForAddress(Endpoint("registry", "grpc"));
        using var gatewayChannel = GrpcChannel.ForAddress(Endpoint("gateway", "grpc"));
        var echo = new Echo.Echo.EchoClient(echoChannel);
        var direct = new CityRegistry.CityRegistryClient(registryChannel);
        var viaGateway = new CityRegistry.CityRegistryClient(gatewayChannel);

        await SearchAsync(direct, echo);
        await new SearchIndexBenchmark(_resources, report).RunAsync(SearchQueries);
        await GatewayOverheadAsync(direct, viaGateway, echo);
        await RestOverheadAsync();
        await ReadPathAsync(viaGateway);
        await WritePathAsync(direct);
        await BusAsync(direct);
        Footprint(idleMemory);
    }

    /// <summary>Only the write row, for profiling the write path.</summary>
    public async Task WritesOnlyAsync()
    {
        _resources = SystemResources.Read(options.StateDirectory);
        using var registryChannel = GrpcChannel.ForAddress(Endpoint("registry", "grpc"));
        await WritePathAsync(new CityRegistry.CityRegistryClient(registryChannel));
    }

    private async Task SearchAsync(CityRegistry.CityRegistryClient registry, Echo.Echo.EchoClient echo)
    {
        var echoLatency = new LatencyRecorder();
        for (var i = 0; i < 400; i++)
        {
            await echoLatency.TimeAsync(async () => await echo.SayAsync(new EchoMessage { Text = "kyoto" }));
        }
        foreach (var (kind, queries) in SearchQueries)
        {
            var recorder = new LatencyRecorder();
            foreach (var query in queries)
            {
                await registry.ListCitiesAsync(new ListCitiesRequest { Query = query }, Auth); // warm
                for (var i = 0; i < 50; i++)
                {
                    await recorder.TimeAsync(async () => await registry.ListCitiesAsync(new ListCitiesRequest { Query = query }, Auth));
                }
            }
            // Server-side time is what a call costs above an echo over the same channel kind.
            report.Add($"search {kind}, p50 / p99, 1 client, all cities",
                $"{Report.Ms(recorder.Percentile(50))} / {Report.Ms(recorder.Percentile(99))}",
                $"echo {Report.Ms(echoLatency.Percentile(50))} / {Report.Ms(echoLatency.Percentile(99))}",
                $"server p99 ≈ {Report.Ms(recorder.Percentile(99) - echoLatency.Percentile(99))}",
                "server p99 < 2 ms");
        }
        // The same queries from many clients at once, beside the echo at the same concurrency.
        var echoLoaded = await LoadRun.RunAsync(options.Concurrency, options.Duration, async () => await echo.SayAsync(new EchoMessage { Text = "kyoto" }));
        foreach (var (kind, queries) in SearchQueries)
        {
            var next = 0;
            var loaded = await LoadRun.RunAsync(options.Concurrency, options.Duration, async () =>
                await registry.ListCitiesAsync(new ListCitiesRequest { Query = queries[(Interlocked.Increment(ref next) & int.MaxValue) % queries.Length] }, Auth));
            report.Add($"search {kind}, p50 / p99, {options.Concurrency} clients, all cities",
                $"{Report.Ms(loaded.P50)} / {Report.Ms(loaded.P99)}, {Report.Rps(loaded.RequestsPerSecond)}, {loaded.Errors} errors",
                $"echo {Report.Ms(echoLoaded.P50)} / {Report.Ms(echoLoaded.P99)}, {Report.Rps(echoLoaded.RequestsPerSecond)}",
                $"server p99 ≈ {Report.Ms(loaded.P99 - echoLoaded.P99)}",
                "server p99 < 2 ms");
        }
    }

    private async Task GatewayOverheadAsync(CityRegistry.CityRegistryClient direct, CityRegistry.CityRegistryClient viaGateway, Echo.Echo.EchoClient echo)
    {
        var request = new GetCityRequest { Id = "idn-35.78" };
        (_echoCeiling, _) = await LoadRun.RepeatAsync(options.Repeats, options.Concurrency, options.Duration, async () => await echo.SayAsync(new EchoMessage { Text = "idn-35.78" }));
        var ((directFull, directSpread), (gatewayFull, gatewaySpread)) = await LoadRun.CompareAsync(options.Repeats, options.Concurrency, options.Duration,
            async () => await direct.GetCityAsync(request, Auth), async () => await viaGateway.GetCityAsync(request, Auth));
        report.Add($"gateway gRPC GetCity throughput, {options.Concurrency} clients on one HTTP/2 connection",
            $"{Report.Rps(gatewayFull.RequestsPerSecond)} (±{gatewaySpread:P0}), client CPU {Report.Cores(gatewayFull.ClientCpu)}",
            $"direct {Report.Rps(directFull.RequestsPerSecond)} (±{directSpread:P0}), client CPU {Report.Cores(directFull.ClientCpu)}",
            Report.Ratio(gatewayFull.RequestsPerSecond / directFull.RequestsPerSecond), "≥ 0.75");

        // Half load: half the concurrency that saturates the service directly.
        var half = Math.Max(1, options.Concurrency / 4);
        var ((directHalf, _), (gatewayHalf, _)) = await LoadRun.CompareAsync(options.Repeats, half, options.Duration,
            async () => await direct.GetCityAsync(request, Auth), async () => await viaGateway.GetCityAsync(request, Auth));
        report.Add($"gateway gRPC GetCity p99, {half} clients",
            Report.Ms(gatewayHalf.P99), $"direct {Report.Ms(directHalf.P99)}",
            $"+{Report.Ms(gatewayHalf.P99 - directHalf.P99)}", "≤ +1 ms");
        // What the service adds to a gRPC call that does nothing: the ceiling for any call here.
        report.Add($"cached GetCity direct, {options.Concurrency} clients", Report.Rps(directFull.RequestsPerSecond),
            $"bare gRPC echo {Report.Rps(_echoCeiling.RequestsPerSecond)}", Report.Ratio(directFull.RequestsPerSecond / _echoCeiling.RequestsPerSecond), "≥ 0.6");
    }

    private async Task RestOverheadAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency });
        http.DefaultRequestHeaders.Authorization = new("Bearer", options.Token);
        var direct = $"{Endpoint("registry", "http")}/api/v1/cities/idn-35.78";
        var viaGateway = $"{Endpoint("gateway", "http")}/api/v1/cities/idn-35.78";
        var ((directRun, _), (gatewayRun, spread)) = await LoadRun.CompareAsync(options.Repeats, options.Concurrency, options.Duration,
            async () => (await http.GetAsync(direct)).EnsureSuccessStatusCode().Dispose(), async () => (await http.GetAsync(viaGateway)).EnsureSuccessStatusCode().Dispose());
        report.Add($"gateway REST GET city throughput, {options.Concurrency} connections",
            $"{Report.Rps(gatewayRun.RequestsPerSecond)} (±{spread:P0}), client CPU {Report.Cores(gatewayRun.ClientCpu)}",
            $"direct {Report.Rps(directRun.RequestsPerSecond)}, client CPU {Report.Cores(directRun.ClientCpu)}",
            Report.Ratio(gatewayRun.RequestsPerSecond / directRun.RequestsPerSecond), "≥ 0.75");
    }

    private async Task ReadPathAsync(CityRegistry.CityRegistryClient viaGateway)
    {
        var request = new GetCityRequest { Id = "idn-35.78" };
        var (read, spread) = await LoadRun.RepeatAsync(options.Repeats, options.Concurrency, options.Duration, async () => await viaGateway.GetCityAsync(request, Auth));
        report.Add($"cached GetCity via gateway, {options.Concurrency} clients",
            $"{Report.Rps(read.RequestsPerSecond)} (±{spread:P0}), p99 {Report.Ms(read.P99)}", $"bare gRPC echo {Report.Rps(_echoCeiling.RequestsPerSecond)}",
            Report.Ratio(read.RequestsPerSecond / _echoCeiling.RequestsPerSecond), "≥ 0.6");
    }

    private async Task WritePathAsync(CityRegistry.CityRegistryClient direct)
    {
        var clients = Math.Max(1, options.Concurrency / 2);
        var officer = new Metadata { { "Authorization", $"Bearer {await TokenAsync("regional-officer", "35.78")}" } };
        Task<City> Create(string name) => direct.CreateCityAsync(new CreateCityRequest
        {
            City = new City { Name = name, Level = CityLevel.Municipality, CountryCode = "JP", TimeZone = "Asia/Tokyo" },
        }, officer).ResponseAsync;
        await Create($"Bench {Guid.NewGuid():N}"); // the statements prepared, the pool open
        var captured = await WriteStatements.CaptureAsync(_resources, Create);
        Console.WriteLine($"CreateCity's statements, as PostgreSQL logged them ({captured.Statements.Count}):");
        foreach (var statement in captured.Statements)
        {
            Console.WriteLine("  " + (statement.Length > 160 ? statement[..160] + "…" : statement).ReplaceLineEndings(" "));
        }
        var (writes, spread) = await LoadRun.RepeatAsync(options.Repeats, clients, options.Duration, async () => await Create($"Bench {Guid.NewGuid():N}"));
        var pgbench = await PgBenchAsync(captured.Script, "registry-db", clients);
        // pgbench's outbox rows are pending events as the calls' are: the relay publishes both. Let it finish
        // before the next row, whose lags it would otherwise include.
        await OutboxDrainedAsync("registry-db");
        report.Add($"write: CreateCity (EF Core, write path), {clients} clients",
            $"{Report.Rps(writes.RequestsPerSecond)} (±{spread:P0}), p99 {Report.Ms(writes.P99)}",
            $"pgbench running its {captured.Statements.Count} statements {Report.Rps(pgbench)}",
            Report.Ratio(writes.RequestsPerSecond / pgbench), "≥ 0.5");
    }

    private async Task BusAsync(CityRegistry.CityRegistryClient direct)
    {
        var clients = Math.Max(1, options.Concurrency / 2);
        var bus = new BusBenchmark($"amqp://guest:guest@{new Uri(Endpoint("eventbus", "tcp")).Authority}/", direct, region => TokenAsync("regional-officer", region), options.Duration * options.Repeats, clients);
        var platform = await bus.PlatformAsync();
        var raw = await bus.RawAsync();
        report.Add($"events: update → outbox → relay → broker → consumer, {clients} writers",
            $"{Report.Rps(platform.EventsPerSecond)}, lag p50 {Report.Ms(platform.LagP50)} / p99 {Report.Ms(platform.LagP99)}",
            $"RabbitMQ.Client confirmed publish + raw consume {Report.Rps(raw)}",
            Report.Ratio(platform.EventsPerSecond / raw), "≥ 0.3");
        await using var registryDb = NpgsqlDataSource.Create(_resources.Database("registry-db", ";Command Timeout=300"));
        var (drainRate, seconds) = await bus.BacklogAsync(registryDb, options.Backlog);
        report.Add($"events: the outbox relay draining a backlog of {options.Backlog:N0} to a consumer",
            $"{Report.Rps(drainRate)} ({seconds:0.0} s)", $"RabbitMQ.Client confirmed publish + raw consume {Report.Rps(raw)}",
            Report.Ratio(drainRate / raw), "≥ 0.3");
    }

    private async Task OutboxDrainedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(_resources.Database(database));
        await connection.OpenAsync();
        await using var pending = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL", connection);
        for (var i = 0; i < 600 && (long)(await pending.ExecuteScalarAsync())! > 0; i++)
        {
            await Task.Delay(500);
        }
    }

    /// <summary>pgbench running <paramref name="script"/> (one transaction) on <paramref name="database"/>: the median tps.</summary>
    private async Task<double> PgBenchAsync(string script, string database, int clients)
    {
        var port = new Uri(Endpoint("postgres", "tcp")).Port;
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, script);
        var rates = new List<double>();
        for (var i = 0; i < options.Repeats; i++)
        {
            var info = new ProcessStartInfo(options.PgBench)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                Environment = { ["PGPASSWORD"] = _resources.PostgresPassword },
            };
            foreach (var arg in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-n", "-f", file,
                         "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "1", "-T", ((int)options.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), database })
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("pgbench printed no tps: " + output + await process.StandardError.ReadToEndAsync());
            rates.Add(double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture));
        }
        File.Delete(file);
        return rates.Order().ElementAt(rates.Count / 2);
    }

    private void Footprint(Dictionary<string, (long Rss, long Pss, long Peak)> idle)
    {
        var loaded = MemoryByResource();
        foreach (var (name, (rss, pss, _)) in idle.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var (afterRss, afterPss, peak) = loaded.TryGetValue(name, out var after) ? after : (0, 0, 0);
            report.Add($"memory {name} (with child processes)",
                $"RSS idle {rss / 1024} MiB, after load {afterRss / 1024} MiB, main process peak {peak / 1024} MiB",
                $"PSS idle {pss / 1024} MiB, after load {afterPss / 1024} MiB", "", MemoryAim(name));
        }
    }

    /// <summary>The registry holds every place's names in memory; the other services and the gateway hold little.</summary>
    private static string MemoryAim(string resource) => resource switch
    {
        "registry" => "RSS < 200 MiB",
        "agreements" or "programs" or "funding" or "meetings" or "gateway" => "RSS < 120 MiB",
        _ => "",
    };

    private Dictionary<string, (long Rss, long Pss, long Peak)> MemoryByResource() =>
        _resources.Names.ToDictionary(name => name, name =>
        {
            var pid = _resources.Pid(name);
            var (rss, pss, high) = ReadMemory(pid);
            var (childRss, childPss) = ChildrenMemory(pid);
            return (rss + childRss, pss + childPss, high);
        });

    /// <summary>VmRSS and VmHWM of a process, and its PSS (shared pages, such as the .NET runtime's and
    /// framework's files that every service maps, divided among the processes that share them), in KiB.</summary>
    private static (long Rss, long Pss, long Peak) ReadMemory(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return (0, 0, 0);
        }
        static long Value(string file, string key) => File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        var rollup = $"/proc/{pid}/smaps_rollup";
        return (Value(path, "VmRSS:"), File.Exists(rollup) ? Value(rollup, "Pss:") : 0, Value(path, "VmHWM:"));
    }

    /// <summary>PostgreSQL serves each connection from a child process; count them with their server.</summary>
    private static (long Rss, long Pss) ChildrenMemory(int pid)
    {
        var children = $"/proc/{pid}/task/{pid}/children";
        var memory = File.Exists(children)
            ? File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => ReadMemory(int.Parse(c, CultureInfo.InvariantCulture))).ToList()
            : [];
        return (memory.Sum(m => m.Rss), memory.Sum(m => m.Pss));
    }

    private string Endpoint(string resource, string endpoint) => _resources.Endpoint(resource, endpoint).TrimEnd('/');

    private Task<string> TokenAsync(string role, string region) => IdentityTokens.RequestAsync(_resources, role, region);
}
