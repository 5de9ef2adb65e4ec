using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Funding.Grpc;

/// <summary>The ledger in the contract's shape, cut to the caller's view: the public sees an approved
/// budget, the figures and who funds; parties also the pledges and tranches; the region's officers,
/// finance approvers and the ministries everything, people and expenditures included.</summary>
public static class FundingMapper
{
    // ---- money ----

    public static Google.Type.Money ToProto(this Money money)
    {
        var (units, nanos) = money.ToUnitsAndNanos();
        return new Google.Type.Money { CurrencyCode = money.Currency, Units = units, Nanos = nanos };
    }

    public static Google.Type.Money Idr(long minor) => Money.Idr(minor).ToProto();

    /// <summary>google.type.Money as an exact, positive amount in an ISO 4217 currency; a violation otherwise.</summary>
    public static Money ToMoney(this Google.Type.Money? money, string field, Violations violations)
    {
        if (money is null)
        {
            violations.Add(field, "is required: {\"currencyCode\": \"IDR\", \"units\": \"1500000\"}");
            return default;
        }
        if (!Currencies.IsKnown(money.CurrencyCode))
        {
            violations.Add($"{field}.currency_code", $"'{money.CurrencyCode}' is not an ISO 4217 currency code (IDR, EUR, JPY, USD...)");
            return default;
        }
        if (Money.MinorOf(money.Units, money.Nanos, money.CurrencyCode) is not { } minor)
        {
            violations.Add(field, $"{money.CurrencyCode} has {Currencies.Exponent(money.CurrencyCode)} decimal places: units and nanos must agree in sign, nanos within them");
            return default;
        }
        if (minor <= 0)
        {
            violations.Add(field, "must be positive");
        }
        return new Money(minor, money.CurrencyCode);
    }

    public static V1.Amount ToProto(this Amount a) => new()
    {
        Original = a.Original.ToProto(),
        Idr = a.Idr.ToProto(),
        Rate = Rate(a.Rate),
        RateDate = a.RateDate.ToProto(),
    };

    /// <summary>A rate as published: "17250.35", without the database's trailing zeros.</summary>
    public static string Rate(decimal rate) => rate.ToString("0.########", CultureInfo.InvariantCulture);

    public static V1.Figures ToProto(this Figures f, Func<long, Google.Type.Money>? money = null)
    {
        money ??= Idr;
        return new V1.Figures
        {
            Budget = money(f.Budget), Committed = money(f.Committed), CommittedInKind = money(f.CommittedInKind), Disbursed = money(f.Disbursed),
            Spent = money(f.Spent), Available = money(f.Available), AbsorptionRate = f.AbsorptionRate, Overrun = money(f.Overrun), Overruns = f.Overruns,
        };
    }

    // ---- catalogue ----

    public static V1.FundingSource ToProto(this FundingSource s) => new()
    {
        Id = s.Id, Kind = (V1.SourceKind)s.Kind, Name = s.Name, RegionCode = s.RegionCode ?? string.Empty, PartnerCityId = s.PartnerCityId ?? string.Empty,
        IatiOrgRef = s.IatiOrgRef ?? string.Empty, DefaultCurrency = s.DefaultCurrency, CreateTime = Timestamp.FromDateTimeOffset(s.CreatedAt),
    };

    public static V1.ExchangeRate ToProto(this ExchangeRate r) => new()
    {
        Currency = r.Currency, Date = r.Date.ToProto(), IdrPerUnit = Rate(r.IdrPerUnit), Source = r.Source, RecordedBy = r.RecordedBy,
    };

    // ---- a program's money ----

    public static V1.ProgramFunding ToProto(this ProgramFunding? f, FundedProgram program, FundingView view, IReadOnlyDictionary<string, FundingSource> sources)
    {
        var full = view == FundingView.Full;
        var party = view is FundingView.Full or FundingView.Party;
        var proto = new V1.ProgramFunding
        {
            ProgramId = program.ProgramId, AgreementId = program.AgreementId, RegionCode = program.RegionCode, ProgramTitle = program.Title,
            ProgramStatus = program.Status, Etag = f?.Etag ?? string.Empty, Figures = (f?.Figures ?? Figures.Zero).ToProto(),
            UpdateTime = f is null ? null : Timestamp.FromDateTimeOffset(f.UpdatedAt),
        };
        if (f is null)
        {
            return proto;
        }
        if (party || f.Budget.IsApproved)
        {
            proto.Budget = f.Budget.ToProto(full);
        }
        proto.Sources.AddRange(Shares(f.Balances, sources));
        if (!party)
        {
            return proto;
        }
        proto.Commitments.AddRange(f.Commitments.Select(c => new V1.Commitment
        {
            Id = c.Id, SourceId = c.SourceId, Party = (V1.Party)c.Party, Amount = c.Value.Original.ToProto(), FiscalYear = c.FiscalYear,
            CommittedOn = c.CommittedOn.ToProto(), InKind = c.InKind, ValuationBasis = c.ValuationBasis ?? string.Empty, Reference = c.Reference ?? string.Empty,
            Value = c.Value.ToProto(), TransactionId = c.TransactionId, Reversed = c.IsReversed,
        }));
        proto.Tranches.AddRange(f.Tranches.Select(t =>
        {
            var tranche = new V1.Tranche
            {
                Id = t.Id, SourceId = t.SourceId, Amount = t.Planned.Original.ToProto(), FiscalYear = t.FiscalYear, PlannedDate = t.PlannedDate.ToProto(),
                Description = t.Description ?? string.Empty, Status = (V1.TrancheStatus)t.Status, RequestedBy = full ? t.RequestedBy ?? string.Empty : string.Empty,
                ApprovedBy = full ? t.ApprovedBy ?? string.Empty : string.Empty, PaidOn = t.PaidOn?.ToProto(), Value = (t.Paid ?? t.Planned).ToProto(),
                TransactionId = t.TransactionId ?? string.Empty, Reversed = t.ReversedTransactions.Count > 0,
            };
            if (full)
            {
                tranche.Rejections.AddRange(t.Rejections);
            }
            return tranche;
        }));
        if (full)
        {
            proto.Expenditures.AddRange(f.Expenditures.Select(e => e.ToProto()));
        }
        return proto;
    }

    public static V1.Budget ToProto(this Budget b, bool full)
    {
        var proto = new V1.Budget
        {
            Status = (V1.BudgetStatus)b.Status, Revision = b.Revision, TotalIdr = Idr(b.TotalIdr),
            SetBy = full ? b.SetBy : string.Empty, ApprovedBy = full ? b.ApprovedBy ?? string.Empty : string.Empty,
            ApproveTime = b.ApprovedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        proto.Lines.AddRange(b.Lines.Select(l => new V1.BudgetLine
        {
            Category = (V1.BudgetCategory)l.Category, FiscalYear = l.FiscalYear, Amount = l.Value.Original.ToProto(), Description = l.Description, Value = l.Value.ToProto(),
        }));
        return proto;
    }

    public static V1.Expenditure ToProto(this Expenditure e)
    {
        var proto = new V1.Expenditure
        {
            Id = e.Id, Category = (V1.BudgetCategory)e.Category, FiscalYear = e.FiscalYear, Amount = e.Value.Original.ToProto(), SpentOn = e.SpentOn.ToProto(),
            Description = e.Description, Payee = e.Payee ?? string.Empty, RequestOverrun = e.Status == ExpenditureStatus.OverrunRequested,
            Status = (V1.ExpenditureStatus)e.Status, Overrun = e.Overrun, OverrunIdr = Idr(e.OverrunIdrMinor), RecordedBy = e.RecordedBy,
            ApprovedBy = e.ApprovedBy ?? string.Empty, Rejection = e.Rejection ?? string.Empty, Value = e.Value.ToProto(), TransactionId = e.TransactionId ?? string.Empty,
            Reversed = e.ReversedBy is not null,
        };
        proto.Receipts.AddRange(e.Receipts.Select(r => r.ToProto()));
        return proto;
    }

    public static V1.Receipt ToProto(this Receipt r) => new()
    {
        Id = r.Id, FileName = r.FileName, ContentType = r.ContentType, SizeBytes = r.SizeBytes, Sha256 = r.Sha256, UploadedBy = r.UploadedBy,
        UploadTime = Timestamp.FromDateTimeOffset(r.UploadedAt),
    };

    /// <summary>Each source's committed and disbursed rupiah, and its share of all that was committed.</summary>
    public static IEnumerable<V1.SourceShare> Shares(IEnumerable<Balance> balances, IReadOnlyDictionary<string, FundingSource> sources, Func<long, Google.Type.Money>? money = null)
    {
        money ??= Idr;
        var bySource = balances.Where(b => b.SourceId.Length > 0).GroupBy(b => b.SourceId)
            .Select(g => (Id: g.Key, Figures: Figures.From(g, 0, 0, 0))).Where(x => x.Figures.Committed != 0 || x.Figures.Disbursed != 0).ToList();
        var total = bySource.Sum(x => x.Figures.Committed);
        return bySource.OrderByDescending(x => x.Figures.Committed).Select(x =>
        {
            sources.TryGetValue(x.Id, out var source);
            return new V1.SourceShare
            {
                SourceId = x.Id, SourceName = source?.Name ?? x.Id, Kind = (V1.SourceKind)(source?.Kind ?? SourceKind.Unspecified), Party = (V1.Party)(source?.Party ?? Party.Unspecified),
                Committed = money(x.Figures.Committed), CommittedInKind = money(x.Figures.CommittedInKind), Disbursed = money(x.Figures.Disbursed),
                Share = total == 0 ? 0 : Math.Round((double)x.Figures.Committed / total, 4),
            };
        });
    }

    public static V1.Transaction ToProto(this IReadOnlyList<LedgerEntry> lines, string? reversedBy, bool full)
    {
        var first = lines[0];
        var proto = new V1.Transaction
        {
            Id = first.TransactionId, Kind = (V1.TransactionKind)first.Kind, ValueDate = first.ValueDate.ToProto(), Reference = first.Reference,
            Description = first.Description, Reverses = first.Reverses ?? string.Empty, ReversedBy = reversedBy ?? string.Empty,
            BookedBy = full ? first.BookedBy : string.Empty, BookTime = Timestamp.FromDateTimeOffset(first.BookedAt),
        };
        proto.Entries.AddRange(lines.Select(l => new V1.LedgerEntry
        {
            Account = (V1.Account)l.Account, Debit = l.Debit, SourceId = l.SourceId, Category = (V1.BudgetCategory)l.Category, FiscalYear = l.FiscalYear,
            Amount = new Amount(new Money(l.AmountMinor, l.Currency), l.IdrMinor, l.Rate, l.RateDate).ToProto(),
        }));
        return proto;
    }
}
