using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Paradiplomacy.ServiceDefaults.Errors;

/// <summary>Turns domain errors into gRPC statuses with rich details (google.rpc.BadRequest,
/// ErrorInfo) and keeps anything unexpected from leaking a stack trace.</summary>
public sealed class DomainErrorInterceptor(ILogger<DomainErrorInterceptor> logger) : Interceptor
{
    public const string Domain = "paradiplomacy.id";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    private RpcException Translate(Exception ex, ServerCallContext context)
    {
        switch (ex)
        {
            case DomainException domain:
                var status = new Google.Rpc.Status { Code = (int)domain.StatusCode, Message = domain.Message };
                if (domain is ValidationException validation)
                {
                    var badRequest = new BadRequest();
                    badRequest.FieldViolations.AddRange(validation.Violations.Select(v =>
                        new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
                    status.Details.Add(Any.Pack(badRequest));
                }
                status.Details.Add(Any.Pack(new ErrorInfo { Reason = domain.Reason, Domain = Domain }));
                return status.ToRpcException();
            case DbUpdateConcurrencyException:
                return new Google.Rpc.Status
                {
                    Code = (int)Code.Aborted,
                    Message = "The resource was changed by someone else; read it again and retry.",
                    Details = { Any.Pack(new ErrorInfo { Reason = "ETAG_MISMATCH", Domain = Domain }) },
                }.ToRpcException();
            case var _ when DatabaseUnavailable.Explains(ex):
                // Nothing was committed: the client may retry (with the same request_id for a create).
                logger.LogWarning(ex, "The database was unreachable in {Method}", context.Method);
                return new Google.Rpc.Status
                {
                    Code = (int)Code.Unavailable,
                    Message = "The service's database is unavailable; nothing was changed. Retry shortly.",
                    Details =
                    {
                        Any.Pack(new ErrorInfo { Reason = "DATABASE_UNAVAILABLE", Domain = Domain }),
                        Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) }),
                    },
                }.ToRpcException();
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
            default:
                logger.LogError(ex, "Unhandled error in {Method}", context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal,
                    $"An internal error occurred; quote trace id {System.Diagnostics.Activity.Current?.TraceId} to the operators."));
        }
    }
}
