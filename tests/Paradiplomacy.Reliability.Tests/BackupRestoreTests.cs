using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.Reliability.Tests;

/// <summary>scripts/backup.sh on a running system, scripts/restore.sh into a new state folder, and the system
/// started on it: the same records through the API, a partner's API key still valid, and the events that were
/// waiting in an outbox at the backup delivered (once) in the restored system.</summary>
public class BackupRestoreTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Region = "51.71"; // Kota Denpasar

    [Fact]
    public async Task A_backup_restored_into_a_new_state_folder_has_the_same_records_and_sends_what_was_pending_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var original = Path.Combine(Path.GetTempPath(), $"paradiplomacy-backup-{run}");
        var restored = Path.Combine(Path.GetTempPath(), $"paradiplomacy-restored-{run}");
        var backup = Path.Combine(Path.GetTempPath(), $"paradiplomacy-backup-{run}.d");
        try
        {
            IReadOnlyList<string> foreign;
            Dictionary<string, string> before;
            string apiKey;
            List<string> pendingAgreements = [];
            await using (var system = await AppHostProcess.StartAsync(original, fresh: true))
            {
                var officer = system.Token("regional-officer", Region);
                foreign = await system.Gateway.ForeignCitiesAsync(system.Token("operator"), 6);
                for (var i = 0; i < 3; i++)
                {
                    await system.Gateway.RegisterExistingAsync(officer, Agreement(foreign[i]), Guid.NewGuid().ToString("N"));
                }
                var (status, body) = await system.Gateway.CallAsync(HttpMethod.Patch, "/api/v1/cities/idn-51.71", officer,
                    new { profile = new { summary = $"Kota Denpasar before the backup {run}" }, updateMask = "summary" });
                Assert.True(status == 200, body);
                apiKey = await CreateApiKeyAsync(system);
                // A queue of an integration outside the platform: the broker's definitions come back with the backup.
                await using (var connection = await Broker(system).CreateConnectionAsync())
                await using (var channel = await connection.CreateChannelAsync())
                {
                    await channel.QueueDeclareAsync($"backup-test-{run}", durable: true, exclusive: false, autoDelete: false);
                }
                await system.Gateway.CurrentPartnersAsync("idn-51.71", foreign.Take(3));

                // Three more while the bus is down: at the backup their events wait in the agreements outbox.
                Process.GetProcessById(system.Resources.Pid("eventbus")).Kill();
                for (var i = 3; i < 6; i++)
                {
                    pendingAgreements.Add(await system.Gateway.RegisterExistingAsync(officer, Agreement(foreign[i]), Guid.NewGuid().ToString("N")));
                }
                var backedUp = await ScriptAsync("backup.sh", "--state-dir", original, backup);
                output.WriteLine(backedUp);
                before = await RecordsAsync(system, officer);
            }

            output.WriteLine(await ScriptAsync("restore.sh", backup, restored));
            await using var second = await AppHostProcess.StartAsync(restored, fresh: false);
            var reader = second.Token("regional-officer", Region);
            // Every partnership, those whose events waited included, reaches the restored registry.
            var partners = await second.Gateway.CurrentPartnersAsync("idn-51.71", foreign);
            Assert.Superset(foreign.ToHashSet(), partners.ToHashSet());
            var after = await RecordsAsync(second, reader);
            foreach (var (path, record) in before)
            {
                Assert.True(after[path] == record, $"{path} differs after the restore:\nbefore {record}\nafter  {after[path]}");
            }
            await using (var connection = await Broker(second).CreateConnectionAsync())
            await using (var channel = await connection.CreateChannelAsync())
            {
                await channel.QueueDeclarePassiveAsync($"backup-test-{run}");
            }
            // The partner's key, kept in Redis, still signs its system in.
            using var keyed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cities/idn-51.71");
            keyed.Headers.Add("X-Api-Key", apiKey);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await second.Gateway.SendAsync(keyed)).StatusCode);
            // Sent once each: the registry's inbox took each pending agreement's activation once.
            Assert.Equal(pendingAgreements.Count, await ActivationsHandledAsync(second, pendingAgreements));
        }
        finally
        {
            foreach (var directory in new[] { original, restored, backup })
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }
    }

    private static RabbitMQ.Client.ConnectionFactory Broker(AppHostProcess system) =>
        new() { Uri = new Uri($"amqp://guest:guest@127.0.0.1:{new Uri(system.Resources.Endpoint("eventbus", "tcp")).Port}/") };

    private static ExistingAgreement Agreement(string foreignCity) =>
        new(Region, "idn-51.71", foreignCity, $"Denpasar sister city with {foreignCity}", ["culture", "tourism"], DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>What the region's users see, as stable JSON per resource: its agreements, its city's profile.</summary>
    private static async Task<Dictionary<string, string>> RecordsAsync(AppHostProcess system, string officer)
    {
        var records = new Dictionary<string, string>();
        var (_, list) = await system.Gateway.CallAsync(HttpMethod.Get, $"/api/v1/agreements?filter=region%20%3D%20%22{Region}%22&page_size=100", officer);
        using var agreements = JsonDocument.Parse(list);
        foreach (var id in agreements.RootElement.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("id").GetString()!))
        {
            records[$"/api/v1/agreements/{id}"] = (await system.Gateway.CallAsync(HttpMethod.Get, $"/api/v1/agreements/{id}", officer)).Body;
        }
        using var city = JsonDocument.Parse((await system.Gateway.CallAsync(HttpMethod.Get, "/api/v1/cities/idn-51.71", officer)).Body);
        records["/api/v1/cities/idn-51.71 profile"] = city.RootElement.GetProperty("profile").GetRawText();
        Assert.Equal(6, records.Count - 1);
        return records;
    }

    private static async Task<string> CreateApiKeyAsync(AppHostProcess system)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/apiKeys")
        {
            Content = JsonContent.Create(new { owner = "Denpasar partner portal", role = "partner", region = "gn-2644210", scopes = new[] { "registry:read" } }),
        };
        request.Headers.Authorization = new("Bearer", system.Token("operator"));
        using var response = await system.Gateway.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("secret").GetString()!;
    }

    private static async Task<long> ActivationsHandledAsync(AppHostProcess system, IReadOnlyList<string> agreements)
    {
        var resources = system.Resources;
        await using var agreementsDb = new Npgsql.NpgsqlConnection(resources.Database("agreements-db", ";Pooling=false"));
        await agreementsDb.OpenAsync();
        await using var ids = new Npgsql.NpgsqlCommand(
            "SELECT id FROM outbox_messages WHERE message_type LIKE '%AgreementActivated%' AND payload::text LIKE ANY(@patterns)", agreementsDb);
        ids.Parameters.AddWithValue("patterns", agreements.Select(a => $"%{a}%").ToArray());
        var messages = new List<Guid>();
        await using (var reader = await ids.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                messages.Add(reader.GetGuid(0));
            }
        }
        Assert.Equal(agreements.Count, messages.Count);
        await using var registryDb = new Npgsql.NpgsqlConnection(resources.Database("registry-db", ";Pooling=false"));
        await registryDb.OpenAsync();
        await using var handled = new Npgsql.NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@ids)", registryDb);
        handled.Parameters.AddWithValue("ids", messages.ToArray());
        return (long)(await handled.ExecuteScalarAsync())!;
    }

    private static async Task<string> ScriptAsync(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo(Path.Combine(Hosting.RepositoryRoot.Find(), "scripts", script)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} failed ({process.ExitCode}): {text}");
        return text;
    }
}
