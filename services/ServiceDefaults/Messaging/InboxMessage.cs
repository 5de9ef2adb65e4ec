namespace Paradiplomacy.ServiceDefaults.Messaging;

/// <summary>A message a consumer has already handled; a redelivery with the same id is skipped.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
