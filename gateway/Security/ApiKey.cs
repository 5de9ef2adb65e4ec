namespace Paradiplomacy.Gateway.Security;

/// <summary>A partner's key: whose it is, what it may do ("registry:read", "agreements:write"; a write
/// scope includes reading) and how often. The secret itself is never stored, only its SHA-256.</summary>
public sealed record ApiKey(
    string Id,
    string Owner,
    string Role,
    string? Region,
    IReadOnlyList<string> Scopes,
    int RequestsPerMinute,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);
