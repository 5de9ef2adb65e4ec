using CsCheck;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Funding.Tests.Domain;

/// <summary>The ledger's invariants for any sequence of operations, accepted or refused: every transaction
/// balances (debits equal credits, in rupiah and in each original currency), every balance is the sum of its
/// entries, the funds spent never exceed the funds disbursed but by a flagged overrun, a refused operation
/// changes nothing, and a reversal restores every balance to what it was.</summary>
public class LedgerPropertyTests
{
    private abstract record Operation;
    private sealed record Pledge(bool Partner, long Amount, bool InKind) : Operation;
    private sealed record Pay(bool Partner, long Amount) : Operation;
    private sealed record Spend(BudgetCategory Category, long Amount, bool Euro, bool Overrun) : Operation;
    private sealed record Reverse(int Pick) : Operation;

    private static readonly Gen<Operation> Operations = Gen.OneOf<Operation>(
        Gen.Select(Gen.Bool, Gen.Long[1, 5_000_000_000], Gen.Bool, (partner, amount, inKind) => new Pledge(partner, amount, inKind)),
        Gen.Select(Gen.Bool, Gen.Long[1, 3_000_000_000], (partner, amount) => new Pay(partner, amount)),
        Gen.Select(Gen.Int[0, 2].Select(i => new[] { BudgetCategory.Travel, BudgetCategory.Venue, BudgetCategory.Equipment }[i]), Gen.Long[1, 2_000_000_000], Gen.Bool, Gen.Bool,
            (category, amount, euro, overrun) => new Spend(category, amount, euro, overrun)),
        Gen.Int[0, 1000].Select(pick => (Operation)new Reverse(pick)));

    [Fact]
    public void Any_sequence_of_operations_keeps_the_ledger_balanced_and_the_balances_equal_to_the_entries() =>
        Operations.List[1, 40].Sample(operations =>
        {
            var program = TestFunding.Program();
            var funding = TestFunding.Budgeted(program);
            var step = 0;
            foreach (var operation in operations)
            {
                var entriesBefore = funding.Entries.Count;
                var balancesBefore = Snapshot(funding);
                var versionBefore = funding.Version;
                try
                {
                    Apply(funding, program, operation, ++step);
                }
                catch (DomainException)
                {
                    // Refused: nothing booked, nothing moved.
                    Assert.Equal(entriesBefore, funding.Entries.Count);
                    Assert.Equal(balancesBefore, Snapshot(funding));
                    Assert.Equal(versionBefore, funding.Version);
                }
                AssertInvariants(funding);
            }
        }, iter: 300);

    [Fact]
    public void Reversing_a_transaction_right_after_it_restores_every_balance() =>
        Gen.Select(Operations.List[0, 20], Gen.Long[1, 400_000_000], Gen.Int[0, 2], (operations, amount, kind) => (operations, amount, kind)).Sample(t =>
        {
            var program = TestFunding.Program();
            var funding = TestFunding.Disbursed(paidRupiah: 450_000_000);
            var step = 0;
            foreach (var operation in t.operations)
            {
                try
                {
                    Apply(funding, program, operation, ++step);
                }
                catch (DomainException)
                {
                }
            }
            var before = Snapshot(funding);
            var figures = funding.Figures;
            string transaction;
            try
            {
                transaction = t.kind switch
                {
                    0 => funding.RecordCommitment($"cmt-x", TestFunding.RotterdamCity, TestFunding.Eur(t.amount), 2027, TestFunding.Today, false, null, null, program, TestFunding.Officer(), TestFunding.Now).TransactionId,
                    1 => funding.RecordCommitment($"cmt-y", TestFunding.Jica, TestFunding.Idr(t.amount), 2027, TestFunding.Today, true, "Experts' days at JICA's rate", null, program, TestFunding.Officer(), TestFunding.Now).TransactionId,
                    _ => funding.RecordExpenditure("exp-x", BudgetCategory.Travel, TestFunding.Idr(t.amount), TestFunding.Today, "Flights", null, false, program, TestFunding.Officer(), TestFunding.Now).TransactionId!,
                };
            }
            catch (DomainException)
            {
                return;
            }
            Assert.NotEqual(before, Snapshot(funding));
            funding.Reverse(transaction, "Booked in error", TestFunding.Approver(), TestFunding.Now);
            Assert.Equal(before, Snapshot(funding));
            Assert.Equal(figures, funding.Figures);
            AssertInvariants(funding);
        }, iter: 200);

    private static void Apply(ProgramFunding funding, FundedProgram program, Operation operation, int step)
    {
        var officer = TestFunding.Officer();
        var now = TestFunding.Now;
        switch (operation)
        {
            case Pledge p:
                funding.RecordCommitment($"cmt-{step}", p.Partner ? TestFunding.RotterdamCity : TestFunding.Apbd,
                    p.Partner ? TestFunding.Eur(p.Amount) : TestFunding.Idr(p.Amount / 100), 2027, TestFunding.Today, p.InKind, p.InKind ? "Venue at market rent" : null, null, program, officer, now);
                break;
            case Pay p:
                var source = p.Partner ? TestFunding.RotterdamCity : TestFunding.Apbd;
                var amount = p.Partner ? TestFunding.Eur(p.Amount) : TestFunding.Idr(p.Amount / 100);
                var tranche = funding.PlanTranche($"trn-{step}", source, amount, 2027, TestFunding.Today, null, program, officer, now);
                funding.RequestDisbursement(tranche.Id, program, officer, now);
                funding.ApproveDisbursement(tranche.Id, program, TestFunding.Approver(), now);
                funding.RecordPaid(tranche.Id, amount, TestFunding.Today, program, TestFunding.Approver(), now);
                break;
            case Spend s:
                var spent = funding.RecordExpenditure($"exp-{step}", s.Category, s.Euro ? TestFunding.Eur(s.Amount) : TestFunding.Idr(s.Amount / 100), TestFunding.Today,
                    "Spent", null, s.Overrun, program, officer, now);
                if (spent.Status == ExpenditureStatus.OverrunRequested)
                {
                    funding.ApproveExpenditure(spent.Id, allowOverrun: true, TestFunding.Approver(), now);
                }
                break;
            case Reverse r:
                var booked = funding.Entries.Where(e => e.Reverses is null).Select(e => e.TransactionId).Distinct().ToList();
                if (booked.Count > 0)
                {
                    funding.Reverse(booked[r.Pick % booked.Count], "Correction", TestFunding.Approver(), now);
                }
                break;
        }
    }

    private static void AssertInvariants(ProgramFunding funding)
    {
        foreach (var transaction in funding.Entries.GroupBy(e => e.TransactionId))
        {
            Assert.Equal(transaction.Where(e => e.Debit).Sum(e => e.IdrMinor), transaction.Where(e => !e.Debit).Sum(e => e.IdrMinor));
            foreach (var currency in transaction.GroupBy(e => e.Currency))
            {
                Assert.Equal(currency.Where(e => e.Debit).Sum(e => e.AmountMinor), currency.Where(e => !e.Debit).Sum(e => e.AmountMinor));
            }
        }
        var fromEntries = funding.Entries.GroupBy(e => Balance.KeyOf(e.Account, e.SourceId, e.Category, e.FiscalYear, e.Currency))
            .ToDictionary(g => g.Key, g => (g.Sum(e => e.SignedMinor), g.Sum(e => e.SignedIdr)));
        Assert.Equal(fromEntries.Where(x => x.Value != (0, 0)).OrderBy(x => x.Key, StringComparer.Ordinal), Snapshot(funding).OrderBy(x => x.Key, StringComparer.Ordinal));
        // The whole ledger nets to zero: debits equal credits across every account.
        Assert.Equal(0, funding.Balances.Sum(b => b.IdrMinor));
        var figures = funding.Figures;
        Assert.True(figures.Available >= -figures.Overrun, $"spent {figures.Spent} beyond disbursed {figures.Disbursed} with overruns of only {figures.Overrun}");
        Assert.True(figures.CommittedInKind <= figures.Committed);
    }

    /// <summary>Every account's balance that is not zero (an account emptied by a reversal is as good as never used).</summary>
    private static Dictionary<string, (long, long)> Snapshot(ProgramFunding funding) =>
        funding.Balances.Where(b => b.AmountMinor != 0 || b.IdrMinor != 0).ToDictionary(b => b.Key, b => (b.AmountMinor, b.IdrMinor));
}
