namespace Paradiplomacy.Meetings.Domain;

/// <summary>What a meeting says, as the organiser gives it (checked by <see cref="Meeting"/>).</summary>
public sealed record MeetingPlan(
    string Title,
    string? Purpose,
    MeetingMode Mode,
    string? VideoUrl,
    string? Venue,
    IReadOnlyList<AgendaItem> Agenda,
    IReadOnlyList<InterpretationNeed> Interpretation,
    IReadOnlyList<ParticipantInput> Participants);
