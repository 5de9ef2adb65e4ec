namespace Paradiplomacy.ServiceDefaults.Messaging;

/// <summary>An integration event written in the same transaction as the change it announces,
/// waiting for the relay to hand it to the broker.</summary>
public sealed class OutboxMessage
{
    /// <summary>The event's id; published as the message id so consumers can deduplicate.</summary>
    public Guid Id { get; init; }

    /// <summary>Publication order within the service.</summary>
    public long Sequence { get; init; }

    /// <summary>"Namespace.Type, Assembly" of the event.</summary>
    public required string MessageType { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>W3C traceparent of the request that caused the event, so the trace continues past the relay.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
