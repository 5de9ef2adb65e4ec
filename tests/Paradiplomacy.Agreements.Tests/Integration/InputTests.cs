using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Tests.Integration;

/// <summary>What a caller may not set is refused by name, never dropped; impossible dates are refused.</summary>
[Collection(AgreementsCollection.Name)]
public class InputTests(AgreementsFixture fixture)
{
    private readonly AgreementSteps _steps = new(fixture);

    [Fact]
    public async Task Output_only_fields_sent_on_create_are_refused_by_name_and_nothing_is_written()
    {
        var before = await CountAsync();
        var agreement = new Agreement
        {
            Id = "agr-mine",
            Kind = AgreementKind.SisterCity,
            Status = AgreementStatus.Active,
            Title = "Bandung–Fort Worth",
            IndonesianParty = new Party { CityId = "idn-32.73", Name = "Kota Bandung" },
            ForeignParties = { new Party { CityId = "gn-4691930" } },
            Fields = { "education" },
            ValidityMonths = 60,
            EffectiveDate = new Google.Type.Date { Year = 2020, Month = 1, Day = 1 },
            ExpiryDate = new Google.Type.Date { Year = 2030, Month = 1, Day = 1 },
        };

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.CreateAgreementAsync(new CreateAgreementRequest { Agreement = agreement }, fixture.Bearer("regional-officer", "32.73")));

        Assert.Equal(["agreement.effective_date", "agreement.expiry_date", "agreement.id", "agreement.indonesian_party.name", "agreement.status"],
            RpcAssert.ViolatedFields(status).Order(StringComparer.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_termination_dated_before_the_agreement_took_effect_is_refused()
    {
        var active = await _steps.ActiveAsync("idn-32.73", "32.73", ["gn-1701668"]); // Bandung – Manila
        var yearBefore = _steps.Today.AddYears(-1);

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () => await fixture.Client.TerminateAgreementAsync(new TerminateAgreementRequest
        {
            Id = active.Id, Reason = "Ended by both mayors", TerminatedOn = new Google.Type.Date { Year = yearBefore.Year, Month = yearBefore.Month, Day = yearBefore.Day },
        }, fixture.Bearer("regional-officer", "32.73")));

        Assert.Equal(["terminated_on"], RpcAssert.ViolatedFields(status));
        Assert.Equal(AgreementStatus.Active, (await fixture.Client.GetAgreementAsync(new GetAgreementRequest { Id = active.Id })).Status);
    }

    [Fact]
    public async Task Of_many_agreements_for_one_pair_signed_at_the_same_moment_exactly_one_becomes_active()
    {
        // Eight cleared dossiers Kabupaten Bandung–Moscow, signed in parallel to take effect today.
        var cleared = new List<Agreement>();
        for (var i = 0; i < 8; i++)
        {
            cleared.Add(await _steps.ClearAsync(await _steps.SubmitAsync(await _steps.DraftAsync("idn-32.04", "32.04", ["gn-524901"], title: $"Kabupaten Bandung–Moscow #{i}"), "32.04"), "32.04"));
        }

        var outcomes = await Task.WhenAll(cleared.Select(async a =>
        {
            try
            {
                await _steps.SignAsync(a, "32.04");
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(7, outcomes.Count(o => o == StatusCode.AlreadyExists));
        var officer = fixture.Bearer("regional-officer", "32.04");
        var states = await Task.WhenAll(cleared.Select(async a => (await fixture.Client.GetAgreementAsync(new GetAgreementRequest { Id = a.Id }, officer)).Status));
        Assert.Equal(1, states.Count(s => s == AgreementStatus.Active));
        Assert.Equal(7, states.Count(s => s == AgreementStatus.Cleared));
    }

    [Fact]
    public async Task A_sister_province_agreement_joins_a_province_with_a_prefecture_not_with_a_city()
    {
        var before = await CountAsync();

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await _steps.DraftAsync("idn-34", "34", ["gn-1857910"], kind: AgreementKind.SisterProvince, title: "DIY–Kyoto city")); // Kyoto, the city

        var violation = Assert.Single(status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.Equal("agreement.foreign_parties[0].city_id", violation.Field);
        Assert.Contains("(Province)", violation.Description, StringComparison.Ordinal);
        Assert.Contains("(Municipality)", violation.Description, StringComparison.Ordinal);
        Assert.Contains("Subdivision", violation.Description, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        // The same two as sister cities, and the province with a prefecture as sister provinces, are fine.
        await _steps.DraftAsync("idn-34", "34", ["gn-1857910"], kind: AgreementKind.SisterCity, title: "DIY–Kyoto city");
        await _steps.DraftAsync("idn-34", "34", ["iso-JP-27"], kind: AgreementKind.SisterProvince, title: "DIY–Osaka prefecture");
    }

    [Fact]
    public async Task A_region_withdraws_an_abandoned_dossier_with_its_reason_but_not_a_signed_agreement()
    {
        var officer = fixture.Bearer("regional-officer", "35.73");
        var submitted = await _steps.SubmitAsync(await _steps.DraftAsync("idn-35.73", "35.73", ["gn-3054643"], title: "Malang–Budapest"), "35.73");
        var active = await _steps.ActiveAsync("idn-35.73", "35.73", ["gn-2643743"]); // Malang – London

        var missingReason = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.WithdrawAgreementAsync(new WithdrawAgreementRequest { Id = submitted.Id }, officer));
        var withdrawn = await fixture.Client.WithdrawAgreementAsync(new WithdrawAgreementRequest
        {
            Id = submitted.Id, Etag = submitted.Etag, Reason = "The partner city chose another region",
        }, officer);
        var signed = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, async () =>
            await fixture.Client.WithdrawAgreementAsync(new WithdrawAgreementRequest { Id = active.Id, Reason = "Changed our mind" }, officer));

        Assert.Equal(["reason"], RpcAssert.ViolatedFields(missingReason));
        Assert.Equal(AgreementStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(("regional-officer@35.73", "The partner city chose another region"), (withdrawn.Withdrawal.WithdrawnBy, withdrawn.Withdrawal.Reason));
        Assert.Equal("WRONG_STATUS", signed.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        var history = await fixture.Client.GetAgreementHistoryAsync(new GetAgreementHistoryRequest { Id = submitted.Id }, officer);
        Assert.Contains(history.Audit, r => r.Action == "withdraw" && r.Changes.Any(c => c.Field == "status" && c.NewValue == "Withdrawn"));
        // Withdrawn dossiers are not open data.
        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await fixture.Client.GetAgreementAsync(new GetAgreementRequest { Id = submitted.Id }));
        using var scope = fixture.Services.CreateScope();
        var events = await scope.ServiceProvider.GetRequiredService<AgreementsDbContext>().OutboxMessages
            .Where(m => m.MessageType.Contains("AgreementWithdrawn")).Select(m => m.Payload).ToListAsync();
        Assert.Contains(events, p => p.Contains(submitted.Id, StringComparison.Ordinal));
    }

    private async Task<int> CountAsync()
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AgreementsDbContext>().Agreements.CountAsync();
    }
}
