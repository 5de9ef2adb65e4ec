using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Globalization;
using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.ServiceDefaults.Aggregates;

/// <summary>What every aggregate of every service has: an id, a version that is its etag and its
/// optimistic-concurrency token, the request id of the create that made it, and the integration
/// events its own methods raise until the write path moves them into the outbox.</summary>
public abstract class AggregateRoot
{
    public const int MaxId = 64;
    public const int MaxRequestId = 100;

    private readonly List<IntegrationEvent> _events = [];

    public string Id { get; protected init; } = null!;

    [ConcurrencyCheck]
    public int Version { get; protected set; } = 1;

    /// <summary>The idempotency key of the create request that made it, if the caller gave one.</summary>
    public string? RequestId { get; protected init; }

    [NotMapped]
    public string Etag => Version.ToString(CultureInfo.InvariantCulture);

    [NotMapped]
    public IReadOnlyList<IntegrationEvent> PendingEvents => _events;

    /// <summary>The aggregate flattened to field → value, so that a change is audited as the fields it
    /// touched with their old and new values.</summary>
    public abstract IReadOnlyDictionary<string, string?> AuditSnapshot();

    /// <summary>Throws PERMISSION_DENIED unless the caller may change this aggregate at all (its
    /// methods then check the particular right). The write path asks it first, before the etag, the
    /// request's content or any rule, so a caller from outside learns nothing but that.</summary>
    public abstract void AuthorizeChange(Caller caller);

    /// <summary>Called by the write path once the events are in the outbox.</summary>
    public void ClearEvents() => _events.Clear();

    protected void Raise(IntegrationEvent integrationEvent) => _events.Add(integrationEvent);
}
