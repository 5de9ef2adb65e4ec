using Paradiplomacy.Contracts.IntegrationEvents;
using Paradiplomacy.HostDefaults.Security;
using Paradiplomacy.ServiceDefaults.Aggregates;
using Paradiplomacy.ServiceDefaults.Errors;
using Paradiplomacy.ServiceDefaults.Api;

namespace Paradiplomacy.Funding.Domain;

/// <summary>A program's money, held to the standard of accounting software: its budget, the pledges of
/// its sources, tranches paid by four eyes and expenditures with receipts. Every movement is a balanced
/// transaction of ledger entries (only ever added; corrections are mirror images), and every figure is a
/// balance kept with the entries. Writers of one program are serialized (a row lock), so two expenditures
/// can never together spend more than was disbursed.</summary>
public sealed class ProgramFunding : AggregateRoot, ISerializedChanges
{
    public const int MaxText = 500;
    public const int MaxLines = 100;

    public string RegionCode { get; private init; } = null!;
    public string AgreementId { get; private init; } = null!;
    public Budget Budget { get; private set; } = Budget.None;
    public List<Commitment> Commitments { get; private init; } = [];
    public List<Tranche> Tranches { get; private init; } = [];
    public List<Expenditure> Expenditures { get; private init; } = [];
    public List<Balance> Balances { get; private init; } = [];
    /// <summary>Only the entries booked by the change under way; the ledger itself is read by queries.</summary>
    public List<LedgerEntry> Entries { get; private init; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }

    public Figures Figures => Figures.From(Balances, Budget.TotalIdr,
        Expenditures.Where(e => e.Overrun && e.IsBooked).Sum(e => e.OverrunIdrMinor), Expenditures.Count(e => e.Overrun && e.IsBooked));

    public static ProgramFunding Open(FundedProgram program, DateTimeOffset now) =>
        new() { Id = program.ProgramId, RegionCode = program.RegionCode, AgreementId = program.AgreementId, UpdatedAt = now };

    public static FundingView ViewOf(Caller caller, FundedProgram program)
    {
        if (caller.CanManageRegion(program.RegionCode) || caller.CanApproveFundsOf(program.RegionCode) || caller.HasRole(Roles.MinistryReviewer))
        {
            return FundingView.Full;
        }
        if (caller.HasRole(Roles.Partner) && caller.RegionCode is { } city && program.ForeignPartyIds.Contains(city))
        {
            return FundingView.Party;
        }
        return program.Status == FundedProgram.Planned ? FundingView.None : FundingView.Public;
    }

    /// <summary>The region's officers and its finance approvers act on its programs' money; each method
    /// then checks which of them may do what.</summary>
    public override void AuthorizeChange(Caller caller)
    {
        if (!caller.CanManageRegion(RegionCode) && !caller.CanApproveFundsOf(RegionCode))
        {
            throw new PermissionDeniedException($"Only the officers and finance approvers of region {RegionCode} move its programs' money.");
        }
    }

    public override IReadOnlyDictionary<string, string?> AuditSnapshot() => FundingAudit.Snapshot(this);

    // ---- budget ------------------------------------------------------------------------------------

    /// <summary>Sets the budget lines. An approved budget becomes its next revision, a draft again.</summary>
    public void SetBudget(IReadOnlyList<BudgetLine> lines, FundedProgram program, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "sets a program's budget");
        RequireFundable(program);
        var violations = new Violations();
        if (lines.Count == 0)
        {
            violations.Add("lines", "a budget has at least one line");
        }
        if (lines.Count > MaxLines)
        {
            violations.Add("lines", $"at most {MaxLines} lines");
        }
        var (from, to) = program.FiscalYears;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.FiscalYear < from || line.FiscalYear > to)
            {
                violations.Add($"lines[{i}].fiscal_year", $"must be a fiscal year of the program, {from} to {to}");
            }
            if (line.Value.Original.Minor <= 0)
            {
                violations.Add($"lines[{i}].amount", "must be positive");
            }
            if (line.Description.Length > MaxText)
            {
                violations.Add($"lines[{i}].description", $"must be at most {MaxText} characters");
            }
            if (lines.Take(i).Any(l => l.Category == line.Category && l.FiscalYear == line.FiscalYear))
            {
                violations.Add($"lines[{i}]", $"{line.Category} {line.FiscalYear} appears twice; one line per category and year");
            }
        }
        violations.ThrowIfAny();
        var revision = Budget.IsApproved ? Budget.Revision + 1 : Math.Max(Budget.Revision, 1);
        Budget = new Budget(BudgetStatus.Draft, revision, [.. lines], caller.Describe(), null, null);
        Touch(now);
    }

    public void ApproveBudget(Caller caller, DateTimeOffset now)
    {
        RequireApprover(caller, Budget.SetBy, "approves a budget");
        if (Budget.Status != BudgetStatus.Draft)
        {
            throw new PreconditionFailedException(Budget.IsApproved ? $"Revision {Budget.Revision} of the budget is approved already." : "There is no budget to approve: set its lines first.", "BUDGET_NOT_DRAFT");
        }
        Budget = Budget with { Status = BudgetStatus.Approved, ApprovedBy = caller.Describe(), ApprovedAt = now };
        Touch(now);
        Raise(new BudgetApproved(Id, Version, RegionCode, AgreementId, caller.Describe(), Budget.Revision,
            Budget.Lines.Min(l => l.FiscalYear), Budget.Lines.Max(l => l.FiscalYear), Budget.TotalIdr));
    }

    // ---- commitments -------------------------------------------------------------------------------

    /// <summary>A source's pledge: debit what it owes (or its contribution in kind), credit what is pledged.</summary>
    public Commitment RecordCommitment(string id, FundingSource source, Amount value, int fiscalYear, DateOnly committedOn, bool inKind,
        string? valuationBasis, string? reference, FundedProgram program, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "records a pledge");
        RequireFundable(program);
        var violations = new Violations();
        if (!source.IsUsableBy(RegionCode))
        {
            violations.Add("commitment.source_id", $"{source.Id} is region {source.RegionCode}'s source, not {RegionCode}'s");
        }
        CheckAmount(violations, "commitment.amount", value);
        CheckFiscalYear(violations, "commitment.fiscal_year", fiscalYear, program);
        if (inKind && string.IsNullOrWhiteSpace(valuationBasis))
        {
            violations.Add("commitment.valuation_basis", "a contribution in kind says how it was valued (market price of the venue, staff days at the official rate...)");
        }
        violations.MaxLength("commitment.valuation_basis", valuationBasis, MaxText).MaxLength("commitment.reference", reference, MaxText);
        violations.ThrowIfAny();

        Touch(now);
        var kind = source.IsBudgetOf(RegionCode) ? TransactionKind.Commitment : TransactionKind.IncomingCommitment;
        var transaction = Book(kind, committedOn, id, $"{(inKind ? "In-kind pledge" : "Pledge")} of {source.Name}", null, caller, now,
            (inKind ? Account.InKind : Account.Receivable, true, source.Id, BudgetCategory.Unspecified, fiscalYear, value),
            (Account.Pledged, false, source.Id, BudgetCategory.Unspecified, fiscalYear, value));
        var commitment = new Commitment
        {
            Id = id, SourceId = source.Id, Party = source.Party, Value = value, FiscalYear = fiscalYear, CommittedOn = committedOn, InKind = inKind,
            ValuationBasis = valuationBasis?.Trim(), Reference = reference?.Trim(), Kind = kind, TransactionId = transaction, RecordedBy = caller.Describe(),
        };
        Commitments.Add(commitment);
        Raise(new FundingCommitted(Id, Version, RegionCode, AgreementId, caller.Describe(), id, source.Id, source.Kind.ToString(), source.Party.ToString(),
            value.Original.Currency, value.Original.Minor, value.IdrMinor, inKind, fiscalYear));
        return commitment;
    }

    // ---- tranches ----------------------------------------------------------------------------------

    /// <summary>Plans a payment of part of a source's cash pledges, never more than it pledged in that currency.</summary>
    public Tranche PlanTranche(string id, FundingSource source, Amount value, int fiscalYear, DateOnly plannedDate, string? description,
        FundedProgram program, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "plans a tranche");
        RequireFundable(program);
        var violations = new Violations();
        CheckAmount(violations, "tranche.amount", value);
        CheckFiscalYear(violations, "tranche.fiscal_year", fiscalYear, program);
        violations.MaxLength("tranche.description", description, MaxText).ThrowIfAny();
        var currency = value.Original.Currency;
        var pledged = Commitments.Where(c => c.SourceId == source.Id && !c.InKind && !c.IsReversed && c.Value.Original.Currency == currency).Sum(c => c.Value.Original.Minor);
        var planned = Tranches.Where(t => t.SourceId == source.Id && t.Planned.Original.Currency == currency).Sum(t => t.Planned.Original.Minor);
        if (planned + value.Original.Minor > pledged)
        {
            throw new PreconditionFailedException(
                $"{source.Name} pledged {new Money(pledged, currency)} in cash to this program and {new Money(planned, currency)} is planned in tranches already: " +
                $"a tranche of {value.Original} would exceed the pledge. Record the pledge first.", "EXCEEDS_COMMITMENT");
        }
        var tranche = new Tranche
        {
            Id = id, SourceId = source.Id, Planned = value, FiscalYear = fiscalYear, PlannedDate = plannedDate, Description = description?.Trim(),
            Status = TrancheStatus.Planned, Kind = source.IsBudgetOf(RegionCode) ? TransactionKind.Disbursement : TransactionKind.IncomingFunds,
        };
        Tranches.Add(tranche);
        Touch(now);
        return tranche;
    }

    public void RequestDisbursement(string trancheId, FundedProgram program, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "requests a disbursement");
        RequireFundable(program);
        var tranche = TrancheOf(trancheId);
        RequireTranche(tranche, TrancheStatus.Planned, "requested");
        if (!Budget.IsApproved)
        {
            throw new PreconditionFailedException("Funds are disbursed against an approved budget: have the budget approved first.", "BUDGET_NOT_APPROVED");
        }
        tranche.Status = TrancheStatus.Requested;
        tranche.RequestedBy = caller.Describe();
        tranche.ApprovedBy = null;
        Touch(now);
        Raise(new DisbursementRequested(Id, Version, RegionCode, AgreementId, caller.Describe(), tranche.Id, tranche.SourceId,
            tranche.Planned.Original.Currency, tranche.Planned.Original.Minor, tranche.PlannedDate));
    }

    public void ApproveDisbursement(string trancheId, FundedProgram program, Caller caller, DateTimeOffset now)
    {
        var tranche = TrancheOf(trancheId);
        RequireApprover(caller, tranche.RequestedBy, "approves a disbursement");
        RequireFundable(program);
        RequireTranche(tranche, TrancheStatus.Requested, "approved");
        tranche.Status = TrancheStatus.ApprovedForPayment;
        tranche.ApprovedBy = caller.Describe();
        Touch(now);
        Raise(new DisbursementApproved(Id, Version, RegionCode, AgreementId, caller.Describe(), tranche.Id, tranche.SourceId,
            tranche.Planned.Original.Currency, tranche.Planned.Original.Minor));
    }

    public void RejectDisbursement(string trancheId, string reason, Caller caller, DateTimeOffset now)
    {
        var tranche = TrancheOf(trancheId);
        RequireApprover(caller, tranche.RequestedBy, "rejects a disbursement");
        RequireReason(reason);
        RequireTranche(tranche, TrancheStatus.Requested, "rejected");
        tranche.Status = TrancheStatus.Planned;
        tranche.Rejections.Add($"{now:yyyy-MM-dd} {caller.Describe()}: {reason.Trim()}");
        tranche.RequestedBy = null;
        Touch(now);
    }

    /// <summary>The treasury records an approved tranche as paid: debit the program's cash (by source),
    /// credit what the source owes, at the rate of the day it was paid.</summary>
    public void RecordPaid(string trancheId, Amount paid, DateOnly paidOn, FundedProgram program, Caller caller, DateTimeOffset now)
    {
        var tranche = TrancheOf(trancheId);
        if (!caller.CanApproveFundsOf(RegionCode))
        {
            throw new PermissionDeniedException($"Only a finance approver (the treasury) of region {RegionCode} records a payment.");
        }
        RequireFundable(program);
        RequireTranche(tranche, TrancheStatus.ApprovedForPayment, "recorded as paid");
        if (CalendarDay.IsFuture(paidOn, now))
        {
            throw new ValidationException("paid_on", "a payment is recorded once made: not a date in the future");
        }
        Touch(now);
        var transaction = Book(tranche.Kind, paidOn, tranche.Id, $"Tranche {tranche.Id} paid", null, caller, now,
            (Account.Cash, true, tranche.SourceId, BudgetCategory.Unspecified, tranche.FiscalYear, paid),
            (Account.Receivable, false, tranche.SourceId, BudgetCategory.Unspecified, tranche.FiscalYear, paid));
        tranche.Status = TrancheStatus.Paid;
        tranche.PaidOn = paidOn;
        tranche.Paid = paid;
        tranche.TransactionId = transaction;
        Raise(new FundsDisbursed(Id, Version, RegionCode, AgreementId, caller.Describe(), tranche.Id, tranche.SourceId,
            paid.Original.Currency, paid.Original.Minor, paid.IdrMinor, paidOn, transaction));
    }

    // ---- expenditures ------------------------------------------------------------------------------

    /// <summary>Books money spent on a line of the approved budget. Beyond the funds available it is
    /// refused, or, when the officer asks for an overrun, held unbooked until an approver allows it.</summary>
    public Expenditure RecordExpenditure(string id, BudgetCategory category, Amount value, DateOnly spentOn, string description, string? payee,
        bool requestOverrun, FundedProgram program, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "records an expenditure");
        if (program.IsCancelled)
        {
            throw new PreconditionFailedException($"Program {Id} is cancelled: nothing more is spent on it.", "PROGRAM_ENDED");
        }
        var violations = new Violations().Required("expenditure.description", description).MaxLength("expenditure.description", description, MaxText)
            .MaxLength("expenditure.payee", payee, 200);
        CheckAmount(violations, "expenditure.amount", value);
        if (CalendarDay.IsFuture(spentOn, now))
        {
            violations.Add("expenditure.spent_on", "an expenditure is recorded once made: not a date in the future");
        }
        violations.ThrowIfAny();
        if (!Budget.IsApproved)
        {
            throw new PreconditionFailedException("Expenditures are booked against an approved budget: have the budget approved first.", "BUDGET_NOT_APPROVED");
        }
        if (Budget.LineFor(category, spentOn.Year) is null)
        {
            throw new ValidationException("expenditure.category", $"the approved budget has no {category} line for fiscal year {spentOn.Year}");
        }
        var expenditure = new Expenditure
        {
            Id = id, Category = category, FiscalYear = spentOn.Year, Value = value, SpentOn = spentOn, Description = description.Trim(),
            Payee = string.IsNullOrWhiteSpace(payee) ? null : payee.Trim(), RecordedBy = caller.Describe(),
        };
        var available = Figures.Available;
        if (value.IdrMinor > available)
        {
            if (!requestOverrun)
            {
                throw new PreconditionFailedException(
                    $"{value.Idr} is more than the {Money.Idr(Math.Max(available, 0))} disbursed to the program and not yet spent. " +
                    "Ask for an overrun (request_overrun) for a finance approver to allow, or wait for the next tranche.", "INSUFFICIENT_FUNDS");
            }
            expenditure.Status = ExpenditureStatus.OverrunRequested;
            Expenditures.Add(expenditure);
            Touch(now);
            return expenditure;
        }
        expenditure.Status = ExpenditureStatus.Recorded;
        Expenditures.Add(expenditure);
        Touch(now);
        BookExpenditure(expenditure, caller, now);
        return expenditure;
    }

    public void ApproveExpenditure(string expenditureId, bool allowOverrun, Caller caller, DateTimeOffset now)
    {
        var expenditure = ExpenditureOf(expenditureId);
        RequireApprover(caller, expenditure.RecordedBy, "approves an expenditure");
        switch (expenditure.Status)
        {
            case ExpenditureStatus.Recorded when expenditure.IsBooked:
                Touch(now);
                break;
            case ExpenditureStatus.OverrunRequested:
                if (!allowOverrun)
                {
                    throw new PreconditionFailedException(
                        $"Expenditure {expenditure.Id} goes beyond the funds disbursed: approve it with allow_overrun to book it as a flagged overrun.", "OVERRUN_NOT_ALLOWED");
                }
                var available = Figures.Available;
                Touch(now);
                expenditure.Overrun = true;
                expenditure.OverrunIdrMinor = expenditure.Value.IdrMinor - Math.Max(available, 0);
                BookExpenditure(expenditure, caller, now);
                Raise(new OverrunFlagged(Id, Version, RegionCode, AgreementId, caller.Describe(), expenditure.Id, expenditure.OverrunIdrMinor, available, caller.Describe()));
                break;
            default:
                throw new PreconditionFailedException($"Expenditure {expenditure.Id} is {expenditure.Status}{(expenditure.ReversedBy is null ? string.Empty : " and reversed")}: only a recorded one is approved.", "EXPENDITURE_NOT_PENDING");
        }
        expenditure.Status = ExpenditureStatus.Approved;
        expenditure.ApprovedBy = caller.Describe();
    }

    /// <summary>Rejects an expenditure awaiting approval; a booked one is reversed by its mirror image.</summary>
    public void RejectExpenditure(string expenditureId, string reason, Caller caller, DateTimeOffset now)
    {
        var expenditure = ExpenditureOf(expenditureId);
        RequireApprover(caller, expenditure.RecordedBy, "rejects an expenditure");
        RequireReason(reason);
        if (expenditure.Status is not (ExpenditureStatus.Recorded or ExpenditureStatus.OverrunRequested))
        {
            throw new PreconditionFailedException($"Expenditure {expenditure.Id} is {expenditure.Status}: only one awaiting approval is rejected; reverse an approved one.", "EXPENDITURE_NOT_PENDING");
        }
        Touch(now);
        if (expenditure.IsBooked)
        {
            expenditure.ReversedBy = Mirror(expenditure.TransactionId!, expenditure.Id, reason, caller, now);
        }
        expenditure.Status = ExpenditureStatus.Rejected;
        expenditure.Rejection = reason.Trim();
    }

    public Receipt AttachReceipt(string expenditureId, Receipt receipt, Caller caller, DateTimeOffset now)
    {
        RequireOfficer(caller, "attaches a receipt");
        var expenditure = ExpenditureOf(expenditureId);
        if (expenditure.Status == ExpenditureStatus.Rejected)
        {
            throw new PreconditionFailedException($"Expenditure {expenditure.Id} was rejected.", "EXPENDITURE_REJECTED");
        }
        if (expenditure.Receipts.Count >= Receipt.MaxPerExpenditure)
        {
            throw new PreconditionFailedException($"Expenditure {expenditure.Id} has {Receipt.MaxPerExpenditure} receipts already.", "TOO_MANY_RECEIPTS");
        }
        expenditure.Receipts.Add(receipt);
        Touch(now);
        return receipt;
    }

    // ---- corrections -------------------------------------------------------------------------------

    /// <summary>Corrects a booked transaction by its mirror image: the original stays in the ledger, both
    /// are listed, and every figure returns to what it was before it. A finance approver's act.</summary>
    public string Reverse(string transactionId, string reason, Caller caller, DateTimeOffset now)
    {
        if (!caller.CanApproveFundsOf(RegionCode))
        {
            throw new PermissionDeniedException($"Only a finance approver of region {RegionCode} reverses a booked transaction.");
        }
        RequireReason(reason);
        if (Commitments.FirstOrDefault(c => c.TransactionId == transactionId) is { } commitment)
        {
            RequireNotReversed(commitment.ReversedBy, transactionId);
            if (!commitment.InKind)
            {
                var currency = commitment.Value.Original.Currency;
                var pledgedAfter = Commitments.Where(c => c.SourceId == commitment.SourceId && !c.InKind && !c.IsReversed && c != commitment && c.Value.Original.Currency == currency).Sum(c => c.Value.Original.Minor);
                var planned = Tranches.Where(t => t.SourceId == commitment.SourceId && t.Planned.Original.Currency == currency).Sum(t => t.Planned.Original.Minor);
                if (planned > pledgedAfter)
                {
                    throw new PreconditionFailedException($"Tranches of {new Money(planned, currency)} rest on this pledge: reverse or re-plan them first.", "PLEDGE_IN_USE");
                }
            }
            Touch(now);
            return commitment.ReversedBy = Mirror(transactionId, commitment.Id, reason, caller, now);
        }
        if (Tranches.FirstOrDefault(t => t.TransactionId == transactionId) is { } tranche)
        {
            if (Figures.Available < tranche.Paid!.IdrMinor)
            {
                throw new PreconditionFailedException($"Part of tranche {tranche.Id} is spent: reversing its payment would leave the program spending more than was disbursed. Reverse the expenditures first.", "FUNDS_SPENT");
            }
            Touch(now);
            var reversal = Mirror(transactionId, tranche.Id, reason, caller, now);
            tranche.ReversedTransactions.Add(transactionId);
            tranche.TransactionId = null;
            tranche.Paid = null;
            tranche.PaidOn = null;
            tranche.Status = TrancheStatus.Planned;
            tranche.RequestedBy = null;
            tranche.ApprovedBy = null;
            return reversal;
        }
        if (Expenditures.FirstOrDefault(e => e.TransactionId == transactionId) is { } expenditure)
        {
            RequireNotReversed(expenditure.ReversedBy, transactionId);
            Touch(now);
            return expenditure.ReversedBy = Mirror(transactionId, expenditure.Id, reason, caller, now);
        }
        throw new NotFoundException("Transaction", transactionId);
    }

    // ---- the ledger --------------------------------------------------------------------------------

    private void BookExpenditure(Expenditure expenditure, Caller caller, DateTimeOffset now)
    {
        expenditure.TransactionId = Book(TransactionKind.Expenditure, expenditure.SpentOn, expenditure.Id, expenditure.Description, null, caller, now,
            (Account.Expense, true, string.Empty, expenditure.Category, expenditure.FiscalYear, expenditure.Value),
            (Account.Cash, false, string.Empty, BudgetCategory.Unspecified, expenditure.FiscalYear, expenditure.Value));
        Raise(new ExpenditureRecorded(Id, Version, RegionCode, AgreementId, caller.Describe(), expenditure.Id, expenditure.Category.ToString(), expenditure.FiscalYear,
            expenditure.Value.Original.Currency, expenditure.Value.Original.Minor, expenditure.Value.IdrMinor, expenditure.SpentOn, expenditure.Overrun, expenditure.TransactionId));
    }

    /// <summary>Books one balanced transaction: its entries, and each account's balance moved by them.</summary>
    private string Book(TransactionKind kind, DateOnly valueDate, string reference, string description, string? reverses, Caller caller, DateTimeOffset now,
        params (Account Account, bool Debit, string SourceId, BudgetCategory Category, int FiscalYear, Amount Value)[] lines)
    {
        var transactionId = NewId("txn");
        var line = 0;
        foreach (var l in lines)
        {
            var entry = new LedgerEntry
            {
                ProgramId = Id, TransactionId = transactionId, Line = ++line, Kind = kind, Account = l.Account, Debit = l.Debit, SourceId = l.SourceId,
                Category = l.Category, FiscalYear = l.FiscalYear, Currency = l.Value.Original.Currency, AmountMinor = l.Value.Original.Minor,
                IdrMinor = l.Value.IdrMinor, Rate = l.Value.Rate, RateDate = l.Value.RateDate, ValueDate = valueDate, Reference = reference,
                Description = description.Length > MaxText ? description[..MaxText] : description, Reverses = reverses, BookedBy = caller.Describe(), BookedAt = now,
            };
            Entries.Add(entry);
            Post(entry);
        }
        return transactionId;
    }

    /// <summary>The mirror image of a transaction this aggregate booked: the same lines, sides swapped.</summary>
    private string Mirror(string transactionId, string reference, string reason, Caller caller, DateTimeOffset now)
    {
        var (kind, lines) = LinesOf(transactionId);
        var reversal = Book(kind, CalendarDay.InIndonesia(now), reference, $"Reversal of {transactionId}: {reason.Trim()}", transactionId, caller, now,
            [.. lines.Select(l => l with { Debit = !l.Debit })]);
        Raise(new TransactionReversed(Id, Version, RegionCode, AgreementId, caller.Describe(), transactionId, reversal, kind.ToString(), reference,
            lines[0].Value.IdrMinor, reason.Trim()));
        return reversal;
    }

    /// <summary>What a transaction booked, re-derived from the record that booked it (the entries stay in the ledger, unread).</summary>
    private (TransactionKind Kind, (Account Account, bool Debit, string SourceId, BudgetCategory Category, int FiscalYear, Amount Value)[] Lines) LinesOf(string transactionId)
    {
        if (Commitments.FirstOrDefault(c => c.TransactionId == transactionId) is { } c)
        {
            return (c.Kind, [(c.InKind ? Account.InKind : Account.Receivable, true, c.SourceId, BudgetCategory.Unspecified, c.FiscalYear, c.Value),
                (Account.Pledged, false, c.SourceId, BudgetCategory.Unspecified, c.FiscalYear, c.Value)]);
        }
        if (Tranches.FirstOrDefault(t => t.TransactionId == transactionId) is { } t)
        {
            return (t.Kind, [(Account.Cash, true, t.SourceId, BudgetCategory.Unspecified, t.FiscalYear, t.Paid!),
                (Account.Receivable, false, t.SourceId, BudgetCategory.Unspecified, t.FiscalYear, t.Paid!)]);
        }
        var e = Expenditures.First(x => x.TransactionId == transactionId);
        return (TransactionKind.Expenditure, [(Account.Expense, true, string.Empty, e.Category, e.FiscalYear, e.Value),
            (Account.Cash, false, string.Empty, BudgetCategory.Unspecified, e.FiscalYear, e.Value)]);
    }

    private void Post(LedgerEntry entry)
    {
        var key = Balance.KeyOf(entry.Account, entry.SourceId, entry.Category, entry.FiscalYear, entry.Currency);
        var balance = Balances.FirstOrDefault(b => b.Key == key);
        if (balance is null)
        {
            balance = new Balance { Key = key, Account = entry.Account, SourceId = entry.SourceId, Category = entry.Category, FiscalYear = entry.FiscalYear, Currency = entry.Currency };
            Balances.Add(balance);
        }
        balance.AmountMinor += entry.SignedMinor;
        balance.IdrMinor += entry.SignedIdr;
    }

    // ---- rules -------------------------------------------------------------------------------------

    private void RequireOfficer(Caller caller, string what)
    {
        if (!caller.CanManageRegion(RegionCode))
        {
            throw new PermissionDeniedException($"A regional officer of region {RegionCode} {what}.");
        }
    }

    /// <summary>Four eyes: a finance approver of the region who is not the person who asked.</summary>
    private void RequireApprover(Caller caller, string? askedBy, string what)
    {
        if (!caller.CanApproveFundsOf(RegionCode))
        {
            throw new PermissionDeniedException($"Only a finance approver of region {RegionCode} {what}.");
        }
        if (askedBy is not null && askedBy == caller.Describe())
        {
            throw new PermissionDeniedException($"Four eyes: {caller.Describe()} asked for this and cannot also approve it; another finance approver does.");
        }
    }

    private void RequireFundable(FundedProgram program)
    {
        if (program.HasEnded)
        {
            throw new PreconditionFailedException($"Program {Id} is {program.Status}: no money goes to a cancelled or completed program.", "PROGRAM_ENDED");
        }
    }

    private static void CheckAmount(Violations violations, string field, Amount value)
    {
        if (value.Original.Minor <= 0)
        {
            violations.Add(field, "must be positive");
        }
    }

    private static void CheckFiscalYear(Violations violations, string field, int fiscalYear, FundedProgram program)
    {
        var (from, to) = program.FiscalYears;
        if (fiscalYear < from || fiscalYear > to)
        {
            violations.Add(field, $"must be a fiscal year of the program, {from} to {to}");
        }
    }

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxText)
        {
            throw new ValidationException("reason", $"is required, at most {MaxText} characters");
        }
    }

    private static void RequireNotReversed(string? reversedBy, string transactionId)
    {
        if (reversedBy is not null)
        {
            throw new PreconditionFailedException($"Transaction {transactionId} was reversed already by {reversedBy}.", "ALREADY_REVERSED");
        }
    }

    private static void RequireTranche(Tranche tranche, TrancheStatus status, string what)
    {
        if (tranche.Status != status)
        {
            throw new PreconditionFailedException($"Tranche {tranche.Id} is {tranche.Status}: only a {status} tranche is {what}.", "TRANCHE_" + status.ToString().ToUpperInvariant());
        }
    }

    private Tranche TrancheOf(string id) => Tranches.FirstOrDefault(t => t.Id == id) ?? throw new NotFoundException("Tranche", id);

    private Expenditure ExpenditureOf(string id) => Expenditures.FirstOrDefault(e => e.Id == id) ?? throw new NotFoundException("Expenditure", id);

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 17)];
}
