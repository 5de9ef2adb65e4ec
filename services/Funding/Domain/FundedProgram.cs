namespace Paradiplomacy.Funding.Domain;

/// <summary>The funding service's own copy of a program, kept from the programs service's events (or,
/// for a program it has not heard of yet, read once from the programs service): enough to decide whether
/// it may be funded, who sees its money, and to label reports.</summary>
public sealed class FundedProgram
{
    public const string Planned = "Planned";

    public required string ProgramId { get; init; }
    public int Version { get; private set; }
    public string Status { get; private set; } = null!;
    public string AgreementId { get; private set; } = null!;
    public string RegionCode { get; private set; } = null!;
    public string Title { get; private set; } = string.Empty;
    public string Field { get; private set; } = string.Empty;
    public List<string> ForeignPartyIds { get; private set; } = [];
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }

    /// <summary>Cancelled or completed: no new money goes to it.</summary>
    public bool HasEnded => Status is "Cancelled" or "Completed";

    public bool IsCancelled => Status == "Cancelled";

    /// <summary>The fiscal years its money may be booked in: a year before it starts (preparation) to a
    /// year after it ends (final bills).</summary>
    public (int From, int To) FiscalYears => (StartDate?.Year - 1 ?? 2000, EndDate?.Year + 1 ?? 2100);

    /// <summary>The program as of <paramref name="version"/> unless a newer picture is held; false for old news.</summary>
    public bool Apply(int version, string status, string agreementId, string regionCode, string? title, string field,
        IReadOnlyList<string> foreignPartyIds, DateOnly? startDate, DateOnly? endDate)
    {
        if (version <= Version)
        {
            return false;
        }
        Version = version;
        Status = status;
        AgreementId = agreementId;
        RegionCode = regionCode;
        Field = field;
        if (!string.IsNullOrEmpty(title))
        {
            Title = title;
        }
        if (foreignPartyIds.Count > 0)
        {
            ForeignPartyIds = [.. foreignPartyIds];
        }
        StartDate = startDate ?? StartDate;
        EndDate = endDate ?? EndDate;
        return true;
    }
}
