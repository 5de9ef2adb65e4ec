using Microsoft.EntityFrameworkCore;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Meetings.Data;
using Paradiplomacy.Meetings.Domain;
using Paradiplomacy.Meetings.Grpc;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Projections;
using V1 = Paradiplomacy.Contracts.Meetings.V1;

namespace Paradiplomacy.Meetings.Queries;

/// <summary>The meetings' reads, each as much as the caller may see (<see cref="Meeting.ViewFor"/>): a
/// meeting of an agreement still in negotiation is NOT_FOUND to outsiders; names, e-mails, attendance
/// lists, draft minutes and the audit reach only the parties (the audit: the region and the ministries).</summary>
public sealed class MeetingQueries(MeetingsDbContext db, TimeProvider clock)
{
    public static readonly string[] FilterFields = ["region", "agreement", "program", "person", "status", "upcoming"];
    public static readonly string[] ActionItemFilterFields = ["region", "agreement", "meeting", "status", "overdue", "owner"];
    public static readonly string[] HolidayFilterFields = ["country", "region", "year"];

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<(Meeting Meeting, MeetingView View)> FindVisibleAsync(string id, Caller caller, CancellationToken ct)
    {
        Ids.Check("id", id);
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("Meeting", id);
        var view = meeting.ViewFor(caller, await IsPublicAsync(meeting.AgreementId, ct));
        return view == MeetingView.None ? throw new NotFoundException("Meeting", id) : (meeting, view);
    }

    public async Task<V1.Meeting> GetAsync(string id, Caller caller, CancellationToken ct)
    {
        var (meeting, view) = await FindVisibleAsync(id, caller, ct);
        return meeting.ToProto(view, Now);
    }

    /// <summary>Meetings the caller may know of, the next occurrence first (those with none after, newest first).</summary>
    public async Task<V1.ListMeetingsResponse> ListAsync(IReadOnlyDictionary<string, string> terms, PageRequest page, Caller caller, CancellationToken ct)
    {
        var now = Now;
        var query = terms.ContainsKey("person") ? Working(caller) : VisibleTo(caller);
        if (terms.TryGetValue("region", out var region))
        {
            query = query.Where(m => m.RegionCode == region);
        }
        if (terms.TryGetValue("agreement", out var agreement))
        {
            query = query.Where(m => m.AgreementId == agreement);
        }
        if (terms.TryGetValue("program", out var program))
        {
            query = query.Where(m => m.ProgramId == program);
        }
        if (terms.TryGetValue("person", out var person))
        {
            var email = person.Trim().ToLowerInvariant();
            query = query.Where(m => m.Participants.Any(p => p.Email == email));
        }
        if (terms.TryGetValue("status", out var status))
        {
            var parsed = FilterTerms.ParseEnum<MeetingStatus>("status", status);
            query = parsed == MeetingStatus.Concluded
                ? query.Where(m => m.Status == MeetingStatus.Scheduled && !m.Occurrences.Any(o => o.Status != OccurrenceStatus.Cancelled && o.EndsAt > now))
                : query.Where(m => m.Status == parsed);
        }
        if (terms.TryGetValue("upcoming", out var upcoming) && FilterTerms.ParseBool("upcoming", upcoming))
        {
            query = query.Where(m => m.Status == MeetingStatus.Scheduled && m.Occurrences.Any(o => o.Status != OccurrenceStatus.Cancelled && o.EndsAt > now));
        }
        var far = DateTimeOffset.MaxValue;
        var meetings = await query
            .OrderBy(m => m.Occurrences.Where(o => o.Status != OccurrenceStatus.Cancelled && o.EndsAt > now).Min(o => (DateTimeOffset?)o.StartsAt) ?? far)
            .ThenByDescending(m => m.StartsAt).ThenBy(m => m.Id)
            .Skip(page.Offset).Take(page.Size + 1).ToListAsync(ct);
        var more = meetings.Count > page.Size;
        var shown = meetings.Take(page.Size).ToList();
        var publicAgreements = await PublicOf(shown.Select(m => m.AgreementId), ct);
        var response = new V1.ListMeetingsResponse { NextPageToken = page.NextToken(shown.Count, more) };
        response.Meetings.AddRange(shown.Select(m => m.ToProto(m.ViewFor(caller, publicAgreements.Contains(m.AgreementId)), now)));
        return response;
    }

    /// <summary>Action items of the meetings the caller may know of, the earliest due first; owners' names only for the parties.</summary>
    public async Task<V1.ListActionItemsResponse> ActionItemsAsync(IReadOnlyDictionary<string, string> terms, PageRequest page, Caller caller, CancellationToken ct)
    {
        var today = CalendarDay.InIndonesia(Now);
        var meetings = VisibleTo(caller);
        if (terms.TryGetValue("region", out var region))
        {
            meetings = meetings.Where(m => m.RegionCode == region);
        }
        if (terms.TryGetValue("agreement", out var agreement))
        {
            meetings = meetings.Where(m => m.AgreementId == agreement);
        }
        if (terms.TryGetValue("meeting", out var meetingId))
        {
            meetings = meetings.Where(m => m.Id == meetingId);
        }
        var items = meetings.SelectMany(m => m.ActionItems, (m, i) => new { m.Id, m.RegionCode, m.AgreementId, m.ForeignPartyIds, Item = i });
        if (terms.TryGetValue("status", out var status))
        {
            var parsed = FilterTerms.ParseEnum<ActionItemStatus>("status", status);
            items = items.Where(x => x.Item.Status == parsed);
        }
        if (terms.TryGetValue("overdue", out var overdue))
        {
            items = FilterTerms.ParseBool("overdue", overdue)
                ? items.Where(x => x.Item.Status == ActionItemStatus.Open && x.Item.DueDate < today)
                : items.Where(x => x.Item.Status != ActionItemStatus.Open || x.Item.DueDate >= today);
        }
        if (terms.TryGetValue("owner", out var owner))
        {
            items = items.Where(x => x.Item.OwnerParticipantId == owner);
        }
        var found = await items.OrderBy(x => x.Item.DueDate).ThenBy(x => x.Item.Id).Skip(page.Offset).Take(page.Size + 1).ToListAsync(ct);
        var shown = found.Take(page.Size).ToList();
        var working = shown.Where(x => x.RegionCode == caller.RegionCode && caller.HasRole(Roles.RegionalOfficer) || caller.HasRole(Roles.MinistryReviewer)
                                       || (caller.HasRole(Roles.Partner) && caller.RegionCode is { } city && x.ForeignPartyIds.Contains(city)))
            .Select(x => x.Item.OwnerParticipantId).ToHashSet();
        var names = await db.Meetings.AsNoTracking().SelectMany(m => m.Participants).Where(p => working.Contains(p.Id))
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var response = new V1.ListActionItemsResponse { NextPageToken = page.NextToken(shown.Count, found.Count > page.Size) };
        response.ActionItems.AddRange(shown.Select(x => x.Item.ToProto(x.Id, x.RegionCode, x.AgreementId, names.GetValueOrDefault(x.Item.OwnerParticipantId), today)));
        return response;
    }

    public async Task<V1.MeetingHistory> HistoryAsync(string id, Caller caller, CancellationToken ct)
    {
        var (meeting, view) = await FindVisibleAsync(id, caller, ct);
        if (view != MeetingView.Full)
        {
            throw new PermissionDeniedException("The audit trail is shown only to the organising region's officers and the ministries.");
        }
        var records = await db.AuditRecords.AsNoTracking()
            .Where(r => r.AggregateType == nameof(Meeting) && r.AggregateId == meeting.Id)
            .OrderBy(r => r.At).ThenBy(r => r.Id).ToListAsync(ct);
        var history = new V1.MeetingHistory();
        history.Audit.AddRange(records.Select(r => r.ToProto()));
        return history;
    }

    /// <summary>The .ics invitation: the parties only, since it names the attendees and the room.</summary>
    public async Task<string> InvitationAsync(string id, string? participantId, Caller caller, CancellationToken ct)
    {
        var (meeting, view) = await FindVisibleAsync(id, caller, ct);
        if (view is not (MeetingView.Full or MeetingView.Party))
        {
            throw new PermissionDeniedException("Invitations name the participants and the room; they are for the parties to the meeting.");
        }
        if (string.IsNullOrEmpty(participantId))
        {
            return InvitationCalendar.Invitation(meeting, meeting.Participants);
        }
        var participant = meeting.Participants.FirstOrDefault(p => p.Id == participantId) ?? throw new NotFoundException("Participant", participantId);
        return InvitationCalendar.Invitation(meeting, [participant]);
    }

    /// <summary>A subscribed feed: the region's (or city's) meetings, or one person's among them, from 90 days ago on.</summary>
    public async Task<string> FeedAsync(string feedId, string? token, CancellationToken ct)
    {
        Ids.Check("id", feedId);
        var feed = await db.Feeds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == feedId, ct);
        if (feed is null || !feed.Accepts(token))
        {
            // The same answer for a wrong token as for no feed: nothing to learn by guessing.
            throw new NotFoundException("CalendarFeed", feedId);
        }
        var since = Now.AddDays(-90);
        var owner = feed.OwnerRegionCode;
        var query = db.Meetings.AsNoTracking().Where(m => (m.RegionCode == owner || m.ForeignPartyIds.Contains(owner)) && m.Occurrences.Any(o => o.EndsAt > since));
        if (feed.Email is { } email)
        {
            query = query.Where(m => m.Participants.Any(p => p.Email == email));
        }
        var meetings = await query.OrderBy(m => m.StartsAt).Take(500).ToListAsync(ct);
        return InvitationCalendar.Feed(feed.Email is null ? $"Paradiplomacy meetings of {owner}" : $"Paradiplomacy meetings of {feed.Email}", meetings);
    }

    public async Task<V1.ListHolidaysResponse> HolidaysAsync(IReadOnlyDictionary<string, string> terms, PageRequest page, CancellationToken ct)
    {
        var query = db.Holidays.AsNoTracking().Where(h => !h.Deleted);
        if (terms.TryGetValue("country", out var country))
        {
            var code = country.ToUpperInvariant();
            query = query.Where(h => h.CountryCode == code);
        }
        if (terms.TryGetValue("region", out var region))
        {
            query = query.Where(h => h.RegionCode == region);
        }
        if (terms.TryGetValue("year", out var yearText))
        {
            if (!int.TryParse(yearText, System.Globalization.CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
            {
                throw new ValidationException(FilterTerms.FieldName, $"year = {yearText} is not a year");
            }
            query = query.Where(h => h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31));
        }
        var found = await query.OrderBy(h => h.Date).ThenBy(h => h.CountryCode).ThenBy(h => h.Id).Skip(page.Offset).Take(page.Size + 1).ToListAsync(ct);
        var response = new V1.ListHolidaysResponse { NextPageToken = page.NextToken(Math.Min(found.Count, page.Size), found.Count > page.Size) };
        response.Holidays.AddRange(found.Take(page.Size).Select(h => h.ToProto()));
        return response;
    }

    /// <summary>The local copy of an agreement; one not heard of (yet) is named as such.</summary>
    public async Task<PartnerAgreement> AgreementAsync(string agreementId, string field, CancellationToken ct) =>
        await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.AgreementId == agreementId, ct)
        ?? throw new ValidationException(field, $"agreement '{agreementId}' is not known to the meetings service (not drafted, or its event has not arrived yet; try again shortly)");

    public async Task<MeetingProgram> ProgramAsync(string programId, string field, CancellationToken ct) =>
        await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.ProgramId == programId, ct)
        ?? throw new ValidationException(field, $"program '{programId}' is not known to the meetings service (not planned, or its event has not arrived yet; try again shortly)");

    /// <summary>Meetings the caller is a party to (or all, for the ministries): where people may be named.</summary>
    private IQueryable<Meeting> Working(Caller caller)
    {
        var meetings = db.Meetings.AsNoTracking();
        if (caller.HasRole(Roles.MinistryReviewer))
        {
            return meetings;
        }
        var region = caller.HasRole(Roles.RegionalOfficer) ? caller.RegionCode : null;
        var partner = caller.HasRole(Roles.Partner) ? caller.RegionCode : null;
        return meetings.Where(m => m.RegionCode == region || (partner != null && m.ForeignPartyIds.Contains(partner)));
    }

    /// <summary>Meetings the caller may know of: the parties' own, and those of agreements whose existence is public.</summary>
    private IQueryable<Meeting> VisibleTo(Caller caller)
    {
        var meetings = db.Meetings.AsNoTracking();
        if (caller.HasRole(Roles.MinistryReviewer))
        {
            return meetings;
        }
        var region = caller.HasRole(Roles.RegionalOfficer) ? caller.RegionCode : null;
        var partner = caller.HasRole(Roles.Partner) ? caller.RegionCode : null;
        var publicAgreements = db.Agreements.Where(a => PartnerAgreement.PublicStatuses.Contains(a.Status)).Select(a => a.AgreementId);
        return meetings.Where(m => m.RegionCode == region || (partner != null && m.ForeignPartyIds.Contains(partner)) || publicAgreements.Contains(m.AgreementId));
    }

    private Task<bool> IsPublicAsync(string agreementId, CancellationToken ct) =>
        db.Agreements.AnyAsync(a => a.AgreementId == agreementId && PartnerAgreement.PublicStatuses.Contains(a.Status), ct);

    private async Task<HashSet<string>> PublicOf(IEnumerable<string> agreementIds, CancellationToken ct)
    {
        var ids = agreementIds.Distinct().ToList();
        return [.. await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.AgreementId) && PartnerAgreement.PublicStatuses.Contains(a.Status)).Select(a => a.AgreementId).ToListAsync(ct)];
    }
}
