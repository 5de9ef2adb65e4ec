namespace Paradiplomacy.Contracts.IntegrationEvents;

/// <summary>A government abroad was added to the registry by a user.</summary>
public sealed record CityRegistered(
    string CityId,
    string Name,
    string CountryCode,
    string Level,
    string RegisteredBy) : IntegrationEvent;
