using Microsoft.EntityFrameworkCore;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.Programs.Data;
using Paradiplomacy.Programs.Domain;
using Paradiplomacy.Programs.Grpc;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Projections;
using V1 = Paradiplomacy.Contracts.Programs.V1;

namespace Paradiplomacy.Programs.Queries;

/// <summary>The programs' reads, each as much as the caller may see (<see cref="CooperationProgram.ViewFor"/>).
/// A plan not yet approved is NOT_FOUND to anyone outside its region; participants' personal data and
/// the audit trail reach only the region's officers and the ministries.</summary>
public sealed class ProgramQueries(ProgramsDbContext db, TimeProvider clock)
{
    public static readonly string[] FilterFields = ["agreement", "region", "province", "status", "type", "field", "sdg", "year", "agreement_ended"];
    public static readonly string[] OverdueFilterFields = ["agreement", "region", "province"];

    private DateOnly Today => CalendarDay.InIndonesia(clock.GetUtcNow());

    public async Task<V1.Program> GetAsync(string id, Caller caller, CancellationToken ct)
    {
        var (program, view) = await FindVisibleAsync(id, caller, ct);
        return program.ToProto(view);
    }

    public async Task<V1.ListProgramsResponse> ListAsync(IReadOnlyDictionary<string, string> terms, PageRequest page, Caller caller, CancellationToken ct)
    {
        var query = Filter(VisibleTo(db.Programs.AsNoTracking(), caller), terms);
        if (terms.TryGetValue("status", out var status))
        {
            var parsed = FilterTerms.ParseEnum<ProgramStatus>("status", status);
            query = query.Where(p => p.Status == parsed);
        }
        if (terms.TryGetValue("type", out var type))
        {
            var parsed = FilterTerms.ParseEnum<ProgramType>("type", type);
            query = query.Where(p => p.Type == parsed);
        }
        if (terms.TryGetValue("field", out var field))
        {
            query = query.Where(p => p.Field == field);
        }
        if (terms.TryGetValue("sdg", out var sdg))
        {
            query = WithSdg(query, sdg);
        }
        if (terms.TryGetValue("year", out var yearText))
        {
            var year = ParseYear(yearText);
            query = query.Where(p => p.StartDate <= new DateOnly(year, 12, 31) && p.EndDate >= new DateOnly(year, 1, 1));
        }
        if (terms.TryGetValue("agreement_ended", out var ended))
        {
            query = FilterTerms.ParseBool("agreement_ended", ended) ? query.Where(p => p.AgreementEnded != null) : query.Where(p => p.AgreementEnded == null);
        }
        var total = await query.CountAsync(ct);
        var programs = await query.OrderByDescending(p => p.StartDate).ThenBy(p => p.Id).Skip(page.Offset).Take(page.Size).ToListAsync(ct);
        var response = new V1.ListProgramsResponse { TotalSize = total, NextPageToken = page.NextToken(programs.Count, page.Offset + programs.Count < total) };
        response.Programs.AddRange(programs.Select(p => p.ToProto(p.ViewFor(caller))));
        return response;
    }

    /// <summary>The participants with their personal data: the region's officers and the ministries only.</summary>
    public async Task<V1.ListParticipantsResponse> ListParticipantsAsync(string programId, PageRequest page, Caller caller, CancellationToken ct)
    {
        var (program, view) = await FindVisibleAsync(programId, caller, ct);
        RequireFull(view, "Participants' personal data (UU PDP 27/2022) is shown only to the region's officers and the ministries; reports give the counts.");
        var ordered = program.Participants.OrderBy(p => p.EnrolledAt).ThenBy(p => p.Id).ToList();
        var items = ordered.Skip(page.Offset).Take(page.Size).ToList();
        var response = new V1.ListParticipantsResponse { TotalSize = ordered.Count, NextPageToken = page.NextToken(items.Count, page.Offset + items.Count < ordered.Count) };
        response.Participants.AddRange(items.Select(p => p.ToProto()));
        return response;
    }

    public async Task<V1.ProgramHistory> HistoryAsync(string id, Caller caller, CancellationToken ct)
    {
        var (program, view) = await FindVisibleAsync(id, caller, ct);
        RequireFull(view, "The audit trail is shown only to the region's officers and the ministries.");
        var history = new V1.ProgramHistory();
        var records = await db.AuditRecords.AsNoTracking()
            .Where(r => r.AggregateType == nameof(CooperationProgram) && r.AggregateId == program.Id)
            .OrderBy(r => r.At).ThenBy(r => r.Id).ToListAsync(ct);
        history.Audit.AddRange(records.Select(r => r.ToProto()));
        history.EditionIds.AddRange(await db.Programs.AsNoTracking().Where(p => p.SeriesId == program.SeriesId && p.Id != program.Id)
            .OrderBy(p => p.Edition).Select(p => p.Id).ToListAsync(ct));
        return history;
    }

    /// <summary>Open milestones and activities past their due date, oldest first, of programs still open.</summary>
    public async Task<V1.ListOverdueMilestonesResponse> OverdueAsync(IReadOnlyDictionary<string, string> terms, PageRequest page, Caller caller, CancellationToken ct)
    {
        var today = Today;
        var open = new[] { ProgramStatus.Planned, ProgramStatus.Approved, ProgramStatus.InProgress, ProgramStatus.Postponed };
        var programs = await Filter(VisibleTo(db.Programs.AsNoTracking(), caller), terms)
            .Where(p => open.Contains(p.Status))
            .Select(p => new { p.Id, p.Title, p.RegionCode, p.Milestones })
            .ToListAsync(ct);
        var overdue = programs
            .SelectMany(p => p.Milestones.Where(m => m.IsOverdue(today)).Select(m => (Program: p, Milestone: m)))
            .OrderBy(x => x.Milestone.DueDate).ThenBy(x => x.Program.Id).ThenBy(x => x.Milestone.Id)
            .ToList();
        var items = overdue.Skip(page.Offset).Take(page.Size).ToList();
        var response = new V1.ListOverdueMilestonesResponse { TotalSize = overdue.Count, NextPageToken = page.NextToken(items.Count, page.Offset + items.Count < overdue.Count) };
        response.Milestones.AddRange(items.Select(x => new V1.OverdueMilestone
        {
            ProgramId = x.Program.Id,
            ProgramTitle = x.Program.Title,
            RegionCode = x.Program.RegionCode,
            Milestone = x.Milestone.ToProto(),
            DaysOverdue = today.DayNumber - x.Milestone.DueDate.DayNumber,
        }));
        return response;
    }

    /// <summary>The local copy of an agreement, as the agreements service last told of it. One it has not
    /// told of (not signed yet, or just now) is a precondition, not a bad id: it may be there in a moment.</summary>
    public async Task<PartnerAgreement> AgreementAsync(string agreementId, string field, CancellationToken ct) =>
        await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.AgreementId == agreementId, ct)
        ?? throw new PreconditionFailedException(
            $"{field}: no agreement in effect is known by the id '{agreementId}'. Programs are planned under a signed agreement in effect.", "AGREEMENT_NOT_ACTIVE");

    /// <summary>The program and how much of it the caller sees; NOT_FOUND when nothing.</summary>
    public async Task<(CooperationProgram Program, ProgramView View)> FindVisibleAsync(string id, Caller caller, CancellationToken ct)
    {
        Ids.Check("id", id);
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var view = program?.ViewFor(caller) ?? ProgramView.None;
        return program is null || view == ProgramView.None ? throw new NotFoundException("Program", id) : (program, view);
    }

    /// <summary>Programs a caller may know of: all for the ministries; approved ones for everyone; plans
    /// too for the region's officers and the partner cities of their agreements.</summary>
    public static IQueryable<CooperationProgram> VisibleTo(IQueryable<CooperationProgram> programs, Caller caller)
    {
        if (caller.HasRole(Roles.MinistryReviewer))
        {
            return programs;
        }
        var region = caller.HasRole(Roles.RegionalOfficer) ? caller.RegionCode : null;
        var partner = caller.HasRole(Roles.Partner) ? caller.RegionCode : null;
        return programs.Where(p => p.Status != ProgramStatus.Planned || p.RegionCode == region || (partner != null && p.ForeignPartyIds.Contains(partner)));
    }

    public static IQueryable<CooperationProgram> Filter(IQueryable<CooperationProgram> query, IReadOnlyDictionary<string, string> terms)
    {
        if (terms.TryGetValue("agreement", out var agreement))
        {
            query = query.Where(p => p.AgreementId == agreement);
        }
        if (terms.TryGetValue("region", out var region))
        {
            query = query.Where(p => p.RegionCode == region);
        }
        if (terms.TryGetValue("province", out var province))
        {
            query = query.Where(p => p.ProvinceCode == province);
        }
        return query;
    }

    /// <summary>Programs tagged with an SDG target, or with any target of a goal ("11" finds 11.6).</summary>
    public static IQueryable<CooperationProgram> WithSdg(IQueryable<CooperationProgram> query, string tag)
    {
        var normalized = tag.Trim().ToLowerInvariant();
        if (!SdgTargets.IsValid(normalized))
        {
            throw new ValidationException(FilterTerms.FieldName, $"'{tag}' is not an SDG goal or target (11, 11.6, 17.17)");
        }
        if (normalized.Contains('.', StringComparison.Ordinal))
        {
            return query.Where(p => p.AllSdgTargets.Contains(normalized));
        }
        var prefix = normalized + ".";
        return query.Where(p => p.AllSdgTargets.Any(t => t == normalized || t.StartsWith(prefix)));
    }

    /// <summary>A year a program of a partnership can have: from Indonesia's independence, within reason ahead.</summary>
    public static bool IsYear(int year) => year is >= 1945 and <= 2200;

    public static int ParseYear(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && IsYear(year)
            ? year
            : throw new ValidationException(FilterTerms.FieldName, $"year takes a year such as 2026, not '{text}'");

    private static void RequireFull(ProgramView view, string why)
    {
        if (view != ProgramView.Full)
        {
            throw new PermissionDeniedException(why);
        }
    }
}
