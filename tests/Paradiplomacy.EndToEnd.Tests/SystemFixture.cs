using Grpc.Net.Client;
using Paradiplomacy.Testing;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The whole system exactly as the AppHost describes it, started by Aspire.Hosting.Testing on
/// free ports and throw-away state, with the Aspire dashboard the operations team watches.</summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public PlatformTestHost Host { get; private set; } = null!;

    public DashboardAccess Dashboard => Host.Dashboard!;

    public HttpClient Gateway { get; private set; } = null!;

    public GrpcChannel GatewayGrpc { get; private set; } = null!;

    public string EventBus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await PlatformTestHost.StartAsync("e2e", withDashboard: true);
        EventBus = await Host.ConnectionStringAsync("eventbus");
        Gateway = new HttpClient { BaseAddress = Host.GatewayUrl };
        GatewayGrpc = GrpcChannel.ForAddress(Host.GatewayGrpcUrl);
    }

    public string Token(string role, string? region = null, string? ministry = null) => Host.Token(role, region, ministry);

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        GatewayGrpc.Dispose();
        await Host.DisposeAsync();
    }
}
