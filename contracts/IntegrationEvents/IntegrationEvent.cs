namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>Base of every event published over the bus. <see cref="Id"/> doubles as the message id
/// that consumers remember in their inbox, so a redelivery is recognised.</summary>
public abstract record IntegrationEvent
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
