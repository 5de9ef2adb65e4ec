namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>One participant to tell of a meeting's change, with the start in their own zone, so a
/// notifier needs no call back to write "Tuesday 9 March 2027, 19:00 WIB".</summary>
public sealed record MeetingNotice(string ParticipantId, string Name, string Email, string TimeZone, string LocalStart);
