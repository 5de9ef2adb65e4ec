using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>What one client can do to the gateway, and what the others then see: a client far over its
/// quota is refused and nobody else is; oversized headers and bodies are refused before they are read;
/// a client trickling its headers is cut off.</summary>
[Collection(ReliabilityCollection.Name)]
public class GatewayAbuseTests(ReliabilityFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_client_far_over_its_quota_is_refused_while_another_client_is_served_throughout()
    {
        var abuser = fixture.Token("regional-officer", "35.15", subject: "script-gone-wrong@35.15");
        var neighbour = fixture.Token("regional-officer", "35.78", subject: "neighbour@35.78");
        // Minutes, as a script gone wrong would run (RELIABILITY_ABUSE_SECONDS, default 120).
        var duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_ABUSE_SECONDS"), out var seconds) ? seconds : 120);
        long abuserOk = 0, abuserRefused = 0, abuserOther = 0;
        var neighbourStatuses = new List<int>();
        var neighbourLatencies = new List<double>();

        // The neighbour alone first: its latency without the abuse, for comparison.
        var alone = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Assert.Equal(200, (await fixture.SendAsync(HttpMethod.Get, "/api/v1/cities/idn-35.78", neighbour)).Status);
            alone.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await Task.Delay(200);
        }
        using var stop = new CancellationTokenSource(duration);

        async Task AbuseAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var (status, _) = await fixture.SendAsync(HttpMethod.Get, "/api/v1/cities/idn-35.15", abuser);
                Interlocked.Increment(ref status == 200 ? ref abuserOk : ref status == 429 ? ref abuserRefused : ref abuserOther);
            }
        }
        async Task NeighbourAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var (status, _) = await fixture.SendAsync(HttpMethod.Get, "/api/v1/cities/idn-35.78", neighbour);
                lock (neighbourStatuses)
                {
                    neighbourStatuses.Add(status);
                    neighbourLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                await Task.Delay(200);
            }
        }
        await Task.WhenAll([.. Enumerable.Range(0, 8).Select(_ => AbuseAsync()), NeighbourAsync()]);

        static string Percentiles(List<double> ms)
        {
            var sorted = ms.Order().ToList();
            return $"p50 {sorted[sorted.Count / 2]:F1} ms, p99 {sorted[(int)(sorted.Count * 0.99)]:F1} ms";
        }
        output.WriteLine($"over {duration.TotalSeconds:F0} s the abuser (8 connections) got {abuserOk} answers and {abuserRefused} refusals (429); "
            + $"the neighbour {neighbourStatuses.Count} answers, statuses {string.Join(",", neighbourStatuses.Distinct())}; "
            + $"its latency alone {Percentiles(alone)}, during the abuse {Percentiles(neighbourLatencies)}");
        Assert.Equal(0, abuserOther);
        Assert.True(abuserRefused > abuserOk, $"{abuserRefused} refused, {abuserOk} served: the quota did not hold");
        // Every call of the neighbour answered; how fast is printed above, beside its latency alone (speed is bench/'s to judge).
        Assert.NotEmpty(neighbourStatuses);
        Assert.All(neighbourStatuses, s => Assert.Equal(200, s));
    }

    [Fact]
    public async Task Oversized_headers_are_refused_with_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cities/idn-35.78");
        request.Headers.Add("X-Filler", new string('a', 40 * 1024));
        using var response = await fixture.Gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_routes_limit_is_refused_with_413_and_changes_nothing()
    {
        // The registry's routes take 1 MiB; this says 3 MiB and would have to be read to be a city.
        var officer = fixture.Token("regional-officer", "35.78");
        var filler = new string('x', 3 * 1024 * 1024);
        var (status, body) = await fixture.SendAsync(HttpMethod.Patch, "/api/v1/cities/idn-35.78", officer,
            new { profile = new { summary = filler }, updateMask = "summary" });
        Assert.True(status == 413, $"{status} {body[..Math.Min(200, body.Length)]}");
        var city = await fixture.SucceedAsync(HttpMethod.Get, "/api/v1/cities/idn-35.78", officer);
        Assert.DoesNotContain(filler[..100], city.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_trickling_its_headers_is_cut_off()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(fixture.Host.GatewayUrl.Host, fixture.Host.GatewayUrl.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /api/v1/cities/idn-35.78 HTTP/1.1\r\nHost: gateway\r\n"));
        var clock = Stopwatch.StartNew();
        var closed = false;
        var buffer = new byte[4096];
        // One header byte a second, never finishing the headers, for up to a minute.
        while (!closed && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                await stream.WriteAsync("X"u8.ToArray());
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                // Either an answer (408) or the end of the stream: the server is done with this connection.
                _ = await stream.ReadAsync(buffer, wait.Token);
                closed = true;
            }
            catch (OperationCanceledException)
            {
                // Nothing from the server yet.
            }
            catch (IOException)
            {
                closed = true;
            }
        }
        output.WriteLine($"cut off after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(closed, "the gateway kept a connection whose headers never ended for a minute");
    }
}
