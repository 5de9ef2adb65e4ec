using Aspire.Hosting.ApplicationModel;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>Redis goes away: reads fall back to PostgreSQL (slower, never failing), writes go on, and the
/// rate limits still hold, each gateway replica counting on its own until the shared counts are back.</summary>
[Collection(ReliabilityCollection.Name)]
public class CacheOutageTests(ReliabilityFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Without_Redis_reads_and_writes_succeed_and_a_client_over_its_quota_is_still_refused()
    {
        var officer = fixture.Token("regional-officer", "32.73");
        var foreign = await fixture.ForeignCitiesAsync(260);
        var agreement = await fixture.RegisterAgreementAsync("32.73", "idn-32.73", foreign[^1], "Bandung sister city (before the cache outage)");

        Assert.True((await fixture.Host.CommandAsync("cache", KnownResourceCommands.StopCommand)).Success);
        try
        {
            using (var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                await fixture.Host.App.ResourceNotifications.WaitForResourceAsync("cache", [KnownResourceStates.Exited, KnownResourceStates.Finished], stopped.Token);
            }
            // Reads of each kind, signed in and anonymous, and a write: all answered.
            await fixture.SucceedAsync(HttpMethod.Get, "/api/v1/cities/idn-32.73", null);
            await fixture.SucceedAsync(HttpMethod.Get, "/api/v1/cities?query=bandung", officer);
            await fixture.SucceedAsync(HttpMethod.Get, $"/api/v1/agreements/{agreement}", officer);
            var updated = await fixture.SucceedAsync(HttpMethod.Patch, "/api/v1/cities/idn-32.73", officer,
                new { profile = new { traits = new[] { "creative_city", "education_hub" } }, updateMask = "traits" });
            // Read back from the database (the partnership consumer may have changed the city since: compare the profile).
            var read = await fixture.SucceedAsync(HttpMethod.Get, "/api/v1/cities/idn-32.73", officer);
            Assert.Equal(["creative_city", "education_hub"], read.GetProperty("profile").GetProperty("traits").EnumerateArray().Select(t => t.GetString()));
            Assert.True(int.Parse(read.GetProperty("etag").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                >= int.Parse(updated.GetProperty("etag").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

            // A script far over an officer's 1,200 a minute: refused by this replica's own count. 3,000 calls touch
            // at most two one-minute windows, so at most 2,400 are served.
            var script = fixture.Token("regional-officer", "32.73", subject: "runaway-script@32.73");
            int served = 0, refused = 0, other = 0;
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            {
                for (var i = 0; i < 750; i++)
                {
                    var (status, _) = await fixture.SendAsync(HttpMethod.Get, "/api/v1/cities/idn-32.73", script);
                    Interlocked.Increment(ref status == 200 ? ref served : ref status == 429 ? ref refused : ref other);
                }
            }));
            output.WriteLine($"Redis down: the script got {served} answers, {refused} refusals, {other} other");
            Assert.Equal(0, other);
            Assert.InRange(served, 1, 2400);
            Assert.True(refused >= 600, $"{refused} refused");
        }
        finally
        {
            Assert.True((await fixture.Host.CommandAsync("cache", KnownResourceCommands.StartCommand)).Success);
            await fixture.Host.App.ResourceNotifications.WaitForResourceHealthyAsync("cache");
        }
        await fixture.SucceedAsync(HttpMethod.Get, "/api/v1/cities/idn-32.73", officer);
    }
}
