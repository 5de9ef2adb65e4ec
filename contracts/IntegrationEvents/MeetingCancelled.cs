namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A meeting's future occurrences, or one occurrence (<see cref="OccurrenceId"/>), were cancelled.</summary>
public sealed record MeetingCancelled(
    string MeetingId, int MeetingVersion, string AgreementId, string? ProgramId, string RegionCode, string Title, string Actor,
    string? OccurrenceId,
    string Reason,
    IReadOnlyList<MeetingNotice> Recipients) : MeetingEvent(MeetingId, MeetingVersion, AgreementId, ProgramId, RegionCode, Title, Actor);
