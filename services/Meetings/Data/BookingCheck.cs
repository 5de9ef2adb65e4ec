using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Meetings.Domain;

namespace Paradiplomacy.Meetings.Data;

/// <summary>Finds participants already booked elsewhere: the other scheduled meetings' occurrences, of
/// anyone with the same e-mail, that overlap an occurrence of this one.</summary>
public sealed class BookingCheck(MeetingsDbContext db)
{
    public async Task<IReadOnlyList<BookingConflict>> ConflictsAsync(Meeting meeting, DateTimeOffset now, CancellationToken ct)
    {
        var emails = meeting.Participants.Select(p => p.Email).ToList();
        var open = meeting.Occurrences.Where(o => o.IsOpen && o.EndsAt > now).ToList();
        if (emails.Count == 0 || open.Count == 0)
        {
            return [];
        }
        var since = open.Min(o => o.StartsAt);
        var until = open.Max(o => o.EndsAt);
        var others = await Busy(emails, since, until, meeting.Id).ToListAsync(ct);
        return [.. others
            .SelectMany(b => open.Where(o => o.StartsAt < b.End && b.Start < o.EndsAt).Take(1)
                .Select(_ => new BookingConflict(meeting.Participants.First(p => p.Email == b.Email).Id, b.MeetingId, b.Key, b.Start)))
            .DistinctBy(c => (c.ParticipantId, c.OtherMeetingId, c.OccurrenceKey))
            .Take(50)];
    }

    /// <summary>When each of these people is booked between <paramref name="since"/> and <paramref name="until"/>.</summary>
    public IQueryable<Booking> Busy(IReadOnlyCollection<string> emails, DateTimeOffset since, DateTimeOffset until, string? exceptMeetingId = null) =>
        from m in db.Meetings.AsNoTracking()
        where m.Status == MeetingStatus.Scheduled && m.Id != exceptMeetingId
        from p in m.Participants
        where emails.Contains(p.Email)
        from o in m.Occurrences
        where (o.Status == OccurrenceStatus.Planned || o.Status == OccurrenceStatus.Moved) && o.StartsAt < until && o.EndsAt > since
        select new Booking(m.Id, o.Key, p.Email, o.StartsAt, o.EndsAt);
}
