using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Paradiplomacy.Hosting.Supervision;

public static class SupervisionExtensions
{
    /// <summary>The AppHost starts this resource again when its process crashes.</summary>
    public static IResourceBuilder<T> WithRestartOnCrash<T>(this IResourceBuilder<T> builder) where T : IResource
    {
        builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CrashRestarter>());
        builder.ApplicationBuilder.Services.TryAddSingleton<RequestedStops>();
        return builder.WithAnnotation(new RestartOnCrashAnnotation());
    }
}
