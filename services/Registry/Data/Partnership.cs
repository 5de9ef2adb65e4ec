namespace Paradiplomacy.Registry.Data;

/// <summary>The registry's projection of one agreement, fed by the agreements service's events:
/// enough to know who is whose current partner.</summary>
public sealed class Partnership
{
    public required string AgreementId { get; init; }
    public required string IndonesianPartyId { get; set; }
    public List<string> ForeignPartyIds { get; set; } = [];
    public required string Status { get; set; }
    /// <summary>The agreement's version in the last event applied; older news is ignored.</summary>
    public int AgreementVersion { get; set; }

    public bool IsActive => Status == "Active";
}
