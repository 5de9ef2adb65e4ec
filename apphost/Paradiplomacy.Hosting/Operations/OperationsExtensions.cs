using Microsoft.Extensions.DependencyInjection;

namespace Paradiplomacy.Hosting.Operations;

public static class OperationsExtensions
{
    /// <summary>resources.json and one log file per resource under the state folder.</summary>
    public static IDistributedApplicationBuilder AddStateFolderReports(this IDistributedApplicationBuilder builder, StateFolder state)
    {
        builder.Services.AddSingleton(state);
        builder.Services.AddHostedService<ResourceManifest>();
        builder.Services.AddHostedService<ResourceLogFiles>();
        return builder;
    }
}
