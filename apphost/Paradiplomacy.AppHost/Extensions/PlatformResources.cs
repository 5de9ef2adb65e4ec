using Paradiplomacy.Hosting.Postgres;

namespace Paradiplomacy.AppHost.Extensions;

/// <summary>What every service of the platform is wired to: its database on the one PostgreSQL,
/// cache, event bus, the identity authority, and the gateway (whose tokens for partners' API keys the
/// services also accept). <see cref="Services"/> collects the services as they are added: the
/// gateway fronts each of them.</summary>
public sealed record PlatformResources(
    PlatformPostgres Postgres,
    IResourceBuilder<IResourceWithConnectionString> Cache,
    IResourceBuilder<IResourceWithConnectionString> EventBus,
    IResourceBuilder<ProjectResource> Identity,
    string IdentityUrl,
    string GatewayUrl)
{
    public List<IResourceBuilder<ProjectResource>> Services { get; } = [];
}
