namespace Paradiplomacy.Funding.Domain;

/// <summary>One line of a program's budget: a category in a fiscal year, valued in rupiah at the rate of
/// the day it was set.</summary>
public sealed record BudgetLine(BudgetCategory Category, int FiscalYear, Amount Value, string Description);
