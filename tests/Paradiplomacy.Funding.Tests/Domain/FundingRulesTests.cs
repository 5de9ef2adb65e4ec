using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.Funding.Domain;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Errors;
using static Paradiplomacy.Funding.Tests.Domain.TestFunding;

namespace Paradiplomacy.Funding.Tests.Domain;

public class FundingRulesTests
{
    [Fact]
    public void Four_eyes_the_requester_of_a_disbursement_never_approves_it_even_holding_both_roles()
    {
        var program = Program();
        var funding = Budgeted(program);
        funding.RecordCommitment("cmt-1", Apbd, Idr(100_000_000), 2027, Today, false, null, null, program, Officer(), Now);
        var tranche = funding.PlanTranche("trn-1", Apbd, Idr(50_000_000), 2027, Today, null, program, Officer(subject: "siti"), Now);
        funding.RequestDisbursement(tranche.Id, program, Officer(subject: "siti"), Now);

        // The same person, now signed in as a finance approver of the region.
        var error = Assert.Throws<PermissionDeniedException>(() => funding.ApproveDisbursement(tranche.Id, program, Approver(subject: "siti"), Now));
        Assert.Contains("Four eyes", error.Message, StringComparison.Ordinal);
        Assert.Throws<PermissionDeniedException>(() => funding.ApproveDisbursement(tranche.Id, program, Officer(subject: "budi"), Now));
        Assert.Throws<PermissionDeniedException>(() => funding.ApproveDisbursement(tranche.Id, program, Approver(region: "35.78"), Now));
        Assert.Equal(TrancheStatus.Requested, tranche.Status);

        funding.ApproveDisbursement(tranche.Id, program, Approver(subject: "budi"), Now);
        Assert.Equal(TrancheStatus.ApprovedForPayment, tranche.Status);
        Assert.Equal("budi@31", tranche.ApprovedBy);
    }

    [Fact]
    public void The_one_who_set_a_budget_or_recorded_an_expenditure_does_not_approve_it()
    {
        var program = Program();
        var funding = ProgramFunding.Open(program, Now);
        funding.SetBudget([new BudgetLine(BudgetCategory.Travel, 2027, Idr(10_000_000), "Flights")], program, Officer(subject: "siti"), Now);
        Assert.Throws<PermissionDeniedException>(() => funding.ApproveBudget(Approver(subject: "siti"), Now));
        funding.ApproveBudget(Approver(), Now);
        Assert.True(funding.Budget.IsApproved);
        Assert.IsType<BudgetApproved>(Assert.Single(funding.PendingEvents));

        var paid = Disbursed();
        var expenditure = paid.RecordExpenditure("exp-1", BudgetCategory.Travel, Idr(1_000_000), Today, "Taxi", null, false, program, Officer(subject: "siti"), Now);
        Assert.Throws<PermissionDeniedException>(() => paid.ApproveExpenditure(expenditure.Id, false, Approver(subject: "siti"), Now));
        paid.ApproveExpenditure(expenditure.Id, false, Approver(), Now);
        Assert.Equal(ExpenditureStatus.Approved, expenditure.Status);
    }

    [Fact]
    public void An_expenditure_beyond_the_funds_disbursed_is_refused_or_held_until_an_approver_allows_the_overrun()
    {
        var program = Program();
        var funding = Disbursed(paidRupiah: 200_000_000);
        funding.RecordExpenditure("exp-1", BudgetCategory.Travel, Idr(150_000_000), Today, "Flights", "Garuda Indonesia", false, program, Officer(), Now);

        var refused = Assert.Throws<PreconditionFailedException>(() =>
            funding.RecordExpenditure("exp-2", BudgetCategory.Venue, Idr(80_000_000), Today, "Hall", null, false, program, Officer(), Now));
        Assert.Equal("INSUFFICIENT_FUNDS", refused.Reason);
        Assert.Contains("IDR 50000000.00", refused.Message, StringComparison.Ordinal);

        var held = funding.RecordExpenditure("exp-2", BudgetCategory.Venue, Idr(80_000_000), Today, "Hall", null, true, program, Officer(), Now);
        Assert.Equal(ExpenditureStatus.OverrunRequested, held.Status);
        Assert.Null(held.TransactionId);
        Assert.Equal(150_000_000_00, funding.Figures.Spent);

        Assert.Equal("OVERRUN_NOT_ALLOWED", Assert.Throws<PreconditionFailedException>(() => funding.ApproveExpenditure(held.Id, false, Approver(), Now)).Reason);
        funding.ClearEvents();
        funding.ApproveExpenditure(held.Id, true, Approver(), Now);
        Assert.True(held.Overrun);
        Assert.Equal(30_000_000_00, held.OverrunIdrMinor);
        Assert.Equal(230_000_000_00, funding.Figures.Spent);
        Assert.Equal(-30_000_000_00, funding.Figures.Available);
        Assert.Equal((30_000_000_00, 1), (funding.Figures.Overrun, funding.Figures.Overruns));
        var flagged = Assert.Single(funding.PendingEvents.OfType<OverrunFlagged>());
        Assert.Equal((30_000_000_00, 50_000_000_00), (flagged.OverrunIdrMinor, flagged.AvailableIdrMinor));
        Assert.Single(funding.PendingEvents.OfType<ExpenditureRecorded>(), e => e.Overrun);
    }

    [Fact]
    public void A_tranche_never_exceeds_what_its_source_pledged_in_that_currency()
    {
        var program = Program();
        var funding = Budgeted(program);
        funding.RecordCommitment("cmt-1", RotterdamCity, Eur(5_000_000), 2027, Today, false, null, "Letter of 12 January", program, Officer(), Now);
        funding.PlanTranche("trn-1", RotterdamCity, Eur(3_000_000), 2027, Today, null, program, Officer(), Now);
        Assert.Equal("EXCEEDS_COMMITMENT", Assert.Throws<PreconditionFailedException>(() =>
            funding.PlanTranche("trn-2", RotterdamCity, Eur(2_000_001), 2027, Today, null, program, Officer(), Now)).Reason);
        // Rupiah were never pledged by Rotterdam.
        Assert.Throws<PreconditionFailedException>(() => funding.PlanTranche("trn-3", RotterdamCity, Idr(1_000), 2027, Today, null, program, Officer(), Now));
        funding.PlanTranche("trn-2", RotterdamCity, Eur(2_000_000), 2027, Today, null, program, Officer(), Now);
        Assert.Equal(2, funding.Tranches.Count);
    }

    [Fact]
    public void Nothing_is_disbursed_before_the_budget_is_approved()
    {
        var program = Program();
        var funding = ProgramFunding.Open(program, Now);
        funding.SetBudget([new BudgetLine(BudgetCategory.Travel, 2027, Idr(10_000_000), "Flights")], program, Officer(), Now);
        funding.RecordCommitment("cmt-1", Apbd, Idr(10_000_000), 2027, Today, false, null, null, program, Officer(), Now);
        var tranche = funding.PlanTranche("trn-1", Apbd, Idr(10_000_000), 2027, Today, null, program, Officer(), Now);
        Assert.Equal("BUDGET_NOT_APPROVED", Assert.Throws<PreconditionFailedException>(() => funding.RequestDisbursement(tranche.Id, program, Officer(), Now)).Reason);
    }

    [Theory]
    [InlineData("Cancelled")]
    [InlineData("Completed")]
    public void A_cancelled_or_completed_program_takes_no_more_money(string status)
    {
        var open = Program();
        var funding = Budgeted(open);
        funding.RecordCommitment("cmt-1", Apbd, Idr(10_000_000), 2027, Today, false, null, null, open, Officer(), Now);
        var tranche = funding.PlanTranche("trn-1", Apbd, Idr(10_000_000), 2027, Today, null, open, Officer(), Now);
        var ended = Program(status, version: 9);
        Assert.Equal("PROGRAM_ENDED", Assert.Throws<PreconditionFailedException>(() =>
            funding.RecordCommitment("cmt-2", RotterdamCity, Eur(100), 2027, Today, false, null, null, ended, Officer(), Now)).Reason);
        Assert.Throws<PreconditionFailedException>(() => funding.PlanTranche("trn-2", Apbd, Idr(1), 2027, Today, null, ended, Officer(), Now));
        Assert.Throws<PreconditionFailedException>(() => funding.RequestDisbursement(tranche.Id, ended, Officer(), Now));
        Assert.Single(funding.Commitments);
    }

    [Fact]
    public void A_contribution_in_kind_says_how_it_was_valued_counts_as_committed_and_never_as_cash()
    {
        var program = Program();
        var funding = Budgeted(program);
        var error = Assert.Throws<ValidationException>(() =>
            funding.RecordCommitment("cmt-1", RotterdamCity, Eur(1_500_000), 2027, Today, true, null, null, program, Officer(), Now));
        Assert.Contains(error.Violations, v => v.Field == "commitment.valuation_basis");
        funding.RecordCommitment("cmt-1", RotterdamCity, Eur(1_500_000), 2027, Today, true, "Two hydrologists for ten days at the municipal day rate", null, program, Officer(), Now);
        var figures = funding.Figures;
        Assert.Equal(Eur(1_500_000).IdrMinor, figures.Committed);
        Assert.Equal(figures.Committed, figures.CommittedInKind);
        Assert.Equal(0, figures.Disbursed);
        // Nothing in kind is paid out in tranches.
        Assert.Throws<PreconditionFailedException>(() => funding.PlanTranche("trn-1", RotterdamCity, Eur(1), 2027, Today, null, program, Officer(), Now));
    }

    [Fact]
    public void Only_the_region_moves_its_money_and_another_regions_budget_funds_nothing_here()
    {
        var program = Program();
        var funding = Budgeted(program);
        Assert.Throws<PermissionDeniedException>(() => funding.AuthorizeChange(Officer(region: "35.78")));
        Assert.Throws<PermissionDeniedException>(() => funding.AuthorizeChange(new Caller("reviewer", new HashSet<string> { Roles.MinistryReviewer }, null, "kemendagri")));
        Assert.Throws<PermissionDeniedException>(() => funding.AuthorizeChange(new Caller("ops", new HashSet<string> { Roles.Operator }, null, null)));
        funding.AuthorizeChange(Officer());
        funding.AuthorizeChange(Approver());

        var surabayaApbd = FundingSource.Add("src-apbd-3578", SourceKind.RegionalBudget, "APBD Kota Surabaya", "35.78", null, null, "IDR", Officer(region: "35.78"), null, Now);
        var error = Assert.Throws<ValidationException>(() =>
            funding.RecordCommitment("cmt-1", surabayaApbd, Idr(1_000), 2027, Today, false, null, null, program, Officer(), Now));
        Assert.Contains(error.Violations, v => v.Field == "commitment.source_id");
        // An officer records pledges; a finance approver does not record, and an officer does not pay.
        Assert.Throws<PermissionDeniedException>(() => funding.RecordCommitment("cmt-2", Apbd, Idr(1_000), 2027, Today, false, null, null, program, Approver(), Now));
    }

    [Fact]
    public void Fiscal_years_and_dates_stay_within_the_program_and_today()
    {
        var program = Program();
        var funding = Budgeted(program);
        var error = Assert.Throws<ValidationException>(() =>
            funding.RecordCommitment("cmt-1", Apbd, Idr(1_000), 2031, Today, false, null, null, program, Officer(), Now));
        Assert.Contains(error.Violations, v => v.Field == "commitment.fiscal_year");
        var paid = Disbursed();
        Assert.Contains(Assert.Throws<ValidationException>(() =>
                paid.RecordExpenditure("exp-1", BudgetCategory.Travel, Idr(1_000), Today.AddDays(1), "Taxi", null, false, program, Officer(), Now)).Violations,
            v => v.Field == "expenditure.spent_on");
        // No line for honoraria in the approved budget.
        Assert.Contains(Assert.Throws<ValidationException>(() =>
                paid.RecordExpenditure("exp-1", BudgetCategory.Honoraria, Idr(1_000), Today, "Speaker", null, false, program, Officer(), Now)).Violations,
            v => v.Field == "expenditure.category");
    }

    [Fact]
    public void Corrections_are_mirror_images_and_a_spent_payment_cannot_be_undone()
    {
        var program = Program();
        var funding = Disbursed(paidRupiah: 200_000_000);
        var tranche = funding.Tranches.Single();
        var expenditure = funding.RecordExpenditure("exp-1", BudgetCategory.Travel, Idr(150_000_000), Today, "Flights", null, false, program, Officer(), Now);

        Assert.Equal("FUNDS_SPENT", Assert.Throws<PreconditionFailedException>(() => funding.Reverse(tranche.TransactionId!, "Wrong account", Approver(), Now)).Reason);
        Assert.Throws<PermissionDeniedException>(() => funding.Reverse(expenditure.TransactionId!, "Typo", Officer(), Now));

        var entries = funding.Entries.Count;
        var reversal = funding.Reverse(expenditure.TransactionId!, "Amount typed wrong", Approver(), Now);
        Assert.Equal(entries + 2, funding.Entries.Count);
        Assert.All(funding.Entries.Where(e => e.TransactionId == reversal), e => Assert.Equal(expenditure.TransactionId, e.Reverses));
        Assert.Equal(0, funding.Figures.Spent);
        Assert.Equal("ALREADY_REVERSED", Assert.Throws<PreconditionFailedException>(() => funding.Reverse(expenditure.TransactionId!, "Again", Approver(), Now)).Reason);

        // Now the payment can be reversed: the tranche returns to planned, to be requested again.
        funding.Reverse(tranche.TransactionId!, "Paid from the wrong account", Approver(), Now);
        Assert.Equal(TrancheStatus.Planned, tranche.Status);
        Assert.Equal(0, funding.Figures.Disbursed);
        Assert.Single(tranche.ReversedTransactions);
    }

    [Fact]
    public void A_pledge_that_tranches_rest_on_is_not_reversed_until_they_are_replanned()
    {
        var program = Program();
        var funding = Budgeted(program);
        var pledge = funding.RecordCommitment("cmt-1", Apbd, Idr(100_000_000), 2027, Today, false, null, null, program, Officer(), Now);
        funding.PlanTranche("trn-1", Apbd, Idr(60_000_000), 2027, Today, null, program, Officer(), Now);
        Assert.Equal("PLEDGE_IN_USE", Assert.Throws<PreconditionFailedException>(() => funding.Reverse(pledge.TransactionId, "Withdrawn", Approver(), Now)).Reason);
    }

    [Fact]
    public void Transactions_carry_IATI_kinds_from_the_reporting_regions_point_of_view()
    {
        var program = Program();
        var funding = Disbursed();
        funding.RecordCommitment("cmt-r", RotterdamCity, Eur(1_000_000), 2027, Today, false, null, null, program, Officer(), Now);
        var tranche = funding.PlanTranche("trn-r", RotterdamCity, Eur(1_000_000), 2027, Today, null, program, Officer(), Now);
        funding.RequestDisbursement(tranche.Id, program, Officer(), Now);
        funding.ApproveDisbursement(tranche.Id, program, Approver(), Now);
        funding.RecordPaid(tranche.Id, Eur(1_000_000), Today, program, Approver(), Now);
        funding.RecordExpenditure("exp-1", BudgetCategory.Travel, Idr(1_000_000), Today, "Taxi", null, false, program, Officer(), Now);
        var kinds = funding.Entries.GroupBy(e => e.TransactionId).Select(g => g.First()).Select(e => (e.Reference, e.Kind)).ToList();
        Assert.Equal(
            [("cmt-apbd", TransactionKind.Commitment), ("trn-1", TransactionKind.Disbursement), ("cmt-r", TransactionKind.IncomingCommitment),
             ("trn-r", TransactionKind.IncomingFunds), ("exp-1", TransactionKind.Expenditure)],
            kinds);
    }
}
