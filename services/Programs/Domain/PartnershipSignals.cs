namespace Paradiplomacy.Programs.Domain;

/// <summary>What happened under one agreement, counted from its programs (plans not yet approved do not count).</summary>
public sealed record PartnershipSignals(
    int Programs,
    int Started,
    int Completed,
    int ActualsLastYear,
    int Actuals,
    int Participants,
    DateOnly? LastActivity);
