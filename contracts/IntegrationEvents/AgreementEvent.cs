namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>What every agreement event says about the agreement as it stands after the change, so a
/// projection (the registry's list of current partners) needs no call back. <see cref="AgreementVersion"/>
/// grows with every change: a consumer keeps the highest and ignores older news.</summary>
public abstract record AgreementEvent(
    string AgreementId,
    int AgreementVersion,
    string Status,
    string Kind,
    string IndonesianPartyId,
    string RegionCode,
    IReadOnlyList<string> ForeignPartyIds,
    string Actor) : IntegrationEvent;
