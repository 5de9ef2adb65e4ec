namespace Paradiplomacy.Meetings.Domain;

public sealed record AgendaItem(Dictionary<string, string> Title, int DurationMinutes, string? Presenter);
