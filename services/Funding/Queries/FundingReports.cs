using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Funding.Data;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.Funding.Grpc;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Funding.Queries;

/// <summary>Budget against committed, disbursed and spent for any scope, from the balances kept with
/// every booking (a few rows per program, however many entries): by program, agreement, region, source
/// or fiscal year, in rupiah or any currency at a dated rate. Open data: planned programs count only for
/// those who may see them.</summary>
public sealed class FundingReports(FundingDbContext db, FundingQueries queries, RateTable rates, TimeProvider clock)
{
    public async Task<V1.FundingReport> ReportAsync(V1.GetFundingReportRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new Violations();
        var grouping = request.GroupBy == V1.ReportGrouping.Unspecified ? V1.ReportGrouping.ByProgram : request.GroupBy;
        if (!Enum.IsDefined(grouping))
        {
            violations.Add("group_by", "BY_PROGRAM, BY_AGREEMENT, BY_REGION, BY_SOURCE or BY_FISCAL_YEAR");
        }
        var currency = request.Currency.Length == 0 ? Currencies.Rupiah : request.Currency;
        if (!Currencies.IsKnown(currency))
        {
            violations.Add("currency", $"'{request.Currency}' is not an ISO 4217 currency code");
        }
        if (request.FiscalYear != 0 && (request.FiscalYear < 2000 || request.FiscalYear > 2100))
        {
            violations.Add("fiscal_year", "must be between 2000 and 2100");
        }
        var rateDate = request.RateDate.ToDateOnly("rate_date", violations) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        violations.ThrowIfAny();
        var rate = await rates.InEffectAsync(currency, rateDate, "currency", ct);
        Google.Type.Money InCurrency(long idrMinor) => Convert(idrMinor, rate).ToProto();

        var scope = from f in db.Fundings.AsNoTracking()
                    join p in db.Programs.AsNoTracking() on f.Id equals p.ProgramId
                    select new { Funding = f, Program = p };
        if (request.ProgramId.Length > 0)
        {
            scope = scope.Where(x => x.Funding.Id == request.ProgramId);
        }
        if (request.AgreementId.Length > 0)
        {
            scope = scope.Where(x => x.Funding.AgreementId == request.AgreementId);
        }
        if (request.Region.Length > 0)
        {
            // A province's code takes its regencies and cities too: "35" is Jawa Timur and Kota Surabaya 35.78.
            scope = scope.Where(x => x.Funding.RegionCode == request.Region || x.Funding.RegionCode.StartsWith(request.Region + "."));
        }
        // Plans are open data only once approved; the region's own people, the partner of the program and
        // the ministries see theirs (as ProgramFunding.ViewOf decides for one program).
        var ministry = caller.HasRole(Roles.MinistryReviewer);
        var region = caller.HasRole(Roles.RegionalOfficer) || caller.HasRole(Roles.FinanceApprover) ? caller.RegionCode : null;
        var partner = caller.HasRole(Roles.Partner) ? caller.RegionCode : null;
        if (!ministry)
        {
            scope = scope.Where(x => x.Program.Status != FundedProgram.Planned || (region != null && x.Funding.RegionCode == region)
                                     || (partner != null && x.Program.ForeignPartyIds.Contains(partner)));
        }

        var programs = await scope.Select(x => new { x.Funding.Id, x.Funding.AgreementId, x.Funding.RegionCode, x.Program.Title, x.Funding.Budget }).ToListAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        var year = request.FiscalYear;
        var balances = await db.Fundings.AsNoTracking().Where(f => ids.Contains(f.Id))
            .SelectMany(f => f.Balances.Select(b => new { ProgramId = f.Id, Balance = b }))
            .Where(x => year == 0 || x.Balance.FiscalYear == year)
            .Where(x => request.SourceId.Length == 0 || x.Balance.SourceId == request.SourceId)
            .ToListAsync(ct);
        var overruns = await db.Fundings.AsNoTracking().Where(f => ids.Contains(f.Id))
            .SelectMany(f => f.Expenditures.Where(e => e.Overrun && e.ReversedBy == null && (year == 0 || e.FiscalYear == year)).Select(e => new { ProgramId = f.Id, e.OverrunIdrMinor }))
            .ToListAsync(ct);
        var byProgram = programs.ToDictionary(p => p.Id);
        var sources = await queries.SourcesAsync(balances.Select(b => b.Balance.SourceId).Where(s => s.Length > 0), ct);

        // Each program's budget (its lines of the year asked) and overruns, to the row its grouping puts it in.
        string KeyOf(string programId) => grouping switch
        {
            V1.ReportGrouping.ByAgreement => byProgram[programId].AgreementId,
            V1.ReportGrouping.ByRegion => byProgram[programId].RegionCode,
            _ => programId,
        };
        var rows = new Dictionary<string, (string Label, Figures Figures)>();
        void Add(string key, string label, Figures figures) =>
            rows[key] = rows.TryGetValue(key, out var row) ? (row.Label, row.Figures.Plus(figures)) : (label, figures);

        if (grouping == V1.ReportGrouping.BySource)
        {
            foreach (var group in balances.Where(b => b.Balance.SourceId.Length > 0).GroupBy(b => b.Balance.SourceId))
            {
                Add(group.Key, sources.TryGetValue(group.Key, out var s) ? s.Name : group.Key, Figures.From(group.Select(b => b.Balance), 0, 0, 0));
            }
        }
        else if (grouping == V1.ReportGrouping.ByFiscalYear)
        {
            foreach (var p in programs)
            {
                foreach (var line in p.Budget.Lines.Where(l => year == 0 || l.FiscalYear == year))
                {
                    Add(Year(line.FiscalYear), Year(line.FiscalYear), Figures.Zero with { Budget = line.Value.IdrMinor });
                }
            }
            foreach (var group in balances.GroupBy(b => b.Balance.FiscalYear))
            {
                Add(Year(group.Key), Year(group.Key), Figures.From(group.Select(b => b.Balance), 0, 0, 0));
            }
        }
        else
        {
            var balancesOf = balances.ToLookup(b => b.ProgramId, b => b.Balance);
            var overrunsOf = overruns.ToLookup(o => o.ProgramId, o => o.OverrunIdrMinor);
            foreach (var p in programs)
            {
                var budget = p.Budget.Lines.Where(l => year == 0 || l.FiscalYear == year).Sum(l => l.Value.IdrMinor);
                var label = grouping switch
                {
                    V1.ReportGrouping.ByAgreement => p.AgreementId,
                    V1.ReportGrouping.ByRegion => p.RegionCode,
                    _ => p.Title,
                };
                Add(KeyOf(p.Id), label, Figures.From(balancesOf[p.Id], budget, overrunsOf[p.Id].Sum(), overrunsOf[p.Id].Count()));
            }
        }

        var report = new V1.FundingReport { Currency = currency, Rate = FundingMapper.Rate(rate.IdrPerUnit), RateDate = rate.Date.ToProto() };
        var total = Figures.Zero;
        foreach (var (key, row) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            report.Rows.Add(new V1.FundingReportRow { Key = key, Label = row.Label, Figures = row.Figures.ToProto(InCurrency) });
            if (grouping != V1.ReportGrouping.BySource)
            {
                total = total.Plus(row.Figures);
            }
        }
        if (grouping == V1.ReportGrouping.BySource)
        {
            // A source's money is not attributed to budget lines: the totals are the whole scope's.
            var overrunTotal = overruns.Sum(o => o.OverrunIdrMinor);
            total = Figures.From(balances.Select(b => b.Balance), programs.Sum(p => p.Budget.Lines.Where(l => year == 0 || l.FiscalYear == year).Sum(l => l.Value.IdrMinor)), overrunTotal, overruns.Count);
        }
        report.Total = total.ToProto(InCurrency);
        report.Sources.AddRange(FundingMapper.Shares(balances.Select(b => b.Balance), sources, InCurrency));
        return report;
    }

    /// <summary>Rupiah in another currency at <paramref name="rate"/>, rounded half away from zero to its minor unit.</summary>
    public static Money Convert(long idrMinor, ExchangeRate rate)
    {
        if (rate.Currency == Currencies.Rupiah)
        {
            return Money.Idr(idrMinor);
        }
        var major = idrMinor / 100m / rate.IdrPerUnit;
        var exponent = Currencies.Exponent(rate.Currency);
        return new Money((long)decimal.Round(major * (decimal)Math.Pow(10, exponent), 0, MidpointRounding.AwayFromZero), rate.Currency);
    }

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
