using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Contracts.Registry.V1;
using Paradiplomacy.Registry.Data;
using StackExchange.Redis;

namespace Paradiplomacy.Registry.Tests.Integration;

[Collection(RegistryCollection.Name)]
public class ProfileTests(RegistryFixture fixture)
{
    [Fact]
    public async Task Surabaya_officer_updates_Surabaya_and_the_event_leaves_through_the_outbox()
    {
        var before = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-35.78" });

        var updated = await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "idn-35.78",
            Etag = before.Etag,
            Profile = new CityProfile { Traits = { "port_city", "industrial", "coastal" }, PriorityFields = { "maritime", "smart_city", "creative_economy", "trade" } },
            UpdateMask = FieldMask.FromString("traits,priority_fields"),
        }, fixture.Bearer("regional-officer", "35.78"));

        Assert.Equal(["port_city", "industrial", "coastal"], updated.Profile.Traits);
        Assert.NotEqual(before.Etag, updated.Etag);
        var published = await WaitForOutboxAsync("idn-35.78", updated.Etag);
        Assert.NotNull(published.PublishedAt);
        Assert.Contains("\"changedFields\":[\"traits\",\"priority_fields\"]", published.Payload.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Surabaya_officer_cannot_change_Jakarta_and_nothing_is_written()
    {
        var before = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-31" });
        var outboxBefore = await OutboxCountAsync();

        var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
            {
                Id = "idn-31",
                Profile = new CityProfile { Traits = { "metropolitan" } },
                UpdateMask = FieldMask.FromString("traits"),
            }, fixture.Bearer("regional-officer", "35.78")));

        Assert.Contains("DKI Jakarta", status.Message, StringComparison.Ordinal);
        var after = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-31" });
        Assert.Equal(before.Etag, after.Etag);
        Assert.Empty(after.Profile.Traits);
        Assert.Equal(outboxBefore, await OutboxCountAsync());
    }

    [Fact]
    public async Task Stale_etag_is_aborted_over_grpc_and_409_over_rest()
    {
        var officer = fixture.Bearer("regional-officer", "32.73");
        var first = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-32.73" });
        await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "idn-32.73", Etag = first.Etag, Profile = new CityProfile { Languages = { "id", "en" } }, UpdateMask = FieldMask.FromString("languages"),
        }, officer);

        await RpcAssert.FailsWith(StatusCode.Aborted, async () =>
            await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
            {
                Id = "idn-32.73", Etag = first.Etag, Profile = new CityProfile { Languages = { "id" } }, UpdateMask = FieldMask.FromString("languages"),
            }, officer));

        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-32.73")
        {
            Content = JsonContent.Create(new { etag = first.Etag, profile = new { summary = "Kota Kembang" }, updateMask = "summary" }),
        };
        request.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "32.73"));
        using var response = await fixture.Rest.SendAsync(request);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var now = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-32.73" });
        Assert.Equal(["id", "en"], now.Profile.Languages);
        Assert.Empty(now.Profile.Summary);
    }

    [Fact]
    public async Task A_read_after_an_update_sees_the_update_though_the_first_read_was_cached()
    {
        var cached = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-34" });
        var redis = fixture.Services.GetRequiredService<IConnectionMultiplexer>();
        Assert.True(await redis.GetDatabase().KeyExistsAsync("registry:city:v1:idn-34"));

        await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
        {
            Id = "idn-34",
            Etag = cached.Etag,
            Profile = new CityProfile
            {
                Traits = { "former_capital", "cultural_heritage" },
                PriorityFields = { "culture", "tourism", "education" },
                Coordinator = new Contact { Name = "Biro Kerja Sama", Email = "kerjasama@jogjaprov.go.id", Phone = "+62 274 562811" },
            },
        }, fixture.Bearer("regional-officer", "34"));

        var fresh = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-34" }, fixture.Bearer("regional-officer", "35.78"));
        Assert.Equal(["former_capital", "cultural_heritage"], fresh.Profile.Traits);
        Assert.Equal("kerjasama@jogjaprov.go.id", fresh.Profile.Coordinator.Email);
        // The coordinator is a person: signed-in callers see the contact, the open directory does not.
        var anonymous = await fixture.Client.GetCityAsync(new GetCityRequest { Id = "idn-34" });
        Assert.Equal(fresh.Profile.Traits, anonymous.Profile.Traits);
        Assert.Null(anonymous.Profile.Coordinator);
    }

    [Fact]
    public async Task Rest_patch_with_update_mask_changes_only_the_named_field()
    {
        var token = fixture.Token("regional-officer", "35.73");
        using var first = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-35.73")
        {
            Content = JsonContent.Create(new { profile = new { traits = new[] { "education_hub" }, summary = "Kota pendidikan" } }),
        };
        first.Headers.Authorization = new("Bearer", token);
        (await fixture.Rest.SendAsync(first)).EnsureSuccessStatusCode();

        using var second = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/cities/idn-35.73")
        {
            Content = JsonContent.Create(new { profile = new { traits = new[] { "education_hub", "tourism_destination" }, summary = "ignored" }, updateMask = "traits" }),
        };
        second.Headers.Authorization = new("Bearer", token);
        using var response = await fixture.Rest.SendAsync(second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var profile = json.RootElement.GetProperty("profile");
        Assert.Equal(2, profile.GetProperty("traits").GetArrayLength());
        Assert.Equal("Kota pendidikan", profile.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Unknown_update_mask_path_is_rejected()
    {
        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.UpdateCityProfileAsync(new UpdateCityProfileRequest
            {
                Id = "idn-35.78", Profile = new CityProfile(), UpdateMask = FieldMask.FromString("population"),
            }, fixture.Bearer("regional-officer", "35.78")));

        Assert.Equal(["update_mask"], RpcAssert.ViolatedFields(status));
    }

    private async Task<int> OutboxCountAsync()
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().OutboxMessages.CountAsync();
    }

    private async Task<ServiceDefaults.Messaging.OutboxMessage> WaitForOutboxAsync(string cityId, string etag)
    {
        for (var i = 0; i < 100; i++)
        {
            using var scope = fixture.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.Contains("CityProfileUpdated")).ToListAsync();
            var row = rows.FirstOrDefault(r => r.Payload.Contains($"\"cityId\": \"{cityId}\"", StringComparison.Ordinal)
                                               && r.Payload.Contains($"\"etag\": \"{etag}\"", StringComparison.Ordinal));
            if (row?.PublishedAt is not null)
            {
                return row;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No published CityProfileUpdated for {cityId} at etag {etag}");
    }
}
