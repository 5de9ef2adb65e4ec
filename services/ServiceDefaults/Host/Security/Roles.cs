namespace Paradiplomacy.HostDefaults.Security;

/// <summary>The roles a token can carry (claim "role").</summary>
public static class Roles
{
    public const string RegionalOfficer = "regional-officer";
    public const string MinistryReviewer = "ministry-reviewer";
    public const string FinanceApprover = "finance-approver";
    public const string Partner = "partner";
    public const string Operator = "operator";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        RegionalOfficer, MinistryReviewer, FinanceApprover, Partner, Operator,
    };
}
