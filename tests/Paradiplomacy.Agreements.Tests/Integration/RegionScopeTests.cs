using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Tests.Integration;

/// <summary>Every write method, called by someone who may not make it: refused, and nothing written.</summary>
[Collection(AgreementsCollection.Name)]
public class RegionScopeTests(AgreementsFixture fixture)
{
    private readonly AgreementSteps _steps = new(fixture);

    [Fact]
    public async Task A_Surabaya_officer_cannot_touch_Jakartas_agreements()
    {
        var jakarta = await _steps.DraftAsync("idn-31", "31", ["gn-1850147"], title: "Jakarta–Tokyo"); // Tokyo
        var surabaya = fixture.Bearer("regional-officer", "35.78");
        var before = await SnapshotAsync();

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await _steps.DraftAsync("idn-31", "35.78", ["gn-1835848"]));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.UpdateAgreementAsync(new UpdateAgreementRequest
        {
            Id = jakarta.Id, Agreement = new Agreement { Title = "Hijacked" }, UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("title"),
        }, surabaya));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.SubmitAgreementAsync(new SubmitAgreementRequest { Id = jakarta.Id }, surabaya));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.TerminateAgreementAsync(new TerminateAgreementRequest { Id = jakarta.Id, Reason = "x" }, surabaya));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.AmendAgreementAsync(new AmendAgreementRequest { Id = jakarta.Id }, surabaya));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.RenewAgreementAsync(new RenewAgreementRequest { Id = jakarta.Id }, surabaya));

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Ministries_record_only_their_own_clearance_and_partners_cannot_draft()
    {
        var submitted = await _steps.SubmitAsync(await _steps.DraftAsync("idn-31", "31", ["gn-2747891"], kind: AgreementKind.TechnicalCooperation, title: "Jakarta–Rotterdam flood management"), "31");
        var before = await SnapshotAsync();

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.RecordClearanceAsync(new RecordClearanceRequest
        {
            Id = submitted.Id, Kind = ClearanceKind.KemendagriClearance, Decision = ClearanceDecision.Approved, ReferenceNumber = "X",
        }, fixture.Bearer("ministry-reviewer", ministry: "kemlu")));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.CreateAgreementAsync(new CreateAgreementRequest
        {
            Agreement = new Agreement { Kind = AgreementKind.SisterCity, Title = "x", IndonesianParty = new Party { CityId = "idn-31" } },
        }, fixture.Bearer("partner", "gn-1835848")));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, async () => await fixture.Client.SubmitAgreementAsync(new SubmitAgreementRequest { Id = submitted.Id }));

        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<(int Agreements, int Audit, int Outbox)> SnapshotAsync()
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgreementsDbContext>();
        return (await db.Agreements.CountAsync(), await db.AuditRecords.CountAsync(), await db.OutboxMessages.CountAsync());
    }
}
