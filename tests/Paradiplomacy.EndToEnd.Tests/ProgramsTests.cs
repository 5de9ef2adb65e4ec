using System.Net.Http.Json;
using System.Text.Json;

namespace Paradiplomacy.EndToEnd.Tests;

/// <summary>A program as Surabaya's cooperation office would run it, through the gateway, under the
/// Surabaya–Busan sister-city agreement that the sample import registers.</summary>
[Collection(SystemCollection.Name)]
public class ProgramsTests(SystemFixture fixture)
{
    [Fact]
    public async Task A_Surabaya_Busan_student_exchange_is_run_to_completion_and_the_per_SDG_report_shows_it()
    {
        await fixture.ImportSampleAsync();
        var officer = fixture.Token("regional-officer", "35.78");
        using var agreements = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Get,
            "/api/v1/agreements?filter=region%20%3D%20%2235.78%22%20AND%20party%20%3D%20%22gn-1838524%22%20AND%20status%20%3D%20ACTIVE", officer));
        var agreement = agreements.RootElement.GetProperty("agreements")[0].GetProperty("id").GetString()!;
        var year = DateTime.UtcNow.Year - 1;
        object Day(int month, int day) => new { year, month, day };

        var program = await fixture.PostProgramsAsync("/api/v1/programs", officer, new
        {
            agreementId = agreement, type = "STUDENT_EXCHANGE", field = "education", title = "Surabaya–Busan semester exchange",
            objectives = "Vocational students spend a semester at a partner school", indonesianLeadOffice = "Dinas Pendidikan Kota Surabaya",
            foreignLeadOffice = "Busan Metropolitan City Office of Education", startDate = Day(2, 1), endDate = Day(7, 31),
            deliveryMode = "IN_PERSON", location = "Busan", sdgTargets = new[] { "4.7" },
        });
        var id = program.GetProperty("id").GetString()!;
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/programs/{id}:approve", officer, new { });
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/programs/{id}:start", officer, new { });
        foreach (var (name, side, gender) in new[] { ("Ayu Pratiwi", "INDONESIAN", "FEMALE"), ("Rizky Ramadhan", "INDONESIAN", "MALE"), ("Kim Min-seo", "FOREIGN", "FEMALE") })
        {
            await fixture.SendAsync(HttpMethod.Post, $"/api/v1/programs/{id}/participants", officer, new
            {
                name, role = "STUDENT", side, gender, ageBand = "UNDER_18", homeCityId = side == "INDONESIAN" ? "idn-35.78" : "gn-1838524",
                consent = new { purpose = "Exchange administration and reporting", givenOn = Day(1, 10), method = "signed form (parents)" },
            });
        }
        using var withIndicator = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Post, $"/api/v1/programs/{id}/indicators", officer, new
        {
            name = "Students completing the semester", level = "OUTPUT", unit = "students", baseline = 0, target = 3, disaggregations = new[] { "side" },
        }));
        var indicator = withIndicator.RootElement.GetProperty("indicators")[0].GetProperty("id").GetString()!;
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/programs/{id}/indicators/{indicator}/actuals", officer, new
        {
            periodStart = Day(2, 1), periodEnd = Day(7, 31), value = 3, evidence = new[] { new { title = "Certificates of completion", uri = "https://dispendik.surabaya.go.id/exchange/certificates.pdf" } },
        });
        await fixture.SendAsync(HttpMethod.Post, $"/api/v1/programs/{id}/evaluations", officer, new
        {
            kind = "FINAL", rating = "HIGHLY_SATISFACTORY", findings = "All three completed; the partner school asks for five next year",
            recommendations = "Make it annual", evaluator = "Bappeda Kota Surabaya", evaluatedOn = Day(8, 15),
        });
        using var completed = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Post, $"/api/v1/programs/{id}:complete", officer, new { completedOn = Day(8, 20) }));
        Assert.Equal("COMPLETED", completed.RootElement.GetProperty("status").GetString());

        // The open data: the per-SDG report and the roll-up count it, and name no one.
        var report = await fixture.SendAsync(HttpMethod.Get, $"/api/v1/programs:report?sdgTarget=4.7&year={year}", token: null);
        using (var json = JsonDocument.Parse(report))
        {
            Assert.Contains(json.RootElement.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("programId").GetString() == id && i.GetProperty("actual").GetDouble() == 3);
            Assert.Contains(json.RootElement.GetProperty("byStatus").EnumerateArray(), t => t.GetProperty("key").GetString() == "Completed");
            Assert.True(json.RootElement.GetProperty("participants").GetProperty("total").GetInt32() >= 3);
        }
        Assert.DoesNotContain("Ayu Pratiwi", report, StringComparison.Ordinal);
        var rollup = await fixture.SendAsync(HttpMethod.Get, $"/api/v1/programs:sdgRollup?sdgTarget=4&year={year}&level=NATION", token: null);
        Assert.Contains(id, rollup, StringComparison.Ordinal);
        Assert.DoesNotContain("Ayu Pratiwi", await fixture.SendAsync(HttpMethod.Get, $"/api/v1/programs/{id}", token: null), StringComparison.Ordinal);
        using var health = JsonDocument.Parse(await fixture.SendAsync(HttpMethod.Get, $"/api/v1/programs/health/{agreement}", officer));
        Assert.True(health.RootElement.GetProperty("programsCompleted").GetInt32() >= 1);
    }
}
