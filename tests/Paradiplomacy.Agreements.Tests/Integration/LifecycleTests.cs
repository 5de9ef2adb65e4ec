using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Tests.Integration;

[Collection(AgreementsCollection.Name)]
public class LifecycleTests(AgreementsFixture fixture)
{
    private readonly AgreementSteps _steps = new(fixture);

    [Fact]
    public async Task Surabaya_and_Liverpool_go_from_draft_to_active_and_the_registry_lists_Liverpool_as_a_partner()
    {
        var draft = await _steps.DraftAsync("idn-35.78", "35.78", ["gn-2644210"], title: "Surabaya–Liverpool sister city");
        Assert.Equal(AgreementStatus.Draft, draft.Status);
        Assert.Equal("Kota Surabaya", draft.IndonesianParty.Name);
        Assert.Equal("GB", draft.ForeignParties[0].CountryCode);

        var submitted = await _steps.SubmitAsync(draft, "35.78");
        Assert.Equal([ClearanceKind.DprdApproval, ClearanceKind.KemendagriClearance, ClearanceKind.KemluConsideration], submitted.RequiredClearances);
        var cleared = await _steps.ClearAsync(submitted, "35.78");
        Assert.Equal(AgreementStatus.Cleared, cleared.Status);
        var loi = await _steps.SignAsync(cleared, "35.78", InstrumentType.LetterOfIntent, new DateOnly(2017, 5, 17));
        Assert.Equal(AgreementStatus.Cleared, loi.Status);
        var active = await _steps.SignAsync(loi, "35.78");

        Assert.Equal(AgreementStatus.Active, active.Status);
        Assert.Equal(2, active.Instruments.Count);
        Assert.Equal(_steps.Today.AddMonths(60).Year, active.ExpiryDate.Year);
        var partners = await WaitForPartnersAsync("idn-35.78", p => p.Contains("gn-2644210"));
        Assert.Contains("gn-2644210", partners);
        Assert.Contains("idn-35.78", await WaitForPartnersAsync("gn-2644210", p => p.Contains("idn-35.78")));
    }

    [Fact]
    public async Task A_second_active_agreement_of_the_same_kind_with_the_same_partner_already_exists()
    {
        await _steps.ActiveAsync("idn-32.73", "32.73", ["gn-4691930"]); // Bandung – Fort Worth
        var second = await _steps.SubmitAsync(await _steps.DraftAsync("idn-32.73", "32.73", ["gn-1838524"]), "32.73");

        var status = await RpcAssert.FailsWith(StatusCode.AlreadyExists, async () =>
            await _steps.DraftAsync("idn-32.73", "32.73", ["gn-4691930"]));

        Assert.Contains("renew or amend", status.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AgreementStatus.Submitted, second.Status);
    }

    [Fact]
    public async Task Signing_before_the_clearances_fails_naming_what_is_missing_and_writes_nothing()
    {
        var submitted = await _steps.SubmitAsync(await _steps.DraftAsync("idn-35.73", "35.73", ["gn-1797120"]), "35.73"); // Malang – Fuqing
        var auditBefore = await AuditCountAsync(submitted.Id);

        var status = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () => await _steps.SignAsync(submitted, "35.73"));

        Assert.Contains("KemendagriClearance", status.Message, StringComparison.Ordinal);
        Assert.Equal("CLEARANCE_MISSING", status.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        Assert.Equal(auditBefore, await AuditCountAsync(submitted.Id));
        Assert.Equal(submitted.Etag, (await fixture.Client.GetAgreementAsync(new GetAgreementRequest { Id = submitted.Id }, fixture.Bearer("regional-officer", "35.73"))).Etag);
    }

    [Fact]
    public async Task Returned_dossiers_go_back_to_draft_keeping_the_comments()
    {
        var submitted = await _steps.SubmitAsync(await _steps.DraftAsync("idn-35.73", "35.73", ["gn-2643123"], title: "Malang–Manchester"), "35.73");

        var returned = await fixture.Client.RecordClearanceAsync(new RecordClearanceRequest
        {
            Id = submitted.Id, Kind = ClearanceKind.KemendagriClearance, Decision = ClearanceDecision.Returned,
            ReferenceNumber = "100.4.4/1234/KSDLN", Comments = "Attach the DPRD's approval letter",
        }, fixture.Bearer("ministry-reviewer", ministry: "kemendagri"));

        Assert.Equal(AgreementStatus.Draft, returned.Status);
        Assert.Equal("Attach the DPRD's approval letter", Assert.Single(returned.Clearances).Comments);
        var resubmitted = await _steps.SubmitAsync(returned, "35.73");
        Assert.Equal(AgreementStatus.Submitted, resubmitted.Status);
        Assert.Single(resubmitted.Clearances);
    }

    [Fact]
    public async Task Stale_etags_are_aborted()
    {
        var draft = await _steps.DraftAsync("idn-35.73", "35.73", ["gn-2996944"], title: "Malang–Lyon");
        await fixture.Client.UpdateAgreementAsync(new UpdateAgreementRequest
        {
            Id = draft.Id, Etag = draft.Etag, Agreement = new Agreement { Title = "Malang–Lyon cooperation" },
            UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("title"),
        }, fixture.Bearer("regional-officer", "35.73"));

        await RpcAssert.FailsWith(StatusCode.Aborted, async () => await _steps.SubmitAsync(draft, "35.73"));
    }

    [Fact]
    public async Task Parties_must_exist_and_the_Indonesian_party_must_be_Indonesian()
    {
        var unknown = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () => await _steps.DraftAsync("idn-35.78", "35.78", ["gn-0"]));
        var notIndonesian = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () => await _steps.DraftAsync("gn-2644210", "35.78", ["gn-1838524"]));

        Assert.Equal(["agreement.foreign_parties[0].city_id"], RpcAssert.ViolatedFields(unknown));
        Assert.Equal(["agreement.indonesian_party.city_id"], RpcAssert.ViolatedFields(notIndonesian));
    }

    [Fact]
    public async Task Rest_rejects_an_unknown_kind_with_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agreements")
        {
            Content = JsonContent.Create(new { kind = "TWIN_TOWN", title = "x", indonesianParty = new { cityId = "idn-35.78" } }),
        };
        request.Headers.Authorization = new("Bearer", fixture.Token("regional-officer", "35.78"));
        using var response = await fixture.Rest.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_renewal_becomes_the_next_version_and_the_history_reads_as_one_chain()
    {
        var original = await _steps.ActiveAsync("idn-34", "34", ["iso-JP-26"], kind: AgreementKind.SisterProvince); // DIY – Kyoto Prefecture

        var renewal = await fixture.Client.RenewAgreementAsync(new RenewAgreementRequest { Id = original.Id, ValidityMonths = 36 }, fixture.Bearer("regional-officer", "34"));
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, async () =>
            await fixture.Client.RenewAgreementAsync(new RenewAgreementRequest { Id = original.Id }, fixture.Bearer("regional-officer", "34")));
        renewal = await _steps.SignAsync(await _steps.ClearAsync(await _steps.SubmitAsync(renewal, "34"), "34"), "34");

        var history = await fixture.Client.GetAgreementHistoryAsync(new GetAgreementHistoryRequest { Id = renewal.Id }, fixture.Bearer("regional-officer", "34"));
        Assert.Equal([original.Id, renewal.Id], history.Versions.Select(v => v.Id));
        Assert.Equal([AgreementStatus.Superseded, AgreementStatus.Active], history.Versions.Select(v => v.Status));
        Assert.Equal(VersionRelation.Renewal, history.Versions[1].Relation);
        Assert.Equal(2, history.Versions[1].VersionNumber);
        Assert.Contains(history.Audit, r => r.Action == "supersede" && r.AgreementId == original.Id);
        Assert.Contains(history.Audit, r => r.Action == "record_clearance" && r.Actor == "ministry-reviewer@kemlu");
        // The open directory sees the same chain of signed versions, without its audit trail.
        var open = await fixture.Client.GetAgreementHistoryAsync(new GetAgreementHistoryRequest { Id = renewal.Id });
        Assert.Equal(history.Versions.Select(v => v.Id), open.Versions.Select(v => v.Id));
        Assert.Empty(open.Audit);
        var count = await fixture.Client.CountActivePartnershipsAsync(new CountActivePartnershipsRequest { Region = "34" });
        Assert.Equal(1, count.ActiveAgreements);
    }

    [Fact]
    public async Task Termination_records_why_and_the_registry_drops_the_partner()
    {
        var active = await _steps.ActiveAsync("idn-35.73", "35.73", ["gn-3046526"]); // Malang – Pécs
        await WaitForPartnersAsync("idn-35.73", p => p.Contains("gn-3046526"));

        var ended = await fixture.Client.TerminateAgreementAsync(new TerminateAgreementRequest
        {
            Id = active.Id, Reason = "No joint programs since 2015", Etag = active.Etag,
        }, fixture.Bearer("regional-officer", "35.73"));

        Assert.Equal(AgreementStatus.Terminated, ended.Status);
        Assert.Equal("regional-officer@35.73", ended.Termination.TerminatedBy);
        Assert.DoesNotContain("gn-3046526", await WaitForPartnersAsync("idn-35.73", p => !p.Contains("gn-3046526")));
    }

    [Fact]
    public async Task Lists_filter_by_region_status_partner_country_and_field()
    {
        await _steps.ActiveAsync("idn-31", "31", ["gn-1835848"]); // Jakarta – Seoul
        await _steps.ActiveAsync("idn-31", "31", ["gn-2747891"]); // Jakarta – Rotterdam
        await _steps.DraftAsync("idn-31", "31", ["gn-2950159"]); // Jakarta – Berlin, still a draft

        var active = await fixture.Client.ListAgreementsAsync(new ListAgreementsRequest { Filter = "region = \"31\" AND status = ACTIVE" });
        var korea = await fixture.Client.ListAgreementsAsync(new ListAgreementsRequest { Filter = "region = \"31\" AND partner_country = \"kr\"" });
        var maritime = await fixture.Client.ListAgreementsAsync(new ListAgreementsRequest { Filter = "region = \"31\" AND field = \"maritime\" AND status = ACTIVE", PageSize = 1 });
        var count = await fixture.Client.CountActivePartnershipsAsync(new CountActivePartnershipsRequest { Region = "31" });

        Assert.Equal(2, active.TotalSize);
        Assert.All(active.Agreements, a => Assert.Equal(AgreementStatus.Active, a.Status));
        Assert.Equal("gn-1835848", Assert.Single(korea.Agreements).ForeignParties[0].CityId);
        Assert.Equal(2, maritime.TotalSize);
        Assert.Single(maritime.Agreements);
        Assert.NotEmpty(maritime.NextPageToken);
        Assert.Equal(2, count.Partners);
        var bad = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.ListAgreementsAsync(new ListAgreementsRequest { Filter = "status = SIGNING" }));
        Assert.Equal(["filter"], RpcAssert.ViolatedFields(bad));
    }

    private async Task<int> AuditCountAsync(string id)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AgreementsDbContext>().AuditRecords.CountAsync(r => r.AggregateId == id);
    }

    private async Task<IReadOnlyList<string>> WaitForPartnersAsync(string cityId, Func<IReadOnlyList<string>, bool> until)
    {
        using var http = new HttpClient { BaseAddress = fixture.RegistryUrl };
        IReadOnlyList<string> partners = [];
        for (var i = 0; i < 100; i++)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/cities/{cityId}"));
            partners = json.RootElement.GetProperty("currentPartnerIds").EnumerateArray().Select(p => p.GetString()!).ToList();
            if (until(partners))
            {
                return partners;
            }
            await Task.Delay(200);
        }
        return partners;
    }
}
