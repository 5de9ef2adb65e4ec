namespace Paradiplomacy.Funding.Domain;

/// <summary>A budget is a draft until a finance approver approves it; a revision makes it a draft again.</summary>
public enum BudgetStatus
{
    Unspecified,
    Draft,
    Approved,
}
