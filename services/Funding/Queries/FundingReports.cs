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
        var rateDate = request.RateDate.ToDateOnly("rate_date", violations) ?? CalendarDay.InIndonesia(clock.GetUtcNow());
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
        var year = request.FiscalYear;
        // The balances of the scope added up by the database to one row per report key, account and source.
        var scopedBalances = scope.SelectMany(x => x.Funding.Balances.Select(b => new { x.Funding.Id, x.Funding.AgreementId, x.Funding.RegionCode, b.Account, b.SourceId, b.FiscalYear, b.IdrMinor }))
            .Where(x => year == 0 || x.FiscalYear == year)
            .Where(x => request.SourceId.Length == 0 || x.SourceId == request.SourceId);
        var keyed = grouping switch
        {
            V1.ReportGrouping.ByAgreement => scopedBalances.Select(x => new KeyedBalance { Key = x.AgreementId, Account = x.Account, SourceId = x.SourceId, IdrMinor = x.IdrMinor }),
            V1.ReportGrouping.ByRegion => scopedBalances.Select(x => new KeyedBalance { Key = x.RegionCode, Account = x.Account, SourceId = x.SourceId, IdrMinor = x.IdrMinor }),
            V1.ReportGrouping.BySource => scopedBalances.Select(x => new KeyedBalance { Key = x.SourceId, Account = x.Account, SourceId = x.SourceId, IdrMinor = x.IdrMinor }),
            V1.ReportGrouping.ByFiscalYear => scopedBalances.Select(x => new KeyedBalance { Key = x.FiscalYear.ToString(), Account = x.Account, SourceId = x.SourceId, IdrMinor = x.IdrMinor }),
            _ => scopedBalances.Select(x => new KeyedBalance { Key = x.Id, Account = x.Account, SourceId = x.SourceId, IdrMinor = x.IdrMinor }),
        };
        var sums = (await keyed.GroupBy(x => new { x.Key, x.Account, x.SourceId })
                .Select(g => new { g.Key.Key, g.Key.Account, g.Key.SourceId, IdrMinor = g.Sum(x => x.IdrMinor) }).ToListAsync(ct))
            .Select(x => (x.Key, Balance: new Balance { Key = x.Key, Account = x.Account, SourceId = x.SourceId, Currency = Currencies.Rupiah, IdrMinor = x.IdrMinor })).ToList();
        var overruns = await scope.SelectMany(x => x.Funding.Expenditures.Where(e => e.Overrun && e.ReversedBy == null && (year == 0 || e.FiscalYear == year))
            .Select(e => new { ProgramId = x.Funding.Id, e.OverrunIdrMinor })).ToListAsync(ct);
        var sources = await queries.SourcesAsync(sums.Select(b => b.Balance.SourceId).Where(s => s.Length > 0), ct);

        // Each program's budget (its lines of the year asked) and overruns go to the row its grouping puts it in;
        // a source's money is not attributed to budget lines, so source rows carry none.
        var byProgram = programs.ToDictionary(p => p.Id);
        string? KeyOf(string programId) => grouping switch
        {
            V1.ReportGrouping.ByAgreement => byProgram[programId].AgreementId,
            V1.ReportGrouping.ByRegion => byProgram[programId].RegionCode,
            V1.ReportGrouping.ByProgram => programId,
            _ => null,
        };
        var rows = new Dictionary<string, (string Label, Figures Figures)>();
        void Add(string key, Figures figures) =>
            rows[key] = rows.TryGetValue(key, out var row) ? (row.Label, row.Figures.Plus(figures)) : (LabelOf(key), figures);
        string LabelOf(string key) => grouping switch
        {
            V1.ReportGrouping.ByProgram => byProgram.TryGetValue(key, out var p) ? p.Title : key,
            V1.ReportGrouping.BySource => sources.TryGetValue(key, out var s) ? s.Name : key,
            _ => key,
        };
        foreach (var group in sums.Where(x => grouping != V1.ReportGrouping.BySource || x.Key.Length > 0).GroupBy(x => x.Key))
        {
            Add(group.Key, Figures.From(group.Select(x => x.Balance), 0, 0, 0));
        }
        foreach (var p in programs)
        {
            foreach (var line in p.Budget.Lines.Where(l => year == 0 || l.FiscalYear == year))
            {
                if ((grouping == V1.ReportGrouping.ByFiscalYear ? Year(line.FiscalYear) : KeyOf(p.Id)) is { } key)
                {
                    Add(key, Figures.Zero with { Budget = line.Value.IdrMinor });
                }
            }
            if (KeyOf(p.Id) is { } programKey && !rows.ContainsKey(programKey))
            {
                Add(programKey, Figures.Zero);
            }
        }
        foreach (var overrun in overruns)
        {
            if (KeyOf(overrun.ProgramId) is { } key)
            {
                Add(key, Figures.Zero with { Overrun = overrun.OverrunIdrMinor, Overruns = 1 });
            }
        }
        var total = Figures.From(sums.Select(x => x.Balance),
            programs.Sum(p => p.Budget.Lines.Where(l => year == 0 || l.FiscalYear == year).Sum(l => l.Value.IdrMinor)), overruns.Sum(o => o.OverrunIdrMinor), overruns.Count);

        var report = new V1.FundingReport { Currency = currency, Rate = FundingMapper.Rate(rate.IdrPerUnit), RateDate = rate.Date.ToProto() };
        foreach (var (key, row) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            report.Rows.Add(new V1.FundingReportRow { Key = key, Label = row.Label, Figures = row.Figures.ToProto(InCurrency) });
        }
        // The totals are the whole scope's (for source rows too, which carry no budget or spending).
        report.Total = total.ToProto(InCurrency);
        report.Sources.AddRange(FundingMapper.Shares(sums.Select(x => x.Balance), sources, InCurrency));
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

    /// <summary>A balance with the report key it adds up under, for the database to group.</summary>
    private sealed class KeyedBalance
    {
        public string Key { get; init; } = string.Empty;
        public Account Account { get; init; }
        public string SourceId { get; init; } = string.Empty;
        public long IdrMinor { get; init; }
    }

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
