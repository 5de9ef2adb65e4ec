using System.Collections.Concurrent;
using System.Text.Json;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>A service dies (SIGKILL) while officers' requests are in flight through the gateway: those it
/// could not answer get UNAVAILABLE, the AppHost starts it again, and each retried with its request_id is
/// applied exactly once; nothing is half-written.</summary>
[Collection(ReliabilityCollection.Name)]
public class ServiceCrashTests(ReliabilityFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Region = "34.71"; // Kota Yogyakarta

    [Fact]
    public async Task Requests_cut_off_by_a_crash_get_unavailable_and_a_retry_with_the_same_request_id_applies_each_once()
    {
        var foreign = (await fixture.ForeignCitiesAsync(300)).Skip(210).ToList();
        var officer = fixture.Token("regional-officer", Region);
        var attempts = new ConcurrentDictionary<string, (string RequestId, string Foreign)>();
        var refused = new ConcurrentBag<(int Status, string Body)>();
        var next = -1;
        var killed = 0;
        var restarted = Task.CompletedTask;

        // Four desks (four officers, each within the quota) registering agreements back to back, so that some are
        // in flight when the agreements service is killed, once the first ten are through.
        async Task DeskAsync(int desk)
        {
            var token = fixture.Token("regional-officer", Region, subject: $"crash-desk-{desk}@{Region}");
            while (Interlocked.Increment(ref next) is var n && n < 80)
            {
                if (n == 10)
                {
                    killed = fixture.Host.Kill("agreements");
                    restarted = fixture.Host.WaitForRestartAsync("agreements", killed, TimeSpan.FromSeconds(90));
                }
                var requestId = Guid.NewGuid().ToString("N");
                attempts[requestId] = (requestId, foreign[n]);
                var (status, body) = await fixture.SendAsync(HttpMethod.Post, "/api/v1/agreements:registerExisting", token, ReliabilityFixture.RegisterExistingBody("idn-34.71", foreign[n], $"Yogyakarta sister city with {foreign[n]}", requestId));
                if (status != 200)
                {
                    refused.Add((status, body));
                }
                await Task.Delay(25);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(DeskAsync));
        await restarted;

        Assert.NotEmpty(refused);
        Assert.All(refused, r =>
        {
            Assert.True(r.Status == 503, $"a call cut off by the crash got {r.Status} {r.Body}");
            Assert.Equal(14, JsonDocument.Parse(r.Body).RootElement.GetProperty("code").GetInt32());
        });

        // Every desk now retries everything it sent, with the same request ids: each applies once.
        foreach (var (requestId, partner) in attempts.Values)
        {
            await fixture.SucceedAsync(HttpMethod.Post, "/api/v1/agreements:registerExisting", officer, ReliabilityFixture.RegisterExistingBody("idn-34.71", partner, $"Yogyakarta sister city with {partner}", requestId));
        }
        var listed = new List<string>();
        string? token = null;
        do
        {
            var page = await fixture.SucceedAsync(HttpMethod.Get, $"/api/v1/agreements?filter=region%20%3D%20%22{Region}%22&page_size=100{(token is null ? "" : $"&page_token={token}")}", officer);
            listed.AddRange(page.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("foreignParties")[0].GetProperty("cityId").GetString()!));
            token = page.TryGetProperty("nextPageToken", out var t) && t.GetString() is { Length: > 0 } more ? more : null;
        }
        while (token is not null);
        Assert.Equal(attempts.Values.Select(a => a.Foreign).Order(), listed.Order());
        output.WriteLine($"agreements killed (pid {killed}) mid-load: {refused.Count} of {attempts.Count} calls got UNAVAILABLE; after the restart all {attempts.Count} retried with their request ids, {listed.Count} agreements exist, none twice");
    }
}
