namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A version of an occurrence's minutes was confirmed by both sides and is final.</summary>
public sealed record MinutesConfirmed(
    string MeetingId, int MeetingVersion, string AgreementId, string? ProgramId, string RegionCode, string Title, string Actor,
    string MinutesId,
    int MinutesVersion,
    string OccurrenceId,
    int Decisions) : MeetingEvent(MeetingId, MeetingVersion, AgreementId, ProgramId, RegionCode, Title, Actor);
