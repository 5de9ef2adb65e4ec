using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Paradiplomacy.Agreements.Data;
using Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Tests.Integration;

/// <summary>Agreements signed on paper before the platform: registered from their record, not cleared again.</summary>
[Collection(AgreementsCollection.Name)]
public class RegisterExistingTests(AgreementsFixture fixture)
{
    private readonly AgreementSteps _steps = new(fixture);

    private RegisterExistingAgreementRequest Request(string foreignId, DateOnly signedOn, int months, string requestId = "") => new()
    {
        Agreement = new Agreement
        {
            Kind = AgreementKind.SisterCity,
            Title = "Kota Mataram – partner",
            IndonesianParty = new Party { CityId = "idn-52.71" },
            ForeignParties = { new Party { CityId = foreignId } },
            Fields = { "tourism", "culture" },
            Objectives = "Tourism and culture",
            ValidityMonths = months,
        },
        Instruments =
        {
            new Instrument
            {
                Type = InstrumentType.MemorandumOfUnderstanding,
                IndonesianSignatory = new Signatory { Name = "Wali Kota Mataram", Title = "Wali Kota", Place = "Mataram", SignedOn = Date(signedOn) },
                ForeignSignatory = new Signatory { Name = "Mayor", Title = "Mayor", Place = "Mataram", SignedOn = Date(signedOn.AddDays(-3)) },
            },
        },
        Source = "Arsip Bagian Kerja Sama, No. 415.4/12",
        RequestId = requestId,
    };

    [Fact]
    public async Task A_paper_agreement_in_force_is_registered_active_from_its_signing_with_its_source_and_no_clearances()
    {
        var signedOn = _steps.Today.AddYears(-2);
        var officer = fixture.Bearer("regional-officer", "52.71");
        var request = Request("gn-1850147", signedOn, 60, requestId: $"paper-{Guid.NewGuid():N}"); // Tokyo

        var registered = await fixture.Client.RegisterExistingAgreementAsync(request, officer);
        var retried = await fixture.Client.RegisterExistingAgreementAsync(request, officer);

        Assert.Equal(registered.Id, retried.Id);
        Assert.Equal(AgreementStatus.Active, registered.Status);
        Assert.Equal(Date(signedOn), registered.EffectiveDate);
        Assert.Equal(Date(signedOn.AddMonths(60)), registered.ExpiryDate);
        Assert.Empty(registered.RequiredClearances);
        Assert.Empty(registered.Clearances);
        Assert.Equal(("Arsip Bagian Kerja Sama, No. 415.4/12", "regional-officer@52.71"), (registered.Registration.Source, registered.Registration.RegisteredBy));
        var history = await fixture.Client.GetAgreementHistoryAsync(new GetAgreementHistoryRequest { Id = registered.Id }, officer);
        Assert.Equal("register", Assert.Single(history.Audit).Action);
        using var scope = fixture.Services.CreateScope();
        var activated = await scope.ServiceProvider.GetRequiredService<AgreementsDbContext>().OutboxMessages
            .Where(m => m.MessageType.Contains("AgreementActivated")).Select(m => m.Payload).ToListAsync();
        Assert.Single(activated, p => p.Contains(registered.Id, StringComparison.Ordinal));
        // A second one for the same pair while the first is in force is refused, as for one signed here.
        await RpcAssert.FailsWith(StatusCode.AlreadyExists, async () => await fixture.Client.RegisterExistingAgreementAsync(Request("gn-1850147", signedOn, 60), officer));
    }

    [Fact]
    public async Task One_whose_validity_has_run_out_is_registered_as_expired()
    {
        var registered = await fixture.Client.RegisterExistingAgreementAsync(Request("gn-1835848", _steps.Today.AddYears(-10), 60), fixture.Bearer("regional-officer", "52.71")); // Seoul

        Assert.Equal(AgreementStatus.Expired, registered.Status);
    }

    [Fact]
    public async Task A_record_without_source_or_instruments_or_dated_in_the_future_is_refused_by_field()
    {
        var request = Request("gn-2950159", _steps.Today.AddDays(10), 60); // Berlin
        request.Source = string.Empty;
        var noInstruments = Request("gn-2950159", _steps.Today, 60);
        noInstruments.Instruments.Clear();

        var future = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.RegisterExistingAgreementAsync(request, fixture.Bearer("regional-officer", "52.71")));
        var empty = await RpcAssert.FailsWith(StatusCode.InvalidArgument, async () =>
            await fixture.Client.RegisterExistingAgreementAsync(noInstruments, fixture.Bearer("regional-officer", "52.71")));
        var otherRegion = await RpcAssert.FailsWith(StatusCode.PermissionDenied, async () =>
            await fixture.Client.RegisterExistingAgreementAsync(Request("gn-2950159", _steps.Today, 60), fixture.Bearer("regional-officer", "35.78")));

        Assert.Equal(new[] { "instruments[0].indonesian_signatory.signed_on", "instruments[0].foreign_signatory.signed_on", "source" }.Order(StringComparer.Ordinal),
            RpcAssert.ViolatedFields(future).Order(StringComparer.Ordinal));
        Assert.Equal(["instruments"], RpcAssert.ViolatedFields(empty));
        Assert.Contains("52.71", otherRegion.Message, StringComparison.Ordinal);
    }

    private static Google.Type.Date Date(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };
}
