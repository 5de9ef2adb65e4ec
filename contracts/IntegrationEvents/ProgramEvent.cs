namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>What every program event says about the program as it stands after the change, so funding
/// and meetings keep their projections without calling back. <see cref="ProgramVersion"/> grows with
/// every change: a consumer keeps the highest and ignores older news.</summary>
public abstract record ProgramEvent(
    string ProgramId,
    int ProgramVersion,
    string Status,
    string AgreementId,
    string RegionCode,
    string Type,
    string Field,
    string Actor) : IntegrationEvent
{
    /// <summary>The program's title as it stands.</summary>
    public string ProgramTitle { get; init; } = string.Empty;

    /// <summary>The registry ids of the foreign parties of its agreement (who may see it as a party).</summary>
    public IReadOnlyList<string> ForeignPartyIds { get; init; } = [];
}
