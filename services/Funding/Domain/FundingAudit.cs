using System.Globalization;

namespace Paradiplomacy.Funding.Domain;

/// <summary>What the audit trail records of a program's money: the budget, each pledge, tranche and
/// expenditure by its state, and the figures. Payees stay out (they can be persons); the ledger itself
/// is the record of every amount.</summary>
public static class FundingAudit
{
    public static IReadOnlyDictionary<string, string?> Snapshot(ProgramFunding f)
    {
        var figures = f.Figures;
        var snapshot = new Dictionary<string, string?>
        {
            ["budget.status"] = f.Budget.Status.ToString(),
            ["budget.revision"] = Number(f.Budget.Revision),
            ["budget.total_idr"] = Number(f.Budget.TotalIdr),
            ["budget.approved_by"] = f.Budget.ApprovedBy,
            ["committed_idr"] = Number(figures.Committed),
            ["disbursed_idr"] = Number(figures.Disbursed),
            ["spent_idr"] = Number(figures.Spent),
        };
        foreach (var c in f.Commitments)
        {
            snapshot[$"commitments.{c.Id}"] = $"{c.SourceId} {c.Value.Original}{(c.InKind ? " in kind" : string.Empty)}{(c.IsReversed ? " reversed by " + c.ReversedBy : string.Empty)}";
        }
        foreach (var t in f.Tranches)
        {
            snapshot[$"tranches.{t.Id}"] = $"{t.SourceId} {t.Planned.Original} {t.Status}{(t.TransactionId is null ? string.Empty : " " + t.TransactionId)}";
        }
        foreach (var e in f.Expenditures)
        {
            snapshot[$"expenditures.{e.Id}"] = $"{e.Category} {e.Value.Original} {e.Status}{(e.Overrun ? " overrun" : string.Empty)}{(e.ReversedBy is null ? string.Empty : " reversed by " + e.ReversedBy)} receipts {e.Receipts.Count}";
        }
        return snapshot;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
