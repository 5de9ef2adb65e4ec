using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Paradiplomacy.Portal.Api;

namespace Paradiplomacy.Portal.Tests.Units;

public class ApiProblemTests
{
    private static RpcException Refusal(params (string Field, string Description)[] violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var status = new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = "The request has invalid fields." };
        status.Details.Add(Any.Pack(badRequest));
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = "INVALID_FIELDS", Domain = "paradiplomacy.id" }));
        return status.ToRpcException();
    }

    [Fact]
    public void Field_violations_go_to_the_fields_they_name_under_the_request_message_and_the_rest_is_kept()
    {
        var problem = ApiProblem.From(Refusal(("agreement.fields", "name at least one field of cooperation"),
            ("agreement.foreign_parties[0].city_id", "'x' is not in the registry"), ("instruments[0].foreign_signatory.place", "is required"), ("request_id", "is too long")));

        Assert.Equal(StatusCode.InvalidArgument, problem.Status);
        Assert.Equal("INVALID_FIELDS", problem.Reason);
        Assert.Equal(["name at least one field of cooperation"], problem.For("fields"));
        Assert.Equal(["'x' is not in the registry"], problem.For("foreign_parties"));
        Assert.Equal(["is required"], problem.For("instruments[0].foreign_signatory.place"));
        Assert.Empty(problem.For("field"));
        Assert.Empty(problem.For("title"));
        Assert.Equal([("request_id", "is too long")], problem.Unclaimed(["fields", "foreign_parties", "instruments"]));
    }

    [Fact]
    public async Task A_refusal_becomes_a_problem_to_show_and_a_server_fault_is_not_hidden()
    {
        var (result, problem) = await ApiProblem.TryAsync<string>(() => throw new RpcException(new Grpc.Core.Status(StatusCode.FailedPrecondition, "The dossier is incomplete")));
        Assert.Null(result);
        Assert.Equal("The dossier is incomplete", problem!.Message);
        await Assert.ThrowsAsync<RpcException>(() => ApiProblem.TryAsync<string>(() => throw new RpcException(new Grpc.Core.Status(StatusCode.Internal, "bug"))));
    }
}
