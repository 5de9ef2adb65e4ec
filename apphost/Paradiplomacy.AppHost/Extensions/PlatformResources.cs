namespace Paradiplomacy.AppHost.Extensions;

/// <summary>What every service of the platform is wired to: cache, event bus, the identity
/// authority, and the gateway (whose tokens for partners' API keys the services also accept).</summary>
public sealed record PlatformResources(
    IResourceBuilder<IResourceWithConnectionString> Cache,
    IResourceBuilder<IResourceWithConnectionString> EventBus,
    IResourceBuilder<ProjectResource> Identity,
    string IdentityUrl,
    string GatewayUrl);
