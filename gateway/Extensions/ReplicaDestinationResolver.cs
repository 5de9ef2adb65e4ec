using Microsoft.Extensions.Primitives;
using Paradiplomacy.HostDefaults.Discovery;
using StackExchange.Redis;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Paradiplomacy.Gateway.Extensions;

/// <summary>Turns a service's discovery address (http://registry, http://_grpc.registry) into one destination
/// per replica that has announced itself in the <see cref="ReplicaDirectory"/>, so YARP balances over the
/// replicas themselves and its health checks take out the one that fails. Looked at again when a replica
/// arrives or leaves, and every few seconds for leases that ran out. Where no replica has announced itself, or
/// the directory is unreachable, the address resolves as before (the orchestrator's proxy, a Kubernetes Service).</summary>
public sealed partial class ReplicaDestinationResolver : IDestinationResolver, IDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private readonly ReplicaDirectory _directory;
    private readonly IDestinationResolver _fallback;
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<ReplicaDestinationResolver> _logger;
    private readonly Lock _lock = new();
    private CancellationTokenSource _changed = new();
    private int _subscribed;

    public ReplicaDestinationResolver(ReplicaDirectory directory, IDestinationResolver fallback, IConnectionMultiplexer redis,
        ILogger<ReplicaDestinationResolver> logger)
    {
        _directory = directory;
        _fallback = fallback;
        _redis = redis;
        _logger = logger;
    }

    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(IReadOnlyDictionary<string, DestinationConfig> destinations,
        CancellationToken cancellationToken)
    {
        await SubscribeOnceAsync();
        var resolved = new Dictionary<string, DestinationConfig>();
        var unresolved = new Dictionary<string, DestinationConfig>();
        // All at once: with Redis slow to answer, one cluster's resolution takes one timeout, not one per destination.
        var lookups = await Task.WhenAll(destinations.Select(async d =>
        {
            var target = Target(d.Value.Address);
            return (Name: d.Key, Destination: d.Value, Target: target, Replicas: target is { } t ? await ReplicasAsync(t.Service) : []);
        }));
        foreach (var (name, destination, target, replicas) in lookups)
        {
            if (replicas.Count == 0)
            {
                unresolved[name] = destination;
                continue;
            }
            foreach (var replica in replicas)
            {
                resolved[$"{name}/{replica.Id}"] = destination with { Address = replica.Endpoint(target!.Value.Endpoint).ToString().TrimEnd('/'), Host = null };
            }
        }
        var tokens = new List<IChangeToken> { ChangeSignal(), new CancellationChangeToken(new CancellationTokenSource(Refresh).Token) };
        if (unresolved.Count > 0)
        {
            var fallback = await _fallback.ResolveDestinationsAsync(unresolved, cancellationToken);
            foreach (var (name, destination) in fallback.Destinations)
            {
                resolved[name] = destination;
            }
            if (fallback.ChangeToken is { } token)
            {
                tokens.Add(token);
            }
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(tokens));
    }

    public void Dispose() => _changed.Dispose();

    /// <summary>"http://registry" is the registry's http endpoint; "http://_grpc.registry" its grpc one.</summary>
    private static (string Service, string Endpoint)? Target(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsDefaultPort
            ? uri.Host.StartsWith('_') && uri.Host.Split('.', 2) is [var endpoint, var service] ? (service, endpoint[1..]) : (uri.Host, "http")
            : null;

    private async Task<IReadOnlyList<ReplicaAddress>> ReplicasAsync(string service)
    {
        if (!_redis.IsConnected)
        {
            return [];
        }
        try
        {
            return await _directory.ListAsync(service);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogDirectoryUnreachable(_logger, service, ex.Message);
            return [];
        }
    }

    private IChangeToken ChangeSignal()
    {
        lock (_lock)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>A replica arrived or left: every cluster resolves again now, not at the next refresh.</summary>
    private void SignalChange()
    {
        CancellationTokenSource previous;
        lock (_lock)
        {
            previous = _changed;
            _changed = new CancellationTokenSource();
        }
        previous.Cancel();
        previous.Dispose();
    }

    private async Task SubscribeOnceAsync()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            try
            {
                await _redis.GetSubscriber().SubscribeAsync(ReplicaDirectory.Changes, (_, _) => SignalChange());
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Without the signal, the periodic refresh still finds arrivals and departures.
                Interlocked.Exchange(ref _subscribed, 0);
                LogDirectoryUnreachable(_logger, "(changes)", ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replica directory unreachable for {Service}, its discovery address is used: {Reason}")]
    private static partial void LogDirectoryUnreachable(ILogger logger, string service, string reason);
}
