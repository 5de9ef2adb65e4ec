namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>What every agreement event says about the agreement as it stands after the change, so a
/// projection (the registry's list of current partners) needs no call back. <see cref="AgreementVersion"/>
/// grows with every change: a consumer keeps the highest and ignores older news.
/// The agreement's terms (title, fields, validity, the version it continues) ride along for the
/// programs service, which plans work within them.</summary>
public abstract record AgreementEvent(
    string AgreementId,
    int AgreementVersion,
    string Status,
    string Kind,
    string IndonesianPartyId,
    string RegionCode,
    IReadOnlyList<string> ForeignPartyIds,
    string Actor) : IntegrationEvent
{
    public string Title { get; init; } = string.Empty;

    public IReadOnlyList<string> Fields { get; init; } = [];

    public DateOnly? EffectiveOn { get; init; }

    public DateOnly? ExpiresOn { get; init; }

    /// <summary>The version this one renews or amends, if any.</summary>
    public string? ParentAgreementId { get; init; }
}
