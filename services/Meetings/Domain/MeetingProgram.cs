namespace Paradiplomacy.Meetings.Domain;

/// <summary>The meetings service's copy of a program, from the programs service's events: which agreement
/// it is under and whether it still runs.</summary>
public sealed class MeetingProgram
{
    public required string ProgramId { get; init; }
    public int Version { get; private set; }
    public string AgreementId { get; private set; } = null!;
    public string RegionCode { get; private set; } = null!;
    public string Status { get; private set; } = null!;
    public string Title { get; private set; } = string.Empty;

    public bool HasEnded => Status is "Cancelled" or "Completed";

    public bool Apply(int version, string agreementId, string regionCode, string status, string? title)
    {
        if (version <= Version)
        {
            return false;
        }
        Version = version;
        AgreementId = agreementId;
        RegionCode = regionCode;
        Status = status;
        Title = string.IsNullOrEmpty(title) ? Title : title;
        return true;
    }
}
