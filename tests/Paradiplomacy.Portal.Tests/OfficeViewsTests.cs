using Microsoft.Playwright;

namespace Paradiplomacy.Portal.Tests;

/// <summary>A regional office's working views over what the other services hold: its programs' indicators against
/// their targets, budget against spending in rupiah as the locale writes it, upcoming meetings in the office's own
/// time zone with the partner's beside it, and the partnership's health.</summary>
[Collection(PortalCollection.Name)]
public class OfficeViewsTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("id", "Rp 1.500.000,00", "50%")]
    [InlineData("en", "Rp 1,500,000.00", "50%")]
    public async Task An_officer_sees_programs_against_targets_budget_in_rupiah_meetings_in_both_zones_and_health(string language, string money, string progress)
    {
        var officer = fixture.Host.Token("regional-officer", "35.78");
        using var api = new GatewayApi(fixture.Host.GatewayUrl);
        var title = $"Teachers' exchange {language} {Guid.NewGuid().ToString("N")[..6]}";
        var start = DateTime.UtcNow.Date.AddDays(-10);
        var program = (await api.SendAsync(HttpMethod.Post, $"/api/v1/programs?requestId={Guid.NewGuid():N}", officer, new
        {
            agreementId = fixture.SurabayaBusan, type = "STUDENT_EXCHANGE", field = "education", title, objectives = "Teachers' exchange",
            indonesianLeadOffice = "Dinas Pendidikan", foreignLeadOffice = "Busan Office of Education",
            startDate = GatewayApi.Day(start), endDate = GatewayApi.Day(start.AddMonths(6)), deliveryMode = "HYBRID", location = "Surabaya", sdgTargets = new[] { "4.c" },
        })).GetProperty("id").GetString()!;
        await api.SendAsync(HttpMethod.Post, $"/api/v1/programs/{program}:approve", officer, new { });
        await api.SendAsync(HttpMethod.Post, $"/api/v1/programs/{program}:start", officer, new { });
        var indicator = (await api.SendAsync(HttpMethod.Post, $"/api/v1/programs/{program}/indicators", officer, new
        {
            name = "Teachers trained", level = "OUTPUT", unit = "teachers", baseline = 0, target = 4,
        })).GetProperty("indicators")[0].GetProperty("id").GetString()!;
        var today = DateTime.UtcNow.Date;
        await api.SendAsync(HttpMethod.Post, $"/api/v1/programs/{program}/indicators/{indicator}/actuals", officer, new
        {
            periodStart = GatewayApi.Day(today.AddDays(-10)), periodEnd = GatewayApi.Day(today), value = 2,
            evidence = new[] { new { title = "Attendance lists", uri = "https://dispendik.surabaya.go.id/exchange/attendance.pdf" } },
        });
        await api.SendAsync(HttpMethod.Put, $"/api/v1/funding/programs/{program}/budget", officer, new
        {
            lines = new[] { new { category = "TRAVEL", fiscalYear = today.Year, amount = new { currencyCode = "IDR", units = "1500000" }, description = "Two delegations" } },
        });
        var meetingStart = today.AddDays(14).AddHours(7);
        var meeting = $"Working group {language} {Guid.NewGuid().ToString("N")[..6]}";
        await api.SendAsync(HttpMethod.Post, $"/api/v1/meetings?requestId={Guid.NewGuid():N}", officer, new
        {
            agreementId = fixture.SurabayaBusan, title = meeting, purpose = "Working group", mode = "VIRTUAL", timeZone = "Asia/Jakarta",
            startTime = meetingStart.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            endTime = meetingStart.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            participants = new[]
            {
                new { name = "Rina Wulandari", email = "rina@surabaya.go.id", cityId = "idn-35.78", position = "Kepala Bagian Kerja Sama" },
                new { name = "Partner delegate", email = "delegate@busan.example", cityId = "gn-1838524", position = "International relations" },
            },
        });

        var visitor = await fixture.VisitorAsync(language);
        await visitor.SignInAsync("Bagian Kerja Sama, Kota Surabaya", "/kantor/program");
        var card = await visitor.UntilShownAsync(visitor.Page.Locator("section.card", new() { HasTextString = title }));
        var row = card.Locator("tr", new() { HasTextString = "Teachers trained" });
        Assert.Contains(progress, await row.InnerTextAsync());
        Assert.Equal("0.5", await row.Locator("meter").GetAttributeAsync("value"));
        await visitor.ShotAsync("programs");

        await visitor.FollowAsync(visitor.Page.GetByRole(AriaRole.Link, new() { Name = visitor.T("Anggaran", "Budget"), Exact = true }));
        Assert.Contains(money, await (await visitor.UntilShownAsync(visitor.Page.Locator("tbody tr", new() { HasTextString = title }))).InnerTextAsync());
        await visitor.ShotAsync("budget");

        await visitor.FollowAsync(visitor.Page.GetByRole(AriaRole.Link, new() { Name = visitor.T("Rapat", "Meetings"), Exact = true }));
        var item = await visitor.UntilShownAsync(visitor.Page.Locator("li.card", new() { HasTextString = meeting }));
        var text = await item.InnerTextAsync();
        // 07:00 UTC is 14.00 in Surabaya (WIB) and 16:00 in Busan (UTC+09:00).
        Assert.Contains("14.00 WIB", text);
        Assert.Contains("16.00", text);
        Assert.Contains("+09:00", text);
        await visitor.ShotAsync("meetings");

        await visitor.FollowAsync(visitor.Page.GetByRole(AriaRole.Link, new() { Name = visitor.T("Kesehatan kemitraan", "Partnership health"), Exact = true }));
        var health = await visitor.UntilShownAsync(visitor.Page.Locator("section.card", new() { Has = visitor.Page.Locator($"a[href='/perjanjian/{fixture.SurabayaBusan}']") }));
        Assert.Matches(visitor.T("skor \\d+ dari 100", "score \\d+ of 100"), await health.InnerTextAsync());
        await visitor.ShotAsync("health");
        await visitor.CloseAsync();
    }
}
