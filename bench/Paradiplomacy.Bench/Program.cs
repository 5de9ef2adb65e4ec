using Microsoft.AspNetCore.Server.Kestrel.Core;
using Paradiplomacy.Bench;

// bench echo --port N        a bare gRPC echo server: the ceiling for any gRPC call here
// bench run                  the measurements; endpoints come from the apphost's dashboard
// bench reports --programs N  the programs service's reports over N generated programs beside plain SQL
// bench funding --entries N --writers W --per-writer K
//                            the funding ledger: W writers booking on one program beside the same SQL transaction,
//                            and the national reports over N generated ledger entries beside summing them in SQL
// bench meetings --participants P --bookings B --days D
//                            the meetings time finder in-process: the interval merge beside trying every start
// bench writes              CreateCity alone, as the write row drives it, for a profiler to watch (dotnet-trace)
// bench cost --label L --apphost-pid N
//                            one side of the telemetry cost comparison (bench/telemetry-cost.sh)
if (args.Length > 0 && args[0] == "echo")
{
    var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], System.Globalization.CultureInfo.InvariantCulture);
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2));
    builder.Services.AddGrpc();
    var app = builder.Build();
    app.MapGrpcService<EchoService>();
    await app.RunAsync();
    return 0;
}

if (args.Length > 0 && args[0] == "meetings")
{
    int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    var finder = new Report();
    new SlotFinderBenchmark(finder).Run(Arg("--participants", 20), Arg("--bookings", 40), Arg("--days", 90));
    finder.Print();
    return 0;
}

var options = BenchOptions.FromEnvironment();
if (args.Length > 0 && args[0] == "cost")
{
    string Arg(string name) => args[Array.IndexOf(args, name) + 1];
    Console.WriteLine(await new TelemetryCost(options, int.Parse(Arg("--apphost-pid"), System.Globalization.CultureInfo.InvariantCulture)).RunAsync(Arg("--label")));
    return 0;
}
if (args.Length > 0 && args[0] == "writes")
{
    var writes = new Report();
    await new Benchmarks(options, writes).WritesOnlyAsync();
    writes.Print();
    return 0;
}
if (args.Length > 0 && args[0] == "reports")
{
    var programs = int.Parse(args[Array.IndexOf(args, "--programs") + 1], System.Globalization.CultureInfo.InvariantCulture);
    var reports = new Report();
    await new ReportsBenchmark(options, reports).RunAsync(programs);
    reports.Print();
    return 0;
}
if (args.Length > 0 && args[0] == "funding")
{
    int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    var ledger = new Report();
    await new FundingBenchmark(options, ledger).RunAsync(Arg("--entries", 1_000_000), Arg("--writers", 16), Arg("--per-writer", 25));
    ledger.Print();
    return 0;
}
var report = new Report();
await new Benchmarks(options, report).RunAllAsync();
report.Print();
return 0;
