using Google.Type;
using Paradiplomacy.Contracts.Agreements.V1;

namespace Paradiplomacy.Agreements.Tests.Integration;

/// <summary>The steps of a partnership's life, as the people in DOMAIN.md take them.</summary>
internal sealed class AgreementSteps(AgreementsFixture fixture)
{
    public static Date DateOf(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    // The service's own day: Indonesia's (WIB), a day ahead of UTC's every evening.
    public DateOnly Today => Paradiplomacy.ServiceDefaults.Api.CalendarDay.InIndonesia(fixture.Clock.GetUtcNow());

    public async Task<Agreement> DraftAsync(string indonesianId, string region, string[] foreignIds, AgreementKind kind = AgreementKind.SisterCity, int months = 60, string title = "Sister city")
    {
        var agreement = new Agreement
        {
            Kind = kind,
            Title = title,
            IndonesianParty = new Party { CityId = indonesianId },
            Fields = { "smart_city", "maritime", "creative_economy" },
            Objectives = "Exchange of expertise in port management and the creative economy",
            Mechanisms = "Annual working visits, joint projects, student exchanges",
            ValidityMonths = months,
            IndonesianContact = new Contact { Name = "Bagian Kerja Sama", Email = "kerjasama@surabaya.go.id" },
        };
        agreement.ForeignParties.AddRange(foreignIds.Select(id => new Party { CityId = id }));
        return await fixture.Client.CreateAgreementAsync(new CreateAgreementRequest { Agreement = agreement }, fixture.Bearer("regional-officer", region));
    }

    public async Task<Agreement> SubmitAsync(Agreement agreement, string region) =>
        await fixture.Client.SubmitAgreementAsync(new SubmitAgreementRequest { Id = agreement.Id, Etag = agreement.Etag }, fixture.Bearer("regional-officer", region));

    public async Task<Agreement> ClearAsync(Agreement agreement, string region)
    {
        foreach (var kind in agreement.RequiredClearances)
        {
            var caller = kind switch
            {
                ClearanceKind.DprdApproval => fixture.Bearer("regional-officer", region),
                ClearanceKind.KemendagriClearance => fixture.Bearer("ministry-reviewer", ministry: "kemendagri"),
                _ => fixture.Bearer("ministry-reviewer", ministry: "kemlu"),
            };
            agreement = await fixture.Client.RecordClearanceAsync(new RecordClearanceRequest
            {
                Id = agreement.Id, Kind = kind, Decision = ClearanceDecision.Approved, ReferenceNumber = $"{kind}/{agreement.Id[^6..]}",
                DecidedOn = DateOf(Today),
            }, caller);
        }
        return agreement;
    }

    public async Task<Agreement> SignAsync(Agreement agreement, string region, InstrumentType instrument = InstrumentType.MemorandumOfUnderstanding, DateOnly? on = null, DateOnly? effective = null)
    {
        var date = DateOf(on ?? Today);
        var request = new SignAgreementRequest
        {
            Id = agreement.Id,
            Instrument = instrument,
            IndonesianSignatory = new Signatory { Name = "Eri Cahyadi", Title = "Wali Kota Surabaya", SignedOn = date, Place = "Surabaya" },
            ForeignSignatory = new Signatory { Name = "Liam Robinson", Title = "Mayor", SignedOn = date, Place = "Surabaya" },
        };
        if (effective is { } e)
        {
            request.EffectiveDate = DateOf(e);
        }
        return await fixture.Client.SignAgreementAsync(request, fixture.Bearer("regional-officer", region));
    }

    public async Task<Agreement> ActiveAsync(string indonesianId, string region, string[] foreignIds, int months = 60, AgreementKind kind = AgreementKind.SisterCity)
    {
        var agreement = await DraftAsync(indonesianId, region, foreignIds, kind, months);
        agreement = await SubmitAsync(agreement, region);
        agreement = await ClearAsync(agreement, region);
        return await SignAsync(agreement, region);
    }
}
