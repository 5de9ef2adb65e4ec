using System.Diagnostics;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>The AppHost itself dies (SIGKILL) with events still waiting in an outbox: nothing it started
/// outlives it, and the next start, on the same state, has every record and delivers what was waiting.</summary>
public class AppHostCrashTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_AppHost_leaves_no_process_behind_and_the_next_start_delivers_what_was_pending()
    {
        var state = Path.Combine(Path.GetTempPath(), $"paradiplomacy-apphost-crash-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            List<string> registered = [];
            IReadOnlyList<string> foreign;
            await using (var first = await AppHostProcess.StartAsync(state, fresh: true))
            {
                var officer = first.Token("regional-officer", "33.74");
                foreign = await first.Gateway.ForeignCitiesAsync(first.Token("operator"), 8);
                // The bus goes first, so that what follows waits in the agreements service's outbox...
                var resources = first.Resources;
                Process.GetProcessById(resources.Pid("eventbus")).Kill();
                foreach (var city in foreign.Take(5))
                {
                    registered.Add(await first.Gateway.RegisterExistingAsync(officer,
                        new ExistingAgreement("33.74", "idn-33.74", city, $"Semarang sister city with {city}", ["education"], DateOnly.FromDateTime(DateTime.UtcNow)),
                        Guid.NewGuid().ToString("N")));
                }
                var pending = await PendingAsync(resources);
                Assert.True(pending >= 5, $"{pending} events pending in the agreements outbox; the test needs its 5 to wait for the bus");

                // ...and the AppHost dies before the restarted broker takes them.
                var processes = first.Descendants();
                Assert.True(processes.Count >= 10, $"only {processes.Count} processes found under the AppHost");
                first.Kill();
                var killed = Stopwatch.StartNew();
                var left = await AppHostProcess.GoneWithinAsync(processes, TimeSpan.FromSeconds(60));
                output.WriteLine($"{processes.Count} processes under the AppHost, {pending} events pending; all gone {killed.Elapsed.TotalSeconds:F1} s after SIGKILL");
                Assert.True(left.Count == 0, $"still running 60 s after the AppHost was killed: {string.Join(", ", left.Select(AppHostProcess.Describe))}");
            }

            // The next start, on the same state folder: the records are there, and what waited is delivered.
            var restart = Stopwatch.StartNew();
            await using var second = await AppHostProcess.StartAsync(state, fresh: false);
            output.WriteLine($"healthy again {restart.Elapsed.TotalSeconds:F1} s after the restart");
            var reader = second.Token("regional-officer", "33.74");
            foreach (var id in registered)
            {
                Assert.Equal(200, (await second.Gateway.CallAsync(HttpMethod.Get, $"/api/v1/agreements/{id}", reader)).Status);
            }
            var partners = await second.Gateway.CurrentPartnersAsync("idn-33.74", foreign.Take(5));
            Assert.Superset(foreign.Take(5).ToHashSet(), partners.ToHashSet());
            Assert.Equal(0, await PendingAsync(second.Resources));
        }
        finally
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }

    private static async Task<long> PendingAsync(Hosting.Operations.SystemResources resources)
    {
        await using var connection = new Npgsql.NpgsqlConnection(resources.Database("agreements-db", ";Pooling=false"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
