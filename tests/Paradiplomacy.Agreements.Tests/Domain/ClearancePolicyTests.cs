using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Paradiplomacy.Agreements.Domain;
using Paradiplomacy.Agreements.Extensions;

namespace Paradiplomacy.Agreements.Tests.Domain;

public class ClearancePolicyTests
{
    private static ClearancePolicy Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddClearancePolicy(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ClearancePolicy>>().Value;
    }

    [Fact]
    public void Without_configuration_the_regulation_defaults_apply()
    {
        var policy = Bind([]);

        Assert.Equal([ClearanceKind.DprdApproval, ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration], policy.For(AgreementKind.SisterCity));
        Assert.Equal([ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration], policy.For(AgreementKind.TechnicalCooperation));
        Assert.Equal([180, 90, 30], policy.ExpiryNoticeDays);
    }

    [Fact]
    public void A_configured_list_replaces_the_default_and_can_remove_a_clearance_or_a_notice_point()
    {
        var policy = Bind(new()
        {
            ["Agreements:RequiredClearances:SisterCity:0"] = "KemendagriClearance",
            ["Agreements:ExpiryNoticeDays:0"] = "60",
        });

        Assert.Equal([ClearanceKind.KemendagriClearance], policy.For(AgreementKind.SisterCity));
        // Kinds the configuration does not name keep their defaults.
        Assert.Equal([ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration], policy.For(AgreementKind.TechnicalCooperation));
        Assert.Equal([60], policy.ExpiryNoticeDays);
    }

    [Fact]
    public void Party_levels_are_configurable_per_kind_and_replace_the_default()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agreements:PartyLevels:SisterCity:0"] = "City:Municipality",
        }).Build();
        using var services = new ServiceCollection().AddClearancePolicy(configuration).BuildServiceProvider();
        var rule = services.GetRequiredService<IOptions<PartyLevelRule>>().Value;
        var jakarta = new Party("idn-31", "DKI JAKARTA", "ID", "31", "Province");
        var tokyo = new Party("gn-1850147", "Tokyo", "JP", null, "Municipality");

        var configured = new Paradiplomacy.ServiceDefaults.Errors.Violations();
        rule.Check(AgreementKind.SisterCity, jakarta, [tokyo], configured);
        var byDefault = new Paradiplomacy.ServiceDefaults.Errors.Violations();
        PartyLevelRule.Default.Check(AgreementKind.SisterCity, jakarta, [tokyo], byDefault);

        Assert.True(configured.Any);
        Assert.False(byDefault.Any);
        Assert.Equal(["Province:Subdivision"], rule.PartyLevels[AgreementKind.SisterProvince]);
    }
}
