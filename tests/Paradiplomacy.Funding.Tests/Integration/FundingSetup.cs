using Google.Type;
using Grpc.Core;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Funding.Tests.Integration;

/// <summary>The steps a region's office and its finance approvers take, as calls of the contract.</summary>
internal static class FundingSetup
{
    public static Date Today => ToDate(DateOnly.FromDateTime(System.DateTime.UtcNow));

    public static Date ToDate(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    public static Money Idr(long rupiah) => new() { CurrencyCode = "IDR", Units = rupiah };

    public static Money Eur(long euros, int cents = 0) => new() { CurrencyCode = "EUR", Units = euros, Nanos = cents * 10_000_000 };

    public static string NewRequest() => Guid.NewGuid().ToString("N");

    public static long Minor(Money m) => m.Units * 100 + m.Nanos / 10_000_000;

    /// <summary>Today's euro rate, published once (a rate is a fact of its day).</summary>
    public static async Task EuroRateAsync(FundingFixture fixture, string rate = "17250.35")
    {
        try
        {
            await fixture.Client.SetExchangeRateAsync(new V1.SetExchangeRateRequest
            {
                Rate = new V1.ExchangeRate { Currency = "EUR", Date = Today, IdrPerUnit = rate, Source = "Bank Indonesia JISDOR" },
            }, fixture.Approver());
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
        }
    }

    public static async Task<string> SourceAsync(FundingFixture fixture, V1.SourceKind kind, string name, string currency, string city = "")
    {
        var source = await fixture.Client.CreateFundingSourceAsync(new V1.CreateFundingSourceRequest
        {
            Source = new V1.FundingSource { Kind = kind, Name = name, DefaultCurrency = currency, PartnerCityId = city },
            RequestId = NewRequest(),
        }, fixture.Officer());
        return source.Id;
    }

    /// <summary>A program with an approved budget (travel, venue, equipment this year), APBD's pledge of
    /// <paramref name="pledged"/> rupiah and, when <paramref name="paid"/> is not zero, a tranche of it paid.</summary>
    public static async Task<(string Program, string Apbd, V1.ProgramFunding Funding)> FundedProgramAsync(FundingFixture fixture, string title, long pledged, long paid)
    {
        var program = await fixture.ProgramAsync(title);
        var apbd = await SourceAsync(fixture, V1.SourceKind.RegionalBudget, $"APBD DKI Jakarta ({title})", "IDR");
        var year = System.DateTime.UtcNow.Year;
        var budget = new V1.SetBudgetRequest { ProgramId = program };
        budget.Lines.Add(new V1.BudgetLine { Category = V1.BudgetCategory.Travel, FiscalYear = year, Amount = Idr(400_000_000), Description = "Delegation to Rotterdam" });
        budget.Lines.Add(new V1.BudgetLine { Category = V1.BudgetCategory.Venue, FiscalYear = year, Amount = Idr(150_000_000), Description = "Workshops in Jakarta" });
        budget.Lines.Add(new V1.BudgetLine { Category = V1.BudgetCategory.Equipment, FiscalYear = year, Amount = Idr(300_000_000), Description = "Water-level sensors" });
        await fixture.Client.SetBudgetAsync(budget, fixture.Officer());
        await fixture.Client.ApproveBudgetAsync(new V1.ApproveBudgetRequest { ProgramId = program }, fixture.Approver());
        var funding = await fixture.Client.RecordCommitmentAsync(new V1.RecordCommitmentRequest
        {
            ProgramId = program, RequestId = NewRequest(),
            Commitment = new V1.Commitment { SourceId = apbd, Amount = Idr(pledged), Reference = "DPA-SKPD Dinas SDA 2027" },
        }, fixture.Officer());
        if (paid > 0)
        {
            funding = await PayAsync(fixture, program, apbd, Idr(paid));
        }
        return (program, apbd, funding);
    }

    /// <summary>Plans a tranche, requested by the office, approved by one finance approver and paid by the treasury.</summary>
    public static async Task<V1.ProgramFunding> PayAsync(FundingFixture fixture, string program, string source, Money amount)
    {
        var planned = await fixture.Client.PlanTrancheAsync(new V1.PlanTrancheRequest
        {
            ProgramId = program, RequestId = NewRequest(), Tranche = new V1.Tranche { SourceId = source, Amount = amount, PlannedDate = Today, Description = "Tranche" },
        }, fixture.Officer());
        var tranche = planned.Tranches.Last().Id;
        await fixture.Client.RequestDisbursementAsync(new V1.RequestDisbursementRequest { ProgramId = program, TrancheId = tranche }, fixture.Officer());
        await fixture.Client.ApproveDisbursementAsync(new V1.ApproveDisbursementRequest { ProgramId = program, TrancheId = tranche }, fixture.Approver());
        return await fixture.Client.RecordDisbursementPaidAsync(new V1.RecordDisbursementPaidRequest { ProgramId = program, TrancheId = tranche, PaidOn = Today, RequestId = NewRequest() },
            fixture.Approver(subject: "kas-daerah"));
    }

    public static V1.RecordExpenditureRequest Expenditure(string program, long rupiah, string requestId, V1.BudgetCategory category = V1.BudgetCategory.Travel) => new()
    {
        ProgramId = program, RequestId = requestId,
        Expenditure = new V1.Expenditure { Category = category, Amount = Idr(rupiah), SpentOn = Today, Description = "Flights Jakarta–Rotterdam", Payee = "Garuda Indonesia" },
    };
}
