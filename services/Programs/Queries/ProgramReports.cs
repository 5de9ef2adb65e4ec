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

/// <summary>Reports, partnership health, renewal evidence and SDG roll-ups: counts and sums computed by
/// the database (GROUP BY over indexed columns), never by loading every program. They name no one, so
/// every audience may read them, over the programs it may know of.</summary>
public sealed class ProgramReports(ProgramsDbContext db, TimeProvider clock)
{
    public const int MaxIndicatorRows = 500;
    public static readonly string[] HealthFilterFields = ["province", "region", "band"];

    private static readonly ProgramStatus[] Delivering = [ProgramStatus.Approved, ProgramStatus.InProgress, ProgramStatus.Postponed, ProgramStatus.Completed];

    private DateOnly Today => CalendarDay.InIndonesia(clock.GetUtcNow());

    public async Task<V1.ProgramReport> ReportAsync(V1.GetProgramReportRequest request, Caller caller, CancellationToken ct)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        var violations = new Violations()
            .MaxLength("agreement_id", request.AgreementId, 64).MaxLength("region", request.Region, 20).MaxLength("province", request.Province, 20);
        if (request.Year != 0 && !ProgramQueries.IsYear(request.Year))
        {
            violations.Add("year", "must be a year such as 2026");
        }
        if (request.SdgTarget.Length > 0 && !SdgTargets.IsValid(request.SdgTarget.Trim().ToLowerInvariant()))
        {
            violations.Add("sdg_target", $"'{request.SdgTarget}' is not an SDG goal or target (11, 11.6, 17.17)");
        }
        violations.ThrowIfAny();
        AddTerm(terms, "agreement", request.AgreementId);
        AddTerm(terms, "region", request.Region);
        AddTerm(terms, "province", request.Province);

        var scope = ProgramQueries.Filter(ProgramQueries.VisibleTo(db.Programs.AsNoTracking(), caller), terms);
        if (request.SdgTarget.Length > 0)
        {
            scope = ProgramQueries.WithSdg(scope, request.SdgTarget);
        }
        if (request.Year != 0)
        {
            var (from, to) = (new DateOnly(request.Year, 1, 1), new DateOnly(request.Year, 12, 31));
            scope = scope.Where(p => p.StartDate <= to && p.EndDate >= from);
        }

        var report = new V1.ProgramReport();
        var byStatusAndType = await scope.GroupBy(p => new { p.Status, p.Type }).Select(g => new { g.Key.Status, g.Key.Type, Count = g.Count() }).ToListAsync(ct);
        report.Programs = byStatusAndType.Sum(x => x.Count);
        report.ByStatus.AddRange(Counts(byStatusAndType.GroupBy(x => x.Status.ToString()).Select(g => (g.Key, g.Sum(x => x.Count)))));
        report.ByType.AddRange(Counts(byStatusAndType.GroupBy(x => x.Type.ToString()).Select(g => (g.Key, g.Sum(x => x.Count)))));
        report.Participants = await ParticipantCountsAsync(scope, ct);

        var indicators = await scope.SelectMany(p => p.Indicators, (p, i) => new { ProgramId = p.Id, i.Id, i.Name, i.Unit, i.Baseline, i.Target, i.SdgTargets })
            .OrderBy(i => i.ProgramId).ThenBy(i => i.Id).Take(MaxIndicatorRows).ToListAsync(ct);
        var actuals = scope.SelectMany(p => p.Actuals, (p, a) => a).Where(a => a.IsTotal);
        if (request.Year != 0)
        {
            actuals = actuals.Where(a => a.PeriodEnd.Year == request.Year);
        }
        var totals = await actuals.GroupBy(a => a.IndicatorId).Select(g => new { g.Key, Total = g.Sum(a => a.Value) }).ToDictionaryAsync(x => x.Key, x => x.Total, ct);
        foreach (var i in indicators)
        {
            var actual = totals.GetValueOrDefault(i.Id);
            var progress = new V1.IndicatorProgress
            {
                ProgramId = i.ProgramId, IndicatorId = i.Id, Name = i.Name, Unit = i.Unit, Baseline = i.Baseline, Target = i.Target, Actual = actual,
                PercentOfTarget = Indicator.PercentOfTarget(i.Baseline, i.Target, actual),
            };
            progress.SdgTargets.AddRange(i.SdgTargets);
            report.Indicators.Add(progress);
        }
        report.FieldsWithoutProgram.AddRange(await FieldsWithoutProgramAsync(request, ct));
        return report;
    }

    public async Task<V1.PartnershipHealth> HealthAsync(string agreementId, CancellationToken ct)
    {
        Ids.Check("agreement_id", agreementId);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.AgreementId == agreementId, ct);
        if (agreement is null || !agreement.IsActive)
        {
            throw new NotFoundException("Active partnership", agreementId);
        }
        var signals = await SignalsAsync([agreementId], ct);
        return PartnershipHealth.Assess(agreement, signals.GetValueOrDefault(agreementId, Empty), Today).ToProto();
    }

    /// <summary>Every active partnership in scope, weakest first, so a dormant one is seen before it expires.</summary>
    public async Task<V1.ListPartnershipHealthResponse> ListHealthAsync(IReadOnlyDictionary<string, string> terms, PageRequest page, CancellationToken ct)
    {
        var query = db.Agreements.AsNoTracking().Where(a => a.Status == PartnerAgreement.Active);
        if (terms.TryGetValue("province", out var province))
        {
            query = query.Where(a => a.ProvinceCode == province);
        }
        if (terms.TryGetValue("region", out var region))
        {
            query = query.Where(a => a.RegionCode == region);
        }
        HealthBand? band = terms.TryGetValue("band", out var bandText) ? FilterTerms.ParseEnum<HealthBand>("band", bandText) : null;
        var agreements = await query.ToListAsync(ct);
        var signals = await SignalsAsync([.. agreements.Select(a => a.AgreementId)], ct);
        var today = Today;
        var ranked = agreements.Select(a => PartnershipHealth.Assess(a, signals.GetValueOrDefault(a.AgreementId, Empty), today))
            .Where(h => band is null || h.Band == band)
            .OrderBy(h => h.Score).ThenByDescending(h => h.MonthsSinceLastActivity).ThenBy(h => h.Agreement.AgreementId)
            .ToList();
        var items = ranked.Skip(page.Offset).Take(page.Size).ToList();
        var response = new V1.ListPartnershipHealthResponse { TotalSize = ranked.Count, NextPageToken = page.NextToken(items.Count, page.Offset + items.Count < ranked.Count) };
        response.Partnerships.AddRange(items.Select(h => h.ToProto()));
        response.Regions.AddRange(ranked.GroupBy(h => h.Agreement.RegionCode)
            .Select(g => new V1.RegionHealth
            {
                RegionCode = g.Key, ProvinceCode = g.First().Agreement.ProvinceCode, Partnerships = g.Count(), AverageScore = (int)Math.Round(g.Average(h => h.Score)),
                Thriving = g.Count(h => h.Band == HealthBand.Thriving), Steady = g.Count(h => h.Band == HealthBand.Steady),
                Dormant = g.Count(h => h.Band == HealthBand.Dormant), PaperOnly = g.Count(h => h.Band == HealthBand.PaperOnly),
            })
            .OrderBy(r => r.AverageScore).ThenBy(r => r.RegionCode, StringComparer.Ordinal));
        return response;
    }

    /// <summary>For a renewal decision: each field the agreement names, against what its programs (and
    /// those of the versions it renews or amends) delivered in it.</summary>
    public async Task<V1.RenewalEvidence> RenewalEvidenceAsync(string agreementId, Caller caller, CancellationToken ct)
    {
        Ids.Check("agreement_id", agreementId);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.AgreementId == agreementId, ct)
            ?? throw new NotFoundException("Agreement", agreementId);
        var chain = new List<string> { agreement.AgreementId };
        for (var parent = agreement.ParentAgreementId; parent is not null && chain.Count < 50 && !chain.Contains(parent);)
        {
            chain.Add(parent);
            parent = await db.Agreements.AsNoTracking().Where(a => a.AgreementId == parent).Select(a => a.ParentAgreementId).FirstOrDefaultAsync(ct);
        }
        var programs = await ProgramQueries.VisibleTo(db.Programs.AsNoTracking(), caller)
            .Where(p => chain.Contains(p.AgreementId) && Delivering.Contains(p.Status)).ToListAsync(ct);
        var evidence = new V1.RenewalEvidence { AgreementId = agreement.AgreementId };
        evidence.AgreementIds.AddRange(chain);
        evidence.Fields.AddRange(agreement.Fields.Select(f => FieldEvidence(f, programs.Where(p => p.Field == f).ToList())));
        evidence.OtherFields.AddRange(programs.Where(p => !agreement.Fields.Contains(p.Field)).GroupBy(p => p.Field).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => FieldEvidence(g.Key, [.. g])));
        return evidence;
    }

    /// <summary>Totals reported for one SDG target in a year, summed up to region, province or nation, per unit.</summary>
    public async Task<V1.SdgRollup> SdgRollupAsync(V1.GetSdgRollupRequest request, RollupLevel level, Caller caller, CancellationToken ct)
    {
        var target = request.SdgTarget.Trim().ToLowerInvariant();
        var violations = new Violations().Required("sdg_target", request.SdgTarget).MaxLength("province", request.Province, 20);
        if (target.Length > 0 && !SdgTargets.IsValid(target))
        {
            violations.Add("sdg_target", $"'{request.SdgTarget}' is not an SDG goal or target (11, 11.6, 17.17)");
        }
        if (!ProgramQueries.IsYear(request.Year))
        {
            violations.Add("year", "is required: a year such as 2026");
        }
        violations.ThrowIfAny();

        var programs = ProgramQueries.VisibleTo(db.Programs.AsNoTracking(), caller);
        if (request.Province.Length > 0)
        {
            programs = programs.Where(p => p.ProvinceCode == request.Province);
        }
        var prefix = target + ".";
        var actuals = programs
            .SelectMany(p => p.Actuals, (p, a) => new { ProgramId = p.Id, p.RegionCode, p.ProvinceCode, a.Unit, a.Value, a.IsTotal, a.PeriodEnd, a.SdgTargets })
            .Where(x => x.IsTotal && x.PeriodEnd.Year == request.Year);
        // Chosen here, not inside the query, so that a target is the plain array containment its GIN index serves.
        actuals = target.Contains('.', StringComparison.Ordinal)
            ? actuals.Where(x => x.SdgTargets.Contains(target))
            : actuals.Where(x => x.SdgTargets.Any(t => t == target || t.StartsWith(prefix)));
        var rows = await actuals
            .GroupBy(x => new { x.ProgramId, x.RegionCode, x.ProvinceCode, x.Unit })
            .Select(g => new { g.Key.ProgramId, g.Key.RegionCode, g.Key.ProvinceCode, g.Key.Unit, Total = g.Sum(x => x.Value) })
            .ToListAsync(ct);
        var rollup = new V1.SdgRollup { SdgTarget = target, Year = request.Year, Level = (V1.RollupLevel)level };
        rollup.Rows.AddRange(rows
            .GroupBy(r => (Scope: level switch { RollupLevel.Region => r.RegionCode, RollupLevel.Province => r.ProvinceCode, _ => "ID" }, r.Unit))
            .OrderBy(g => g.Key.Scope, StringComparer.Ordinal).ThenBy(g => g.Key.Unit, StringComparer.Ordinal)
            .Select(g =>
            {
                var row = new V1.RollupRow { Scope = g.Key.Scope, IndicatorUnit = g.Key.Unit, Total = g.Sum(r => r.Total) };
                row.ProgramIds.AddRange(g.Select(r => r.ProgramId).Distinct().Order(StringComparer.Ordinal));
                return row;
            }));
        return rollup;
    }

    private static readonly PartnershipSignals Empty = new(0, 0, 0, 0, 0, 0, null);

    /// <summary>What happened under each agreement: three grouped queries, whatever the number of programs.</summary>
    private async Task<Dictionary<string, PartnershipSignals>> SignalsAsync(IReadOnlyList<string> agreementIds, CancellationToken ct)
    {
        var yearAgo = Today.AddYears(-1);
        var programs = db.Programs.AsNoTracking().Where(p => agreementIds.Contains(p.AgreementId) && Delivering.Contains(p.Status));
        var counts = await programs.GroupBy(p => p.AgreementId).Select(g => new
        {
            g.Key,
            Programs = g.Count(),
            Started = g.Count(p => p.Status == ProgramStatus.InProgress || p.Status == ProgramStatus.Completed),
            Completed = g.Count(p => p.Status == ProgramStatus.Completed),
            Last = g.Max(p => p.UpdatedAt),
        }).ToListAsync(ct);
        var participants = await programs.SelectMany(p => p.Participants, (p, x) => p.AgreementId).GroupBy(a => a)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var actuals = await programs.SelectMany(p => p.Actuals, (p, a) => new { p.AgreementId, a.RecordedOn }).GroupBy(x => x.AgreementId)
            .Select(g => new { g.Key, Count = g.Count(), LastYear = g.Count(x => x.RecordedOn >= yearAgo), Last = g.Max(x => x.RecordedOn) })
            .ToDictionaryAsync(x => x.Key, ct);
        return counts.ToDictionary(c => c.Key, c =>
        {
            var reported = actuals.GetValueOrDefault(c.Key);
            var last = DateOnly.FromDateTime(c.Last.UtcDateTime);
            if (reported is not null && reported.Last > last)
            {
                last = reported.Last;
            }
            return new PartnershipSignals(c.Programs, c.Started, c.Completed, reported?.LastYear ?? 0, reported?.Count ?? 0,
                participants.GetValueOrDefault(c.Key), last);
        });
    }

    private async Task<V1.ParticipantCounts> ParticipantCountsAsync(IQueryable<CooperationProgram> scope, CancellationToken ct)
    {
        var groups = await scope.SelectMany(p => p.Participants, (p, x) => x)
            .GroupBy(x => new { x.Side, x.Gender, x.Role, x.AgeBand })
            .Select(g => new { g.Key.Side, g.Key.Gender, g.Key.Role, g.Key.AgeBand, Count = g.Count() })
            .ToListAsync(ct);
        var counts = new V1.ParticipantCounts { Total = groups.Sum(g => g.Count) };
        counts.BySide.AddRange(Counts(groups.GroupBy(g => g.Side.ToString()).Select(g => (g.Key, g.Sum(x => x.Count)))));
        counts.ByGender.AddRange(Counts(groups.GroupBy(g => g.Gender.ToString()).Select(g => (g.Key, g.Sum(x => x.Count)))));
        counts.ByRole.AddRange(Counts(groups.GroupBy(g => g.Role.ToString()).Select(g => (g.Key, g.Sum(x => x.Count)))));
        counts.ByAgeBand.AddRange(Counts(groups.GroupBy(g => g.AgeBand.ToString()).Select(g => (g.Key, g.Sum(x => x.Count)))));
        return counts;
    }

    /// <summary>Fields signed but never carried out: of the one agreement ("culture"), or of every active
    /// agreement of the region or province ("agreement-id: culture").</summary>
    private async Task<IEnumerable<string>> FieldsWithoutProgramAsync(V1.GetProgramReportRequest request, CancellationToken ct)
    {
        var agreements = db.Agreements.AsNoTracking();
        if (request.AgreementId.Length > 0)
        {
            agreements = agreements.Where(a => a.AgreementId == request.AgreementId);
        }
        else if (request.Region.Length > 0 || request.Province.Length > 0)
        {
            agreements = agreements.Where(a => a.Status == PartnerAgreement.Active
                                               && (request.Region.Length == 0 || a.RegionCode == request.Region)
                                               && (request.Province.Length == 0 || a.ProvinceCode == request.Province));
        }
        else
        {
            return [];
        }
        var inScope = await agreements.Select(a => new { a.AgreementId, a.Fields }).ToListAsync(ct);
        var ids = inScope.Select(a => a.AgreementId).ToList();
        var served = await db.Programs.AsNoTracking().Where(p => ids.Contains(p.AgreementId) && p.Status != ProgramStatus.Cancelled)
            .Select(p => new { p.AgreementId, p.Field }).Distinct().ToListAsync(ct);
        var single = request.AgreementId.Length > 0;
        return inScope.OrderBy(a => a.AgreementId, StringComparer.Ordinal).SelectMany(a => a.Fields
            .Where(f => !served.Any(s => s.AgreementId == a.AgreementId && s.Field == f))
            .Select(f => single ? f : $"{a.AgreementId}: {f}"));
    }

    private static V1.FieldEvidence FieldEvidence(string field, IReadOnlyList<CooperationProgram> programs)
    {
        var evidence = new V1.FieldEvidence
        {
            Field = field,
            Programs = programs.Count,
            ProgramsCompleted = programs.Count(p => p.Status == ProgramStatus.Completed),
            Participants = programs.Sum(p => p.Participants.Count),
            Indicators = programs.Sum(p => p.Indicators.Count),
            IndicatorsMet = programs.Sum(p => p.Indicators.Count(i => i.IsMet(p.ActualTotal(i.Id)))),
        };
        evidence.ProgramIds.AddRange(programs.Select(p => p.Id).Order(StringComparer.Ordinal));
        return evidence;
    }

    private static IEnumerable<V1.Tally> Counts(IEnumerable<(string Key, int Count)> counts) =>
        counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new V1.Tally { Key = c.Key, Count = c.Count });

    private static void AddTerm(Dictionary<string, string> terms, string name, string value)
    {
        if (value.Length > 0)
        {
            terms[name] = value;
        }
    }
}
