namespace Paradiplomacy.Meetings.Extensions;

/// <summary>Meetings: the video provider's room template, the address calendar feeds are reached at, and
/// the calendar job (reminders and overdue action items).</summary>
public sealed class MeetingOptions
{
    /// <summary>The room of a virtual or hybrid meeting given no link: "{meeting}" becomes its id.</summary>
    public string? VideoRoomTemplate { get; set; } = "https://meet.paradiplomacy.go.id/{meeting}";

    /// <summary>Where partners reach the gateway, for the feeds' URLs.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8080";

    public bool CalendarJobEnabled { get; set; } = true;

    public TimeSpan CalendarJobInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long before each occurrence a reminder is announced.</summary>
    public List<TimeSpan> ReminderLeads { get; set; } = [TimeSpan.FromDays(1), TimeSpan.FromHours(1)];
}
