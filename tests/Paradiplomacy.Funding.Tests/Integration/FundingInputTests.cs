using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static Paradiplomacy.Funding.Tests.Integration.FundingSetup;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Funding.Tests.Integration;

/// <summary>Bad input and missing rates get a clear error naming the field, and write nothing; dated
/// rates convert as published, never guessed.</summary>
[Collection(FundingCollection.Name)]
public class FundingInputTests(FundingFixture fixture)
{
    [Fact]
    public async Task An_amount_converts_at_the_rate_in_effect_on_its_date_and_a_missing_rate_is_an_error_that_writes_nothing()
    {
        // Yen are used by this test only: its rates are the ones it publishes.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await SetRateAsync("JPY", today.AddDays(-20), "105.12");
        var (program, _, _) = await FundedProgramAsync(fixture, "Dated rates", pledged: 10_000_000, paid: 0);
        var jica = "src-jica";

        var atOld = await CommitAsync(program, jica, new Google.Type.Money { CurrencyCode = "JPY", Units = 1_000_000 }, today.AddDays(-15));
        var pledge = atOld.Commitments.Single(c => c.SourceId == jica);
        Assert.Equal(("105.12", ToDate(today.AddDays(-20))), (pledge.Value.Rate, pledge.Value.RateDate));
        Assert.Equal(105_120_000_00, Minor(pledge.Value.Idr));

        var entries = await LedgerCountAsync(program);
        var missing = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            CommitAsync(program, jica, new Google.Type.Money { CurrencyCode = "JPY", Units = 1_000 }, today.AddDays(-5)));
        Assert.Equal("EXCHANGE_RATE_MISSING", missing.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        Assert.Contains("JPY", missing.Message, StringComparison.Ordinal);
        Assert.Equal(entries, await LedgerCountAsync(program));

        await SetRateAsync("JPY", today.AddDays(-6), "104.80");
        var atNew = await CommitAsync(program, jica, new Google.Type.Money { CurrencyCode = "JPY", Units = 1_000 }, today.AddDays(-5));
        Assert.Equal("104.8", atNew.Commitments.Last().Value.Rate);

        // A published rate is a fact of its day: the same again is harmless, another is refused.
        await SetRateAsync("JPY", today.AddDays(-6), "104.80");
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => SetRateAsync("JPY", today.AddDays(-6), "99.00"));
        var listed = await fixture.Client.ListExchangeRatesAsync(new V1.ListExchangeRatesRequest { Currency = "JPY" });
        Assert.Equal([ToDate(today.AddDays(-6)), ToDate(today.AddDays(-20))], listed.Rates.Select(r => r.Date));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => SetRateAsync("JPY", today, "1", fixture.Officer()));
    }

    [Fact]
    public async Task Bad_amounts_currencies_and_dates_are_refused_field_by_field_and_change_nothing()
    {
        var (program, apbd, before) = await FundedProgramAsync(fixture, "Bad input", pledged: 10_000_000, paid: 5_000_000);
        var entries = await LedgerCountAsync(program);
        // Two days on: tomorrow in UTC has begun somewhere on earth for most of the day.
        var dayAfterTomorrow = ToDate(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2));
        var cases = new (string Field, V1.RecordExpenditureRequest Request)[]
        {
            ("expenditure.amount", With(program, e => e.Amount = Idr(-5))),
            ("expenditure.amount.currency_code", With(program, e => e.Amount = new Google.Type.Money { CurrencyCode = "XYZ", Units = 5 })),
            ("expenditure.amount", With(program, e => e.Amount = new Google.Type.Money { CurrencyCode = "JPY", Units = 5, Nanos = 500_000_000 })),
            ("expenditure.amount", With(program, e => e.Amount = new Google.Type.Money { CurrencyCode = "IDR", Units = 5, Nanos = 1 })),
            ("expenditure.amount", With(program, e => e.Amount = null)),
            ("expenditure.spent_on", With(program, e => e.SpentOn = dayAfterTomorrow)),
            ("expenditure.spent_on", With(program, e => e.SpentOn = new Google.Type.Date { Year = 2027, Month = 2, Day = 30 })),
            ("expenditure.category", With(program, e => e.Category = V1.BudgetCategory.Unspecified)),
            ("expenditure.category", With(program, e => e.Category = V1.BudgetCategory.Honoraria)),
            ("expenditure.description", With(program, e => e.Description = "  ")),
            ("expenditure.status", With(program, e => e.Status = V1.ExpenditureStatus.Approved)),
            ("expenditure.fiscal_year", With(program, e => e.FiscalYear = 1999)),
        };
        foreach (var (field, request) in cases)
        {
            var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => fixture.Client.RecordExpenditureAsync(request, fixture.Officer()).ResponseAsync);
            Assert.True(RpcAssert.ViolatedFields(status).Contains(field), $"{field}: {status.Message} {string.Join(", ", RpcAssert.ViolatedFields(status))}");
        }
        var commitment = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => fixture.Client.RecordCommitmentAsync(new V1.RecordCommitmentRequest
        {
            ProgramId = program, RequestId = NewRequest(), Commitment = new V1.Commitment { SourceId = "src-nowhere", Amount = Idr(0), CommittedOn = dayAfterTomorrow },
        }, fixture.Officer()).ResponseAsync);
        Assert.Equal(["commitment.amount", "commitment.committed_on", "commitment.source_id"], RpcAssert.ViolatedFields(commitment).Order());

        var after = await fixture.Client.GetProgramFundingAsync(new V1.GetProgramFundingRequest { ProgramId = program }, fixture.Officer());
        Assert.Equal(before.Etag, after.Etag);
        Assert.Equal(entries, await LedgerCountAsync(program));
        Assert.Empty(after.Expenditures);
        Assert.Equal(apbd, after.Commitments.Single().SourceId);
    }

    [Fact]
    public async Task Another_regions_officer_changes_nothing_and_a_planned_programs_money_is_not_found_by_the_public()
    {
        var (program, apbd, funding) = await FundedProgramAsync(fixture, "Scope", pledged: 10_000_000, paid: 5_000_000);
        var surabaya = fixture.Officer(region: "35.78");
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => fixture.Client.RecordExpenditureAsync(Expenditure(program, 1_000, NewRequest()), surabaya).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => fixture.Client.ApproveBudgetAsync(new V1.ApproveBudgetRequest { ProgramId = program }, fixture.Approver(region: "35.78")).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => fixture.Client.CreateFundingSourceAsync(new V1.CreateFundingSourceRequest
        {
            Source = new V1.FundingSource { Kind = V1.SourceKind.RegionalBudget, Name = "APBD DKI (forged)", RegionCode = "31", DefaultCurrency = "IDR" },
        }, surabaya).ResponseAsync);
        var unchanged = await fixture.Client.GetProgramFundingAsync(new V1.GetProgramFundingRequest { ProgramId = program }, fixture.Officer());
        Assert.Equal(funding.Etag, unchanged.Etag);

        // The public: an approved program's figures and sources, no people, no pledges' papers, no expenditures.
        var open = await fixture.Client.GetProgramFundingAsync(new V1.GetProgramFundingRequest { ProgramId = program });
        Assert.Equal(Minor(funding.Figures.Disbursed), Minor(open.Figures.Disbursed));
        Assert.Empty(open.Commitments);
        Assert.Empty(open.Expenditures);
        Assert.Equal(string.Empty, open.Budget.SetBy);
        Assert.Contains(open.Sources, s => s.SourceId == apbd);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => fixture.Client.ListTransactionsAsync(new V1.ListTransactionsRequest { ProgramId = program }).ResponseAsync);

        var planned = await fixture.ProgramAsync("Still a plan", approve: false);
        var budget = new V1.SetBudgetRequest { ProgramId = planned };
        budget.Lines.Add(new V1.BudgetLine { Category = V1.BudgetCategory.Travel, FiscalYear = DateTime.UtcNow.Year, Amount = Idr(1_000_000) });
        await fixture.Client.SetBudgetAsync(budget, fixture.Officer());
        await RpcAssert.FailsWith(StatusCode.NotFound, () => fixture.Client.GetProgramFundingAsync(new V1.GetProgramFundingRequest { ProgramId = planned }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => fixture.Client.GetProgramFundingAsync(new V1.GetProgramFundingRequest { ProgramId = planned }, surabaya).ResponseAsync);
        var report = await fixture.Client.GetFundingReportAsync(new V1.GetFundingReportRequest { AgreementId = fixture.JakartaRotterdam });
        Assert.DoesNotContain(report.Rows, r => r.Key == planned);
        var own = await fixture.Client.GetFundingReportAsync(new V1.GetFundingReportRequest { AgreementId = fixture.JakartaRotterdam }, fixture.Officer());
        Assert.Contains(own.Rows, r => r.Key == planned);
    }

    private static V1.RecordExpenditureRequest With(string program, Action<V1.Expenditure> change)
    {
        var request = Expenditure(program, 1_000_000, NewRequest());
        change(request.Expenditure);
        return request;
    }

    private Task<int> LedgerCountAsync(string program) => fixture.WithDbAsync(db => db.Ledger.CountAsync(e => e.ProgramId == program));

    private async Task<V1.ProgramFunding> CommitAsync(string program, string source, Google.Type.Money amount, DateOnly on) =>
        await fixture.Client.RecordCommitmentAsync(new V1.RecordCommitmentRequest
        {
            ProgramId = program, RequestId = NewRequest(), Commitment = new V1.Commitment { SourceId = source, Amount = amount, CommittedOn = ToDate(on) },
        }, fixture.Officer());

    private async Task SetRateAsync(string currency, DateOnly on, string rate, Metadata? caller = null) =>
        await fixture.Client.SetExchangeRateAsync(new V1.SetExchangeRateRequest
        {
            Rate = new V1.ExchangeRate { Currency = currency, Date = ToDate(on), IdrPerUnit = rate, Source = "Bank Indonesia JISDOR" },
        }, caller ?? fixture.Approver());
}
