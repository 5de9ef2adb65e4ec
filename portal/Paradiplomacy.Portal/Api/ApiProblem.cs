using Google.Rpc;
using Grpc.Core;

namespace Paradiplomacy.Portal.Api;

/// <summary>What the API said when it refused a call: its status, its readable message, and the field
/// violations (google.rpc.BadRequest) that forms show beside the fields they name.</summary>
public sealed class ApiProblem
{
    private ApiProblem(StatusCode status, string message, IReadOnlyList<(string Field, string Description)> violations, string? reason)
    {
        Status = status;
        Message = message;
        Violations = violations;
        Reason = reason;
    }

    public StatusCode Status { get; }

    public string Message { get; }

    /// <summary>ErrorInfo's reason (DOSSIER_INCOMPLETE, CLEARANCE_MISSING...), when the API gave one.</summary>
    public string? Reason { get; }

    public IReadOnlyList<(string Field, string Description)> Violations { get; }

    /// <summary>The violations for a form field: the field itself and anything under it
    /// (<c>foreign_parties</c> shows <c>foreign_parties[0].city_id</c>).</summary>
    public IEnumerable<string> For(string field) => Violations.Where(v => Names(v.Field, field)).Select(v => v.Description);

    /// <summary>Violations no field of the form claims, so that none is lost.</summary>
    public IEnumerable<(string Field, string Description)> Unclaimed(IReadOnlyCollection<string> formFields) =>
        Violations.Where(v => !formFields.Any(f => Names(v.Field, f)));

    /// <summary>Whether a violation's path names a form field: the field, something under it, or the same under the
    /// request's message field (<c>agreement.title</c> for a form's <c>title</c>).</summary>
    private static bool Names(string path, string field)
    {
        bool Under(string p) => p == field || p.StartsWith(field + ".", StringComparison.Ordinal) || p.StartsWith(field + "[", StringComparison.Ordinal);
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return Under(path) || (dot > 0 && !path[..dot].Contains('[', StringComparison.Ordinal) && Under(path[(dot + 1)..]));
    }

    public static ApiProblem From(RpcException error)
    {
        var status = error.GetRpcStatus();
        var violations = status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => (v.Field, v.Description)).ToList() ?? [];
        var reason = status?.GetDetail<ErrorInfo>()?.Reason;
        var message = string.IsNullOrWhiteSpace(error.Status.Detail) ? error.StatusCode.ToString() : error.Status.Detail;
        return new ApiProblem(error.StatusCode, message, violations, reason);
    }

    /// <summary>Runs one call; a refusal becomes a problem to show, anything else (a bug, an outage) is thrown
    /// to the error page, which shows no stack trace either.</summary>
    public static async Task<(T? Result, ApiProblem? Problem)> TryAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return (await call(), null);
        }
        catch (RpcException error) when (error.StatusCode is not (StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss))
        {
            return (null, From(error));
        }
    }
}
