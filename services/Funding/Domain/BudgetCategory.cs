namespace Paradiplomacy.Funding.Domain;

/// <summary>The lines a program's budget is made of.</summary>
public enum BudgetCategory
{
    Unspecified,
    Travel,
    Accommodation,
    Honoraria,
    Venue,
    Interpretation,
    Equipment,
    Other,
}
