using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Paradiplomacy.Funding.Domain;
using static Paradiplomacy.Funding.Tests.Integration.FundingSetup;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.Funding.Tests.Integration;

/// <summary>On the real PostgreSQL: many writers on one program at once never spend more than was
/// disbursed, retries of a request book once, and the kept balances equal the sums of the entries.</summary>
[Collection(FundingCollection.Name)]
public class LedgerConcurrencyTests(FundingFixture fixture)
{
    [Fact]
    public async Task Thirty_expenditures_at_once_against_ten_expenditures_worth_of_funds_book_exactly_ten()
    {
        var (program, _, _) = await FundedProgramAsync(fixture, "Concurrent spending", pledged: 50_000_000, paid: 10_000_000);
        var officer = fixture.Officer();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            try
            {
                await fixture.Client.RecordExpenditureAsync(Expenditure(program, 1_000_000, NewRequest()), officer);
                return "booked";
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition && ex.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason == "INSUFFICIENT_FUNDS")
            {
                return "refused";
            }
        }));

        Assert.Equal(10, outcomes.Count(o => o == "booked"));
        Assert.Equal(20, outcomes.Count(o => o == "refused"));
        var funding = await fixture.Client.GetProgramFundingAsync(new V1.GetProgramFundingRequest { ProgramId = program }, officer);
        Assert.Equal(10, funding.Expenditures.Count);
        Assert.Equal(10_000_000_00, Minor(funding.Figures.Spent));
        Assert.Equal(0, Minor(funding.Figures.Available));
        await AssertBalancesEqualEntriesAsync(program);
    }

    [Fact]
    public async Task A_request_retried_ten_times_at_once_books_once_and_another_callers_reuse_of_its_id_is_refused()
    {
        var (program, _, _) = await FundedProgramAsync(fixture, "Retried spending", pledged: 50_000_000, paid: 20_000_000);
        var requestId = NewRequest();
        var officer = fixture.Officer();
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fixture.Client.RecordExpenditureAsync(Expenditure(program, 3_000_000, requestId), officer).ResponseAsync));

        Assert.All(answers, a => Assert.Single(a.Expenditures));
        var entries = await fixture.WithDbAsync(db => db.Ledger.CountAsync(e => e.ProgramId == program && e.Kind == TransactionKind.Expenditure));
        Assert.Equal(2, entries);
        Assert.Equal(1, await fixture.WithDbAsync(db => db.MoneyRequests.CountAsync(r => r.ProgramId == program && r.RequestId == requestId)));

        var reused = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () =>
            fixture.Client.RecordExpenditureAsync(Expenditure(program, 3_000_000, requestId), fixture.Officer(subject: "someone-else")).ResponseAsync);
        Assert.Contains("request_id", reused.Message, StringComparison.Ordinal);
        var payRetry = await fixture.Client.GetProgramFundingAsync(new V1.GetProgramFundingRequest { ProgramId = program }, officer);
        Assert.Equal(3_000_000_00, Minor(payRetry.Figures.Spent));

        // Money never moves without a request id.
        var missing = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            fixture.Client.RecordExpenditureAsync(Expenditure(program, 3_000_000, string.Empty), officer).ResponseAsync);
        Assert.Contains("request_id", RpcAssert.ViolatedFields(missing));
    }

    [Fact]
    public async Task A_payment_retried_after_a_lost_answer_is_recorded_once()
    {
        var (program, apbd, _) = await FundedProgramAsync(fixture, "Retried payment", pledged: 50_000_000, paid: 0);
        var planned = await fixture.Client.PlanTrancheAsync(new V1.PlanTrancheRequest
        {
            ProgramId = program, RequestId = NewRequest(), Tranche = new V1.Tranche { SourceId = apbd, Amount = Idr(5_000_000), PlannedDate = Today },
        }, fixture.Officer());
        var tranche = planned.Tranches.Single().Id;
        await fixture.Client.RequestDisbursementAsync(new V1.RequestDisbursementRequest { ProgramId = program, TrancheId = tranche }, fixture.Officer());
        await fixture.Client.ApproveDisbursementAsync(new V1.ApproveDisbursementRequest { ProgramId = program, TrancheId = tranche }, fixture.Approver());
        var pay = new V1.RecordDisbursementPaidRequest { ProgramId = program, TrancheId = tranche, PaidOn = Today, RequestId = NewRequest() };
        var first = await fixture.Client.RecordDisbursementPaidAsync(pay, fixture.Approver());
        var retry = await fixture.Client.RecordDisbursementPaidAsync(pay, fixture.Approver());
        Assert.Equal(first.Etag, retry.Etag);
        Assert.Equal(5_000_000_00, Minor(retry.Figures.Disbursed));
        // A different request to pay it again is a different thing: the tranche is paid.
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            fixture.Client.RecordDisbursementPaidAsync(new V1.RecordDisbursementPaidRequest { ProgramId = program, TrancheId = tranche, PaidOn = Today, RequestId = NewRequest() }, fixture.Approver()).ResponseAsync);
    }

    /// <summary>Each kept balance of the program is the sum of its ledger entries, computed by the database.</summary>
    private async Task AssertBalancesEqualEntriesAsync(string program)
    {
        var sums = await fixture.WithDbAsync(db => db.Ledger.Where(e => e.ProgramId == program)
            .GroupBy(e => new { e.Account, e.SourceId, e.Category, e.FiscalYear, e.Currency })
            .Select(g => new { g.Key, Minor = g.Sum(e => e.Debit ? e.AmountMinor : -e.AmountMinor), Idr = g.Sum(e => e.Debit ? e.IdrMinor : -e.IdrMinor) })
            .ToListAsync());
        var balances = await fixture.WithDbAsync(async db => (await db.Fundings.AsNoTracking().SingleAsync(f => f.Id == program)).Balances);
        Assert.Equal(
            sums.Select(s => (Balance.KeyOf(s.Key.Account, s.Key.SourceId, s.Key.Category, s.Key.FiscalYear, s.Key.Currency), s.Minor, s.Idr)).Order(),
            balances.Select(b => (b.Key, b.AmountMinor, b.IdrMinor)).Order());
    }
}
