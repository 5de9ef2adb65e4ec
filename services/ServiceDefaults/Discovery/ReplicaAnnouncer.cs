using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paradiplomacy.HostDefaults.Discovery;
using RedisException = StackExchange.Redis.RedisException;

namespace Paradiplomacy.ServiceDefaults.Discovery;

/// <summary>Announces this replica's own two endpoints in the <see cref="ReplicaDirectory"/> while it runs
/// and withdraws them as it stops, so that the gateway sends calls to each replica itself and none to one
/// that is gone. Only what Kestrel really listens on is announced (an in-process test server announces
/// nothing). Where Kestrel listens on every interface (a pod: http://+:8080), the address others reach it by
/// is Replicas:AdvertisedHost (the pod's IP).</summary>
public sealed partial class ReplicaAnnouncer(string service, ReplicaDirectory directory, IServer server, IConfiguration configuration,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ReplicaAnnouncer> logger) : BackgroundService
{
    private readonly string _id = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
    private ReplicaAddress? _address;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken) || (_address = OwnAddress()) is null)
        {
            return;
        }
        LogAnnouncing(logger, service, _address.Http, _address.Grpc);
        using var timer = new PeriodicTimer(ReplicaDirectory.Lease / 3, clock);
        do
        {
            try
            {
                await directory.AnnounceAsync(_address with { AnnouncedAt = clock.GetUtcNow() });
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                // The gateway falls back to the service's discovery address while the directory is away.
                LogNotAnnounced(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_address is not null)
        {
            try
            {
                await directory.WithdrawAsync(service, _id).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                // A moment for the gateways to hear it and send the next calls elsewhere, before Kestrel stops
                // taking them (what a preStop pause does for a pod).
                await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException or ObjectDisposedException)
            {
                LogNotAnnounced(logger, ex.Message);
            }
        }
        await base.StopAsync(cancellationToken);
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The http and grpc endpoints Kestrel listens on, told apart by the ports configured for them.</summary>
    private ReplicaAddress? OwnAddress()
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal)
            .Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal))).ToList() ?? [];
        Uri? Listening(string endpoint) =>
            configuration[$"Kestrel:Endpoints:{endpoint}:Url"] is { } url && Uri.TryCreate(url.Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var configured)
                ? listening.FirstOrDefault(l => l.Port == configured.Port)
                : null;
        if (Listening("http") is not { } http || Listening("grpc") is not { } grpc)
        {
            return null;
        }
        var advertised = configuration["Replicas:AdvertisedHost"];
        Uri Reachable(Uri uri) => uri.Host is "0.0.0.0" or "[::]" or "::"
            ? new UriBuilder(uri) { Host = advertised ?? throw new InvalidOperationException(
                $"Kestrel listens on every interface ({uri}); set Replicas:AdvertisedHost to the address other processes reach this one by.") }.Uri
            : uri;
        return new ReplicaAddress(service, _id, Reachable(http), Reachable(grpc), clock.GetUtcNow());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Announcing this {Service} replica at {Http} and {Grpc}")]
    private static partial void LogAnnouncing(ILogger logger, string service, Uri http, Uri grpc);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The replica directory is unreachable: {Reason}")]
    private static partial void LogNotAnnounced(ILogger logger, string reason);
}
