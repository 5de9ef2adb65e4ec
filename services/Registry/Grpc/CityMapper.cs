using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Paradiplomacy.Registry.Data;
using Paradiplomacy.Registry.Domain;
using V1 = Paradiplomacy.Contracts.Registry.V1;

namespace Paradiplomacy.Registry.Grpc;

/// <summary>Translates between the domain and the v1 contract.</summary>
public static class CityMapper
{
    public static V1.City ToProto(this City city, CountryDirectory countries, string? parentName)
    {
        var proto = new V1.City
        {
            Id = city.Id,
            Level = (V1.CityLevel)(int)city.Level,
            Name = city.Name,
            CountryCode = city.CountryCode,
            CountryName = countries.NameOf(city.CountryCode),
            ParentId = city.ParentId ?? string.Empty,
            ParentName = parentName ?? string.Empty,
            Code = city.Code ?? string.Empty,
            IsoCode = city.IsoCode ?? string.Empty,
            GeonamesId = city.GeoNamesId ?? 0,
            Population = city.Population ?? 0,
            TimeZone = city.TimeZone ?? string.Empty,
            Profile = city.Profile.ToProto(),
            Etag = city.Etag,
            CreateTime = Timestamp.FromDateTimeOffset(city.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(city.UpdatedAt),
        };
        proto.AlternateNames.AddRange(city.AlternateNames);
        proto.CurrentPartnerIds.AddRange(city.CurrentPartnerIds);
        if (city.Latitude is { } lat && city.Longitude is { } lon)
        {
            proto.Location = new LatLng { Latitude = lat, Longitude = lon };
        }
        return proto;
    }

    public static V1.CityProfile ToProto(this CityProfile profile)
    {
        var proto = new V1.CityProfile
        {
            Coordinator = new V1.Contact
            {
                Name = profile.Coordinator.Name ?? string.Empty,
                Title = profile.Coordinator.Title ?? string.Empty,
                Email = profile.Coordinator.Email ?? string.Empty,
                Phone = profile.Coordinator.Phone ?? string.Empty,
            },
            Seeking = new V1.PartnerSeeking { Active = profile.Seeking.Active, Description = profile.Seeking.Description ?? string.Empty },
            Summary = profile.Summary ?? string.Empty,
        };
        proto.Traits.AddRange(profile.Traits);
        proto.PriorityFields.AddRange(profile.PriorityFields);
        proto.Languages.AddRange(profile.Languages);
        proto.Seeking.Fields.AddRange(profile.Seeking.Fields);
        proto.Seeking.PreferredCountries.AddRange(profile.Seeking.PreferredCountries);
        return proto;
    }
}
