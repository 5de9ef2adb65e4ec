using Paradiplomacy.AppHost.Extensions;

namespace Paradiplomacy.AppHost.Tests;

public class AppHostArgumentsTests
{
    [Fact]
    public void The_apphosts_flags_become_configuration_keys_and_the_dashboard_stays_on_loopback()
    {
        var args = AppHostArguments.ToConfiguration(["--fresh", "--state-dir", "/tmp/s", "--gateway-port", "9090", "--replicas", "agreements=3", "--dashboard-port", "19000"]);

        Assert.Contains("--Paradiplomacy:Fresh=true", args);
        Assert.Contains("--Paradiplomacy:StateDirectory=/tmp/s", args);
        Assert.Contains("--Paradiplomacy:GatewayHttpPort=9090", args);
        Assert.Contains("--Paradiplomacy:Replicas:agreements=3", args);
        Assert.Contains("--ASPNETCORE_URLS=http://127.0.0.1:19000", args);
        Assert.Contains("--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:19001", args);
        Assert.DoesNotContain(args, a => a.Contains("BROWSERTOKEN", StringComparison.Ordinal) || a.Contains("UNSECURED_ALLOW_ANONYMOUS", StringComparison.Ordinal));
    }

    [Fact]
    public void Aspires_own_settings_pass_through_and_win_over_the_defaults()
    {
        var args = AppHostArguments.ToConfiguration(["--ASPNETCORE_URLS=http://127.0.0.1:5999", "--AppHost:DashboardApiKey=k"]);

        Assert.Single(args, a => a.StartsWith("--ASPNETCORE_URLS=", StringComparison.Ordinal));
        Assert.Contains("--ASPNETCORE_URLS=http://127.0.0.1:5999", args);
        Assert.Contains("--AppHost:DashboardApiKey=k", args);
    }

    [Theory]
    [InlineData("--replicas", "agreements")]
    [InlineData("--state-dir")]
    public void A_flag_without_its_value_is_refused_with_its_name(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => AppHostArguments.ToConfiguration(args));

        Assert.Contains(args[0], error.Message, StringComparison.Ordinal);
    }
}
