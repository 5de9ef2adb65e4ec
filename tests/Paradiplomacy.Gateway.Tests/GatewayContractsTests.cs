using Microsoft.Extensions.Configuration;
using Paradiplomacy.Gateway.Extensions;

namespace Paradiplomacy.Gateway.Tests;

public class GatewayContractsTests
{
    [Fact]
    public void Every_service_in_the_gateway_list_brings_its_contract()
    {
        var listed = GatewayConfiguration.Settings.GetSection("Gateway:Services").GetChildren()
            .SelectMany(s => s.Get<GatewayServiceOptions>()!.GrpcServices).ToList();

        Assert.NotEmpty(listed);
        Assert.Equal(listed, GatewayConfiguration.Contracts.Select(c => c.FullName));
    }

    [Fact]
    public void Every_contract_the_contracts_define_is_fronted_by_the_gateway()
    {
        // A service whose contract exists but that the gateway's list forgets would be unreachable from outside.
        Assert.Equal(GatewayContracts.Known().Keys.Order(), GatewayConfiguration.Contracts.Select(c => c.FullName).Order());
    }

    [Fact]
    public void A_list_entry_naming_no_contract_stops_the_gateway_with_the_names_it_knows()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new GatewayContracts(["paradiplomacy.registry.v1.CityRegistry", "paradiplomacy.funding.v1.Fundng"]));

        Assert.Contains("paradiplomacy.funding.v1.Fundng", error.Message, StringComparison.Ordinal);
        Assert.Contains("paradiplomacy.agreements.v1.Agreements", error.Message, StringComparison.Ordinal);
    }
}
