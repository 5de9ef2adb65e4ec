namespace Paradiplomacy.Funding.Domain;

/// <summary>A program's (or a report row's) figures in rupiah minor units, each a sum of ledger balances.</summary>
public sealed record Figures(long Budget, long Committed, long CommittedInKind, long Disbursed, long Spent, long Overrun, int Overruns)
{
    public static readonly Figures Zero = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Disbursed less spent: what may still be spent without an overrun.</summary>
    public long Available => Disbursed - Spent;

    /// <summary>Penyerapan anggaran: spent over budget; 0 with no budget.</summary>
    public double AbsorptionRate => Budget == 0 ? 0 : Math.Round((double)Spent / Budget, 4);

    public Figures Plus(Figures other) => new(Budget + other.Budget, Committed + other.Committed, CommittedInKind + other.CommittedInKind,
        Disbursed + other.Disbursed, Spent + other.Spent, Overrun + other.Overrun, Overruns + other.Overruns);

    /// <summary>The figures a set of balances (of one program or many) adds up to, with the budget beside them.</summary>
    public static Figures From(IEnumerable<Balance> balances, long budget, long overrun, int overruns)
    {
        long committed = 0, inKind = 0, disbursed = 0, spent = 0;
        foreach (var b in balances)
        {
            switch (b.Account)
            {
                case Account.Pledged: committed -= b.IdrMinor; break;
                case Account.InKind: inKind += b.IdrMinor; break;
                case Account.Cash when b.SourceId.Length > 0: disbursed += b.IdrMinor; break;
                case Account.Expense: spent += b.IdrMinor; break;
            }
        }
        return new Figures(budget, committed, inKind, disbursed, spent, overrun, overruns);
    }
}
