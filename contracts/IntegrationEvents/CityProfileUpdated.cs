namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A region changed its profile; carries the profile as it now stands so projections
/// need not call back.</summary>
public sealed record CityProfileUpdated(
    string CityId,
    IReadOnlyList<string> ChangedFields,
    IReadOnlyList<string> Traits,
    IReadOnlyList<string> PriorityFields,
    bool SeekingPartners,
    string UpdatedBy,
    string Etag) : IntegrationEvent;
