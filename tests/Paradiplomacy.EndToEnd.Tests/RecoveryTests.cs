using System.Net;

namespace Paradiplomacy.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public class RecoveryTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_crashed_service_is_started_again_by_the_apphost_and_serves_again()
    {
        var killed = fixture.Host.Kill("registry");

        // DCP reports it finished with 137; the AppHost starts it again and it becomes healthy with a new process.
        await fixture.Host.WaitForRestartAsync("registry", killed, TimeSpan.FromSeconds(90));
        using var response = await fixture.Gateway.GetAsync("/api/v1/cities?query=malang");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
