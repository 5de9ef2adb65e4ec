using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Contracts.Registry.V1;
using Paradiplomacy.Registry.Data;

namespace Paradiplomacy.Registry.Tests.Integration;

/// <summary>The shared write path as the registry uses it: every accepted change is saved with its
/// audit record and its events, every refused one leaves all three untouched.</summary>
[Collection(RegistryCollection.Name)]
public class WritePathTests(RegistryFixture fixture)
{
    [Fact]
    public async Task A_profile_change_is_audited_field_by_field_next_to_its_event()
    {
        var before = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-52.71" });
        var (audit, outbox) = await CountsAsync("idn-52.71");

        var updated = await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "idn-52.71",
            Etag = before.Etag,
            Profile = new CityProfile { Traits = { "education_hub" }, Summary = $"Kota Mataram {Guid.NewGuid():N}" },
            UpdateMask = FieldMask.FromString("traits,summary"),
        }, fixture.Bearer("regional-officer", "52.71"));

        Assert.Equal((audit + 1, outbox + 1), await CountsAsync("idn-52.71"));
        var record = await LastAuditAsync("idn-52.71");
        Assert.Equal(("City", "update_profile", "regional-officer@52.71"), (record.AggregateType, record.Action, record.Actor));
        Assert.Equal(["profile.summary", "profile.traits"], record.Changes.Select(c => c.Field).Order());
        var traits = record.Changes.Single(c => c.Field == "profile.traits");
        Assert.Equal((string.Join(", ", before.Profile.Traits), "education_hub"), (traits.OldValue, traits.NewValue));
        Assert.NotEqual(before.Etag, updated.Etag);
    }

    [Fact]
    public async Task The_same_profile_again_writes_nothing_and_keeps_the_etag()
    {
        var officer = fixture.Bearer("regional-officer", "32.04");
        var request = new UpdateCityProfileRequest
        {
            Id = "idn-32.04", Profile = new CityProfile { Languages = { "id", "su" } }, UpdateMask = FieldMask.FromString("languages"),
        };
        var first = await fixture.Client.UpdateCityProfileAsync(request, officer);
        var counts = await CountsAsync("idn-32.04");

        var again = await fixture.Client.UpdateCityProfileAsync(request, officer);

        Assert.Equal(first.Etag, again.Etag);
        Assert.Equal(counts, await CountsAsync("idn-32.04"));
    }

    [Fact]
    public async Task Concurrent_changes_without_an_etag_are_each_applied_on_the_city_as_it_stands()
    {
        // Four desks of Kota Mataram at once, none asking for an etag check: none is refused as ABORTED.
        var (audit, outbox) = await CountsAsync("idn-52.71");
        var before = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-52.71" });
        var summaries = Enumerable.Range(0, 4).Select(i => $"Kota Mataram, desk {i} {Guid.NewGuid():N}").ToList();

        var updated = await Task.WhenAll(summaries.Select(async summary => await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "idn-52.71", Profile = new CityProfile { Summary = summary }, UpdateMask = FieldMask.FromString("summary"),
        }, fixture.Bearer("regional-officer", "52.71"))));

        Assert.Equal((audit + 4, outbox + 4), await CountsAsync("idn-52.71"));
        Assert.Equal(4, updated.Select(c => c.Etag).Distinct().Count());
        var after = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-52.71" });
        Assert.Equal(int.Parse(before.Etag, System.Globalization.CultureInfo.InvariantCulture) + 4, int.Parse(after.Etag, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(after.Profile.Summary, summaries);
    }

    [Fact]
    public async Task A_stale_etag_or_a_refused_caller_writes_no_audit_record_and_no_event()
    {
        var current = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-34" });
        var counts = await CountsAsync("idn-34");
        var change = new UpdateCityProfileRequest
        {
            Id = "idn-34", Etag = "999", Profile = new CityProfile { Traits = { "former_capital" } }, UpdateMask = FieldMask.FromString("traits"),
        };

        await RpcAssert.FailsWith(StatusCode.Aborted, async () => await fixture.Client.UpdateCityProfileAsync(change, fixture.Bearer("regional-officer", "34")));
        change.Etag = current.Etag;
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.UpdateCityProfileAsync(change, fixture.Bearer("regional-officer", "35.78")));

        Assert.Equal(counts, await CountsAsync("idn-34"));
        Assert.Equal(current.Etag, (await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-34" })).Etag);
    }

    [Fact]
    public async Task A_caller_outside_the_region_is_refused_before_the_request_is_looked_at()
    {
        // A malformed profile, a stale etag and an unknown mask path: a Surabaya officer learns none of it.
        var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "idn-31",
            Etag = "999",
            Profile = new CityProfile { Traits = { "not_a_trait" }, Summary = new string('x', 10_000) },
            UpdateMask = FieldMask.FromString("traits,summary,population"),
        }, fixture.Bearer("regional-officer", "35.78")));

        Assert.Empty(RpcAssert.ViolatedFields(status));
        // An operator, who runs the platform, is refused the same way.
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "idn-31", Profile = new CityProfile { Traits = { "not_a_trait" } }, UpdateMask = FieldMask.FromString("traits"),
        }, fixture.Bearer("operator")));
        // Registering a government abroad is refused to a partner before its (empty) input is read.
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.CreateCityAsync(new CreateCityRequest { City = new City() }, fixture.Bearer("partner", "gn-2644210")));
    }

    [Fact]
    public async Task Registering_a_government_abroad_is_audited_and_announced_once_however_often_it_is_retried()
    {
        var create = new CreateCityRequest
        {
            RequestId = $"write-path-{Guid.NewGuid():N}",
            City = new City { Name = $"Fuqing {Guid.NewGuid():N}"[..20], CountryCode = "CN", Level = CityLevel.Municipality, TimeZone = "Asia/Shanghai" },
        };
        var officer = fixture.Bearer("regional-officer", "52.71");

        var city = await fixture.Client.CreateCityAsync(create, officer);
        var counts = await CountsAsync(city.Id);
        var retried = await fixture.Client.CreateCityAsync(create, officer);

        Assert.Equal(city.Id, retried.Id);
        Assert.Equal((1, 1), counts);
        Assert.Equal(counts, await CountsAsync(city.Id));
        var record = await LastAuditAsync(city.Id);
        Assert.Equal("register", record.Action);
        Assert.Contains(record.Changes, c => c is { Field: "time_zone", OldValue: null, NewValue: "Asia/Shanghai" });
    }

    /// <summary>Audit records of the city, and outbox rows that name it.</summary>
    private async Task<(int Audit, int Outbox)> CountsAsync(string cityId)
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var audit = await db.AuditRecords.CountAsync(r => r.AggregateType == "City" && r.AggregateId == cityId);
        var outbox = (await db.OutboxMessages.AsNoTracking().Select(m => m.Payload).ToListAsync())
            .Count(p => p.Contains($"\"cityId\": \"{cityId}\"", StringComparison.Ordinal));
        return (audit, outbox);
    }

    private async Task<ServiceDefaults.Aggregates.AuditRecord> LastAuditAsync(string cityId)
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.AuditRecords.AsNoTracking().Where(r => r.AggregateId == cityId).OrderByDescending(r => r.Id).FirstAsync();
    }
}
