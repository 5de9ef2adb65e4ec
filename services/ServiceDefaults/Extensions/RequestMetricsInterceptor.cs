using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Paradiplomacy.HostDefaults;

namespace Paradiplomacy.ServiceDefaults;

/// <summary>Times every gRPC call (and every REST call, which transcoding turns into one) with the
/// status the caller finally sees. It sits outside the error interceptor so domain errors are
/// already statuses when it looks.</summary>
public sealed class RequestMetricsInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.Unknown;
        try
        {
            var response = await continuation(request, context);
            code = context.Status.StatusCode;
            return response;
        }
        catch (RpcException ex)
        {
            code = ex.StatusCode;
            throw;
        }
        finally
        {
            RequestMetrics.Record(RequestMetrics.MethodName(context.Method), code.ToString(), RequestMetrics.Outcome(code), Stopwatch.GetElapsedTime(started));
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.Unknown;
        try
        {
            await continuation(request, responseStream, context);
            code = context.Status.StatusCode;
        }
        catch (RpcException ex)
        {
            code = ex.StatusCode;
            throw;
        }
        finally
        {
            RequestMetrics.Record(RequestMetrics.MethodName(context.Method), code.ToString(), RequestMetrics.Outcome(code), Stopwatch.GetElapsedTime(started));
        }
    }
}
