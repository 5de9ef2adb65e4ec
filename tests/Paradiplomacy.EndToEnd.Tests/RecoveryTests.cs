using System.Net;
using Paradiplomacy.Hosting.Resources;

namespace Paradiplomacy.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public class RecoveryTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_crashed_service_is_restarted_and_serves_again()
    {
        var registry = fixture.App.Get<ProjectResource>("registry");
        var pidBefore = registry.Pids[0];
        var restartsBefore = registry.Restarts;

        registry.Crash();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(registry.Restarts > restartsBefore && registry.State == ResourceState.Running) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(ResourceState.Running, registry.State);
        Assert.Equal(restartsBefore + 1, registry.Restarts);
        Assert.NotEqual(pidBefore, registry.Pids[0]);
        using var response = await fixture.Gateway.GetAsync("/api/v1/cities?query=malang");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
