namespace Paradiplomacy.Agreements.Domain;

/// <summary>One decision on a submission. <see cref="Round"/> tells which submission it answers.</summary>
public sealed record Clearance(
    ClearanceKind Kind,
    ClearanceDecision Decision,
    string Reviewer,
    DateOnly DecidedOn,
    string ReferenceNumber,
    string? Comments,
    int Round);
