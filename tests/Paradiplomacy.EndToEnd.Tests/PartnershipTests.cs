using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>A partnership's whole path through the gateway, by the people who take each step.</summary>
[Collection(SystemCollection.Name)]
public class PartnershipTests(SystemFixture fixture)
{
    [Fact]
    public async Task Surabaya_and_Liverpool_become_partners_through_the_gateway_and_the_registry_shows_it()
    {
        var officer = fixture.Token("regional-officer", "35.78");
        // Other tests of the system (the sample import) may give Surabaya partners of its own.
        int ActiveAgreements(JsonDocument count) => count.RootElement.TryGetProperty("activeAgreements", out var n) ? n.GetInt32() : 0;
        using var beforeRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/agreements:countActive?region=35.78");
        beforeRequest.Headers.Authorization = new("Bearer", officer); // signed in: past the public cache
        using var beforeResponse = await fixture.Gateway.SendAsync(beforeRequest);
        using var before = JsonDocument.Parse(await beforeResponse.Content.ReadAsStringAsync());
        var draft = await PostAsync("/api/v1/agreements", officer, new
        {
            kind = "SISTER_CITY",
            title = "Surabaya–Liverpool sister city",
            indonesianParty = new { cityId = "idn-35.78" },
            foreignParties = new[] { new { cityId = "gn-2644210" } },
            fields = new[] { "smart_city", "maritime", "creative_economy" },
            objectives = "Smart city, maritime and creative economy cooperation",
            mechanisms = "Working visits, expert exchange, joint events",
            validityMonths = 60,
        });
        var id = draft.GetProperty("id").GetString()!;

        await PostAsync($"/api/v1/agreements/{id}:submit", officer, new { });
        await PostAsync($"/api/v1/agreements/{id}:recordClearance", officer, new { kind = "DPRD_APPROVAL", decision = "APPROVED", referenceNumber = "170/123/436.1/2017" });
        await PostAsync($"/api/v1/agreements/{id}:recordClearance", fixture.Token("ministry-reviewer", ministry: "kemendagri"),
            new { kind = "KEMENDAGRI_CLEARANCE", decision = "APPROVED", referenceNumber = "120/4567/OTDA" });
        await PostAsync($"/api/v1/agreements/{id}:recordClearance", fixture.Token("ministry-reviewer", ministry: "kemlu"),
            new { kind = "KEMLU_CONSIDERATION", decision = "APPROVED", referenceNumber = "B-01234/KS/05/2017" });
        var loiDate = new { year = 2017, month = 5, day = 17 };
        await PostAsync($"/api/v1/agreements/{id}:sign", officer, new
        {
            instrument = "LETTER_OF_INTENT",
            indonesianSignatory = new { name = "Tri Rismaharini", title = "Wali Kota Surabaya", signedOn = loiDate, place = "Liverpool" },
            foreignSignatory = new { name = "Joe Anderson", title = "Mayor of Liverpool", signedOn = loiDate, place = "Liverpool" },
        });
        var today = DateTime.UtcNow;
        var signedOn = new { year = today.Year, month = today.Month, day = today.Day };
        var active = await PostAsync($"/api/v1/agreements/{id}:sign", officer, new
        {
            instrument = "MEMORANDUM_OF_UNDERSTANDING",
            indonesianSignatory = new { name = "Eri Cahyadi", title = "Wali Kota Surabaya", signedOn, place = "Surabaya" },
            foreignSignatory = new { name = "Liam Robinson", title = "Mayor of Liverpool", signedOn, place = "Surabaya" },
        });
        Assert.Equal("ACTIVE", active.GetProperty("status").GetString());

        Assert.Contains("gn-2644210", await fixture.Gateway.CurrentPartnersAsync("idn-35.78", "gn-2644210"));
        using var suggestions = JsonDocument.Parse(await fixture.Gateway.GetStringAsync("/api/v1/cities/idn-35.78:suggestPartners?page_size=50"));
        Assert.DoesNotContain(suggestions.RootElement.GetProperty("suggestions").EnumerateArray(),
            s => s.GetProperty("city").GetProperty("id").GetString() == "gn-2644210");
        using var count = JsonDocument.Parse(await fixture.Gateway.GetStringAsync("/api/v1/agreements:countActive?region=35.78"));
        Assert.Equal(ActiveAgreements(before) + 1, ActiveAgreements(count));
    }

    private async Task<JsonElement> PostAsync(string path, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await fixture.Gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
