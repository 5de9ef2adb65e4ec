namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>What every meeting event says about the meeting it concerns. <see cref="MeetingVersion"/>
/// grows with every change: a consumer keeps the highest and ignores older news.</summary>
public abstract record MeetingEvent(
    string MeetingId,
    int MeetingVersion,
    string AgreementId,
    string? ProgramId,
    string RegionCode,
    string Title,
    string Actor) : IntegrationEvent;
