using System.Diagnostics;
using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>The documented command that registers DOMAIN.md's partnerships on a running system.</summary>
[Collection(SystemCollection.Name)]
public class SamplePartnershipsTests(SystemFixture fixture)
{
    private static readonly string[] JakartaPartners =
        ["Jeddah", "Seoul", "Tokyo", "Los Angeles", "Casablanca", "Beijing", "Moscow", "Jerusalem", "Rotterdam", "Berlin"];

    [Fact]
    public async Task Importing_the_sample_registers_Jakartas_sister_cities_once_however_often_it_runs()
    {
        var first = await ImportAsync();
        var second = await ImportAsync();

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("0 registered", second.Output, StringComparison.Ordinal);
        // What the open directory now shows of DKI Jakarta.
        using var json = JsonDocument.Parse(await fixture.Gateway.GetStringAsync(
            "/api/v1/agreements?filter=region%20%3D%20%2231%22%20AND%20status%20%3D%20ACTIVE&pageSize=100"));
        var partners = json.RootElement.GetProperty("agreements").EnumerateArray()
            .SelectMany(a => a.GetProperty("foreignParties").EnumerateArray()).Select(p => p.GetProperty("name").GetString()!).ToHashSet();
        Assert.All(JakartaPartners, p => Assert.Contains(partners, n => n.StartsWith(p, StringComparison.Ordinal)));
        Assert.Contains("DKI Jakarta's active partners", first.Output, StringComparison.Ordinal);
        // Malang's ended partnerships are on record as expired, not active.
        using var malang = JsonDocument.Parse(await fixture.Gateway.GetStringAsync(
            "/api/v1/agreements?filter=region%20%3D%20%2235.73%22%20AND%20status%20%3D%20EXPIRED&pageSize=100"));
        Assert.Equal(3, malang.RootElement.GetProperty("agreements").GetArrayLength());
    }

    private async Task<(int ExitCode, string Output)> ImportAsync()
    {
        var root = Hosting.RepositoryRoot.Find();
        var info = new ProcessStartInfo("python3")
        {
            ArgumentList = { Path.Combine(root, "scripts", "import-sample-partnerships.py"), "--gateway", fixture.Host.GatewayUrl.ToString().TrimEnd('/'), "--identity", fixture.Host.IdentityUrl },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + errors);
    }
}
