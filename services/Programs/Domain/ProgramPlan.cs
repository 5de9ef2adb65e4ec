namespace Paradiplomacy.Programs.Domain;

/// <summary>What a region plans: the fields a create sets and an update may change.</summary>
public sealed record ProgramPlan(
    ProgramType Type,
    string Field,
    string Title,
    string? Objectives,
    string IndonesianLeadOffice,
    string ForeignLeadOffice,
    DateOnly StartDate,
    DateOnly EndDate,
    DeliveryMode DeliveryMode,
    string? Location,
    Recurrence Recurrence,
    IReadOnlyList<string> SdgTargets);
