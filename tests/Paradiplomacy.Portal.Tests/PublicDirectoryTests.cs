using Microsoft.Playwright;

namespace Paradiplomacy.Portal.Tests;

/// <summary>The public, without signing in: searching the directory, a region's partnerships and the map of them,
/// in both languages, with only the facts the API gives anonymous callers.</summary>
[Collection(PortalCollection.Name)]
public class PublicDirectoryTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task The_public_searches_a_region_sees_its_partnerships_and_finds_them_on_the_map(string language)
    {
        var visitor = await fixture.VisitorAsync(language);
        Assert.Equal(language, await visitor.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(visitor.T("Direktori kerja sama kota dan provinsi kembar", "Directory of sister-city and sister-province partnerships"),
            await visitor.Page.Locator("h1").InnerTextAsync());

        // Search as people type it: no accent, any case.
        await visitor.Page.GetByLabel(visitor.T("Cari daerah atau kota", "Search a region or city")).FillAsync("surabaya");
        await visitor.Page.GetByLabel(visitor.T("Cari daerah atau kota", "Search a region or city")).PressAsync("Enter");
        await visitor.ShotAsync("search");
        await visitor.FollowAsync(visitor.Page.Locator("ul.results a[href='/wilayah/idn-35.78']"));
        var row = visitor.Page.Locator("tr", new() { Has = visitor.Page.Locator($"a[href='/perjanjian/{fixture.SurabayaBusan}']") });
        Assert.Contains(visitor.T("Berlaku", "Active"), await row.InnerTextAsync());
        Assert.Contains(visitor.T("pendidikan", "education"), await row.InnerTextAsync());
        Assert.Contains(visitor.T("5 Maret 2024", "5 March 2024"), await row.InnerTextAsync());
        await visitor.ShotAsync("region");

        await visitor.FollowAsync(row.GetByRole(AriaRole.Link).First);
        var agreement = await visitor.MainTextAsync();
        Assert.Contains("Busan", agreement);
        // Signatories are personal data (UU PDP 27/2022); the audit trail is not for the public either.
        Assert.DoesNotContain(PortalFixture.SurabayaSignatory, await visitor.Page.ContentAsync());
        Assert.Equal(0, await visitor.Page.GetByRole(AriaRole.Heading, new() { Name = visitor.T("Riwayat", "History") }).CountAsync());

        // The map's 130 KB arrive in pieces: its shapes are counted once the whole page has loaded.
        await visitor.FollowAsync(visitor.Page.GetByRole(AriaRole.Link, new() { Name = visitor.T("Peta", "Map"), Exact = true }));
        var map = visitor.Page.Locator("figure.map svg");
        Assert.Equal("img", await map.GetAttributeAsync("role"));
        // Natural Earth's countries, Korea shaded as a partner country, Busan and Surabaya drawn and linked.
        Assert.True(await map.Locator("g.countries path").CountAsync() > 170);
        Assert.NotEqual("band-0", await map.Locator("path[data-country=KR]").GetAttributeAsync("class"));
        Assert.Equal("band-0", await map.Locator("path[data-country=BR]").GetAttributeAsync("class"));
        Assert.Equal("indonesia", await map.Locator("path[data-country=ID]").GetAttributeAsync("class"));
        Assert.Equal(1, await map.Locator("circle[data-city='gn-1838524']").CountAsync());
        Assert.Equal(1, await map.Locator("circle[data-city='idn-35.78']").CountAsync());
        Assert.Equal(1, await map.Locator($"path.link[data-agreement='{fixture.SurabayaBusan}']").CountAsync());
        // The same facts as a table, for those who do not see the map.
        Assert.Contains("Kota Surabaya", await visitor.Page.Locator("tr", new() { HasTextString = "South Korea" }).InnerTextAsync());
        await visitor.ShotAsync("map");
        await visitor.CloseAsync();
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Pages_for_offices_and_reviewers_send_the_public_to_sign_in_and_an_unknown_address_is_a_page_not_a_trace(string language)
    {
        var visitor = await fixture.VisitorAsync(language);
        foreach (var path in new[] { "/kantor", "/kantor/perjanjian/baru", "/tinjauan", "/nasional" })
        {
            await visitor.Page.GotoAsync(path);
            Assert.Equal(new Uri(fixture.Host.IdentityUrl).Authority, new Uri(visitor.Page.Url).Authority);
            Assert.EndsWith("/connect/authorize", new Uri(visitor.Page.Url).AbsolutePath, StringComparison.Ordinal);
        }
        var missing = await visitor.Page.GotoAsync("/wilayah/idn-99.99");
        Assert.Equal(visitor.T("Halaman tidak ditemukan", "Page not found"), await visitor.Page.Locator("h1").InnerTextAsync());
        var unknown = await visitor.Page.GotoAsync("/tidak/ada");
        Assert.Equal(404, unknown!.Status);
        Assert.DoesNotContain("Exception", await visitor.Page.ContentAsync());
        Assert.Equal(visitor.T("Halaman tidak ditemukan", "Page not found"), await visitor.Page.Locator("h1").InnerTextAsync());
        await visitor.CloseAsync();
    }

    [Fact]
    public async Task An_officer_sees_only_a_reviewers_pages_refused_and_the_language_choice_is_kept_across_sign_in()
    {
        var officer = await fixture.VisitorAsync("en");
        await officer.SignInAsync("Bagian Kerja Sama, Kota Surabaya", "/kantor");
        Assert.Contains("Cooperation office", await officer.Page.Locator("h1").InnerTextAsync());
        Assert.Contains("Kota Surabaya – Busan", await officer.MainTextAsync());
        await officer.Page.GotoAsync("/tinjauan");
        Assert.Equal("Access denied", await officer.Page.Locator("h1").InnerTextAsync());
        await officer.CloseAsync();
    }
}
