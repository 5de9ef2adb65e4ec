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

    private async Task<int> CountAsync()
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AgreementsDbContext>().Agreements.CountAsync();
    }
}
