using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.ServiceDefaults;

public static class GrpcExtensions
{
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>Bounded message sizes, domain errors as rich statuses, JSON transcoding for the REST
    /// face of every method, and server reflection for tools.</summary>
    public static IHostApplicationBuilder AddGrpcDefaults(this IHostApplicationBuilder builder, int maxMessageBytes = DefaultMaxMessageBytes)
    {
        builder.Services.AddGrpc(options =>
        {
            // First added runs outermost: metrics see the status the error interceptor produced.
            options.Interceptors.Add<RequestMetricsInterceptor>();
            options.Interceptors.Add<DomainErrorInterceptor>();
            options.MaxReceiveMessageSize = maxMessageBytes;
            options.EnableDetailedErrors = false;
        }).AddJsonTranscoding(o =>
            // Rich error details (google.rpc.*) travel inside Any; REST clients get them as JSON too.
            o.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor, PreconditionFailure.Descriptor,
                ResourceInfo.Descriptor, QuotaFailure.Descriptor, RetryInfo.Descriptor));
        builder.Services.AddGrpcReflection();
        return builder;
    }

    public static WebApplication MapGrpcDefaults(this WebApplication app)
    {
        app.MapGrpcReflectionService();
        return app;
    }
}
