using Grpc.Net.Client;
using Paradiplomacy.AppHost;
using Paradiplomacy.Hosting;
using Paradiplomacy.Hosting.Infrastructure;
using Paradiplomacy.Hosting.Resources;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The whole system exactly as the apphost describes it (SystemModel), on free ports and
/// throw-away state: PostgreSQL, Redis, RabbitMQ, the registry and the gateway.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), $"paradiplomacy-e2e-{Environment.ProcessId}");

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public GrpcChannel GatewayGrpc { get; private set; } = null!;

    public string EventBus => App.Get<RabbitMQResource>("eventbus").ConnectionString;

    public async Task InitializeAsync()
    {
        var options = new DistributedApplicationOptions
        {
            StateDirectory = _stateDirectory,
            Fresh = true,
            Ephemeral = true,
            DashboardPort = Ports.Free(),
            GatewayHttpPort = Ports.Free(),
            GatewayGrpcPort = Ports.Free(),
        };
        var builder = DistributedApplication.CreateBuilder(options);
        SystemModel.Describe(builder);
        App = builder.Build();
        await App.StartAsync();

        Gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.GatewayHttpPort}") };
        GatewayGrpc = GrpcChannel.ForAddress($"http://127.0.0.1:{options.GatewayGrpcPort}");
    }

    public string Token(string role, string? region = null, string? ministry = null) => App.Identity.CreateToken(role, region, ministry);

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        GatewayGrpc.Dispose();
        await App.DisposeAsync();
        Directory.Delete(_stateDirectory, recursive: true);
    }
}
