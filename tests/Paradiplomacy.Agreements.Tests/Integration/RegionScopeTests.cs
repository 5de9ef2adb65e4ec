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
    public async Task A_Surabaya_officer_is_refused_before_the_request_is_looked_at()
    {
        var jakarta = await _steps.SubmitAsync(await _steps.DraftAsync("idn-31", "31", ["gn-1850147"], title: "Jakarta–Tokyo, submitted"), "31");
        var surabaya = fixture.Bearer("regional-officer", "35.78");
        var before = await SnapshotAsync();

        // Every one of these requests is also malformed (unknown enums, a future date, a stale etag, a non-PDF): the answer says only "not yours".
        var refused = new List<Google.Rpc.Status>
        {
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.RecordClearanceAsync(new RecordClearanceRequest
            {
                Id = jakarta.Id, Etag = "999", Kind = (ClearanceKind)42, Decision = ClearanceDecision.Unspecified,
            }, surabaya)),
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.TerminateAgreementAsync(new TerminateAgreementRequest
            {
                Id = jakarta.Id, TerminatedOn = new Google.Type.Date { Year = 2999, Month = 1, Day = 1 },
            }, surabaya)),
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.UpdateAgreementAsync(new UpdateAgreementRequest
            {
                Id = jakarta.Id, Agreement = new Agreement(), UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("status,kind"),
            }, surabaya)),
            await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.UploadDocumentAsync(new UploadDocumentRequest
            {
                AgreementId = jakarta.Id, Content = new Google.Api.HttpBody { ContentType = "text/html", Data = Google.Protobuf.ByteString.CopyFromUtf8("<html>") },
            }, surabaya)),
        };

        Assert.All(refused, s => Assert.Empty(RpcAssert.ViolatedFields(s)));
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

    [Fact]
    public async Task An_operator_runs_the_platform_and_decides_nothing_for_a_region()
    {
        var draft = await _steps.DraftAsync("idn-35.73", "35.73", ["gn-1835848"], title: "Malang–Seoul");
        var submitted = await _steps.SubmitAsync(await _steps.DraftAsync("idn-35.73", "35.73", ["gn-2747891"], title: "Malang–Rotterdam"), "35.73");
        var operatorToken = fixture.Bearer("operator");
        var before = await SnapshotAsync();

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.CreateAgreementAsync(new CreateAgreementRequest
        {
            Agreement = new Agreement { Kind = AgreementKind.SisterCity, Title = "Malang–Tokyo", IndonesianParty = new Party { CityId = "idn-35.73" }, ForeignParties = { new Party { CityId = "gn-1850147" } } },
        }, operatorToken));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.UpdateAgreementAsync(new UpdateAgreementRequest
        {
            Id = draft.Id, Agreement = new Agreement { Title = "Corrected by ops" }, UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("title"),
        }, operatorToken));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.SubmitAgreementAsync(new SubmitAgreementRequest { Id = draft.Id }, operatorToken));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.RecordClearanceAsync(new RecordClearanceRequest
        {
            Id = submitted.Id, Kind = ClearanceKind.DprdApproval, Decision = ClearanceDecision.Approved, ReferenceNumber = "OPS/1",
        }, operatorToken));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () => await fixture.Client.TerminateAgreementAsync(new TerminateAgreementRequest { Id = draft.Id, Reason = "ops" }, operatorToken));

        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<(int Agreements, int Audit, int Outbox)> SnapshotAsync()
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgreementsDbContext>();
        return (await db.Agreements.CountAsync(), await db.AuditRecords.CountAsync(), await db.OutboxMessages.CountAsync());
    }
}
