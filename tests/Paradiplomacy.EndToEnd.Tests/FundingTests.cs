using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using V1 = Paradiplomacy.Contracts.Funding.V1;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>A program's money as DKI Jakarta's office and its finance approvers would keep it, through the
/// gateway: the Jakarta–Rotterdam flood-management partnership the sample import registers, funded by
/// Jakarta's APBD in rupiah and by Rotterdam in euros, one tranche disbursed, expenditures booked, and a
/// report that adds up.</summary>
[Collection(SystemCollection.Name)]
public class FundingTests(SystemFixture fixture)
{
    private const long SenPerEuro = 17250_35;

    [Fact]
    public async Task A_Jakarta_Rotterdam_flood_program_funded_in_rupiah_and_euros_reports_figures_that_add_up()
    {
        await fixture.ImportSampleAsync();
        var officer = fixture.Token("regional-officer", "31");
        var approver = fixture.Token("finance-approver", "31", subject: "bpkad-kabid-anggaran@31");
        var treasury = fixture.Token("finance-approver", "31", subject: "kas-daerah@31");
        using var agreements = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Get,
            "/api/v1/agreements?filter=region%20%3D%20%2231%22%20AND%20party%20%3D%20%22gn-2747891%22%20AND%20status%20%3D%20ACTIVE", officer));
        var agreement = agreements.RootElement.GetProperty("agreements")[0].GetProperty("id").GetString()!;
        var today = DateTime.UtcNow;
        var year = today.Year;
        var date = new { year, month = today.Month, day = today.Day };
        object Idr(long units) => new { currencyCode = "IDR", units = units.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        object Eur(long units) => new { currencyCode = "EUR", units = units.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var program = (await fixture.PostProgramsAsync("/api/v1/programs", officer, new
        {
            agreementId = agreement, type = "DEVELOPMENT_PROJECT", field = "environment", title = "Banjir Kanal Timur: polder pumps and water-level sensors",
            objectives = "Rotterdam's polder practice applied to East Jakarta", indonesianLeadOffice = "Dinas Sumber Daya Air DKI Jakarta",
            foreignLeadOffice = "Gemeente Rotterdam, Water Management", startDate = new { year, month = 1, day = 1 }, endDate = new { year, month = 12, day = 31 },
            deliveryMode = "HYBRID", location = "Jakarta Timur", sdgTargets = new[] { "11.5", "13.1" },
        })).GetProperty("id").GetString()!;
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/programs/{program}:approve", officer, new { });

        // Rates as Bank Indonesia published them; sources: Jakarta's APBD and Rotterdam.
        // A rate is published once per day: the same again is harmless, another test's different one a 409.
        var rate = await SendRawAsync(HttpMethod.Post, "/api/v1/funding/exchangeRates", approver, new { currency = "EUR", date, idrPerUnit = "17250.35", source = "Bank Indonesia JISDOR" });
        Assert.True(rate is 200 or 409, $"rate: {rate}");
        var apbd = Id(await fixture.SendAsync(HttpMethod.Post, "/api/v1/funding/sources", officer, new { kind = "REGIONAL_BUDGET", name = "APBD Provinsi DKI Jakarta", defaultCurrency = "IDR" }));
        var rotterdam = Id(await fixture.SendAsync(HttpMethod.Post, "/api/v1/funding/sources", officer,
            new { kind = "PARTNER_GOVERNMENT", name = "Gemeente Rotterdam", partnerCityId = "gn-2747891", defaultCurrency = "EUR", iatiOrgRef = "NL-KVK-24495937" }));

        await fixture.SendAsync(HttpMethod.Put, $"/api/v1/funding/programs/{program}/budget", officer, new
        {
            lines = new object[]
            {
                new { category = "EQUIPMENT", fiscalYear = year, amount = Idr(1_200_000_000), description = "Pumps and sensors" },
                new { category = "TRAVEL", fiscalYear = year, amount = Idr(300_000_000), description = "Two delegations" },
                new { category = "INTERPRETATION", fiscalYear = year, amount = Eur(6_000), description = "Dutch–Indonesian interpreters" },
            },
        });
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/budget:approve", approver, new { });
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/commitments?requestId={Guid.NewGuid():N}", officer,
            new { sourceId = apbd, amount = Idr(1_000_000_000), reference = "DPA-SKPD Dinas SDA" });
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/commitments?requestId={Guid.NewGuid():N}", officer,
            new { sourceId = rotterdam, amount = Eur(40_000), reference = "Raadsbesluit 2027/118" });

        // One tranche of the APBD pledge: requested by the office, approved by BPKAD, paid by the treasury.
        using var planned = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/tranches?requestId={Guid.NewGuid():N}", officer,
            new { sourceId = apbd, amount = Idr(600_000_000), plannedDate = date, description = "Tahap I" }));
        var tranche = planned.RootElement.GetProperty("tranches")[0].GetProperty("id").GetString()!;
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/tranches/{tranche}:request", officer, new { });
        var own = await SendRawAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/tranches/{tranche}:approve", fixture.Token("regional-officer", "31"), new { });
        Assert.Equal(403, own);
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/tranches/{tranche}:approve", approver, new { });
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/tranches/{tranche}:pay", treasury, new { paidOn = date, requestId = Guid.NewGuid().ToString("N") });

        // Expenditures: two within the funds, one refused beyond them.
        var pumps = $"{Guid.NewGuid():N}";
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/expenditures?requestId={pumps}", officer,
            new { category = "EQUIPMENT", amount = Idr(450_000_000), spentOn = date, description = "Two submersible pumps", payee = "PT Pompa Nusantara" });
        // The same request again (a lost answer, retried): booked once.
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/expenditures?requestId={pumps}", officer,
            new { category = "EQUIPMENT", amount = Idr(450_000_000), spentOn = date, description = "Two submersible pumps", payee = "PT Pompa Nusantara" });
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/expenditures?requestId={Guid.NewGuid():N}", officer,
            new { category = "TRAVEL", amount = Idr(95_000_000), spentOn = date, description = "Delegation to Rotterdam", payee = "Garuda Indonesia" });
        var beyond = await SendRawAsync(HttpMethod.Post, $"/api/v1/funding/programs/{program}/expenditures?requestId={Guid.NewGuid():N}", officer,
            new { category = "EQUIPMENT", amount = Idr(100_000_000), spentOn = date, description = "Sensors", payee = "PT Sensor" });
        Assert.Equal(400, beyond);

        using var funding = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Get, $"/api/v1/funding/programs/{program}", officer));
        var figures = funding.RootElement.GetProperty("figures");
        var interpretation = 6_000 * SenPerEuro;
        Assert.Equal(1_500_000_000_00 + interpretation, Minor(figures, "budget"));
        Assert.Equal(1_000_000_000_00 + 40_000 * SenPerEuro, Minor(figures, "committed"));
        Assert.Equal(600_000_000_00, Minor(figures, "disbursed"));
        Assert.Equal(545_000_000_00, Minor(figures, "spent"));
        Assert.Equal(55_000_000_00, Minor(figures, "available"));
        Assert.Equal(2, funding.RootElement.GetProperty("expenditures").GetArrayLength());

        // Funding hears of the approval by event; until it has, the public sees the program as a plan (not in the report).
        for (var i = 0; i < 150 && !await ProgramStatusIsAsync(program, "Approved", officer); i++)
        {
            await Task.Delay(200);
        }

        // The open report of the agreement adds up to the program's figures, and the sources' shares to one.
        using var report = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Get, $"/api/v1/funding:report?agreementId={agreement}&groupBy=BY_PROGRAM", token: null));
        var row = report.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == program);
        foreach (var figure in new[] { "budget", "committed", "disbursed", "spent", "available" })
        {
            Assert.Equal(Minor(figures, figure), Minor(row.GetProperty("figures"), figure));
        }
        var shares = report.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("sourceId").GetString()!, s => s.GetProperty("share").GetDouble());
        Assert.Equal(1.0, shares[apbd] + shares[rotterdam], 3);
        Assert.Equal(Math.Round(40_000 * SenPerEuro / (double)(1_000_000_000_00 + 40_000 * SenPerEuro), 4), shares[rotterdam]);
        var open = await fixture.SendAsync(HttpMethod.Get, $"/api/v1/funding/programs/{program}", token: null);
        Assert.DoesNotContain("PT Pompa Nusantara", open, StringComparison.Ordinal);
        Assert.DoesNotContain("kas-daerah", open, StringComparison.Ordinal);

        // The same report over the gateway's gRPC port, in euros at today's rate.
        var grpc = new V1.Funding.FundingClient(fixture.GatewayGrpc);
        var inEuros = await grpc.GetFundingReportAsync(new V1.GetFundingReportRequest { ProgramId = program, Currency = "EUR" },
            new Metadata { { "Authorization", $"Bearer {officer}" } });
        var euros = (1_000_000_000m + 40_000m * 17250.35m) / 17250.35m;
        Assert.Equal(("EUR", (long)decimal.Floor(euros)), (inEuros.Total.Committed.CurrencyCode, inEuros.Total.Committed.Units));
    }

    private static string Id(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>google.type.Money in JSON ("units" a number or, as proto3 JSON allows for int64, a string) as minor units of a two-decimal currency.</summary>
    private static long Minor(JsonElement figures, string name)
    {
        var money = figures.GetProperty(name);
        var units = !money.TryGetProperty("units", out var u) ? 0
            : u.ValueKind == JsonValueKind.String ? long.Parse(u.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : u.GetInt64();
        var nanos = money.TryGetProperty("nanos", out var n) ? n.GetInt32() : 0;
        return units * 100 + nanos / 10_000_000;
    }

    private async Task<bool> ProgramStatusIsAsync(string program, string status, string token)
    {
        using var funding = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Get, $"/api/v1/funding/programs/{program}", token));
        return funding.RootElement.TryGetProperty("programStatus", out var value) && value.GetString() == status;
    }

    private async Task<int> SendRawAsync(HttpMethod method, string path, string token, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await fixture.Gateway.SendAsync(request);
        return (int)response.StatusCode;
    }
}
