using System.Diagnostics;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Paradiplomacy.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public class RecoveryTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_crashed_service_is_started_again_by_the_apphost_and_serves_again()
    {
        var pidBefore = ServicePid("registry");

        // SIGKILL: no shutdown, as a crash or the kernel's OOM killer would end it.
        Process.GetProcessById(pidBefore).Kill();

        // DCP reports it finished with 137; the AppHost starts it again and it becomes healthy with a new process.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await fixture.Host.App.ResourceNotifications.WaitForResourceAsync("registry",
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                && TryServicePid("registry") is { } pid && pid != pidBefore, timeout.Token);
        using var response = await fixture.Gateway.GetAsync("/api/v1/cities?query=malang");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private int? TryServicePid(string resource)
    {
        try
        {
            return ServicePid(resource);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The service's own process: DCP runs a project as `dotnet run`, whose child it is.</summary>
    private int ServicePid(string resource)
    {
        var wrapper = fixture.Host.Snapshot(resource).Properties.Single(p => p.Name == "executable.pid").Value;
        var parent = Convert.ToInt32(wrapper, System.Globalization.CultureInfo.InvariantCulture);
        var children = File.ReadAllText($"/proc/{parent}/task/{parent}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return children.Length == 1 ? int.Parse(children[0], System.Globalization.CultureInfo.InvariantCulture) : parent;
    }
}
