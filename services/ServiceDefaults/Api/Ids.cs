using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.ServiceDefaults.Api;

/// <summary>Checks of the ids and request ids that every request carries.</summary>
public static class Ids
{
    public static void Check(string field, string? id) =>
        new Violations().Id(field, id).ThrowIfAny();

    public static Violations Id(this Violations violations, string field, string? id) =>
        violations.Required(field, id).MaxLength(field, id, AggregateRoot.MaxId);

    /// <summary>An idempotency key (AIP-155): optional, bounded.</summary>
    public static Violations RequestId(this Violations violations, string? requestId) =>
        violations.MaxLength("request_id", requestId, AggregateRoot.MaxRequestId);

    public static string? OrNull(string? requestId) => string.IsNullOrEmpty(requestId) ? null : requestId;
}
