using Microsoft.Playwright;

namespace Paradiplomacy.Portal.Tests;

/// <summary>The whole system (the AppHost, through Aspire.Hosting.Testing) and Debian's chromium driven by Playwright,
/// pointed at the portal the gateway serves at "/". Screenshots of every page a test visits are kept in
/// artifacts/portal-screenshots for people to look at.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PlatformTestHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(Hosting.RepositoryRoot.Find(), "artifacts", "portal-screenshots");

    /// <summary>Kota Surabaya – Busan, in effect since before the platform, registered before any page is read: the
    /// public pages (and the map, which the portal keeps a minute) show it from the first visit.</summary>
    public string SurabayaBusan { get; private set; } = null!;

    /// <summary>Its Indonesian signatory: personal data, on the record but never on a public page.</summary>
    public const string SurabayaSignatory = "Eri Cahyadi";

    private IPlaywright playwright = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        Host = await PlatformTestHost.StartAsync("portal");
        SurabayaBusan = await Host.RegisterExistingAgreementAsync(new ExistingAgreement("35.78", "idn-35.78", "gn-1838524", "Kota Surabaya – Busan",
            ["education", "economy"], new DateOnly(2024, 3, 5)) { IndonesianSignatory = SurabayaSignatory, Place = "Busan City Hall" });
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
            // As root on a machine with a closed network: no sandbox, and none of chromium's own calls home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser profile (its own cookies), its language chosen by the switch as a person would.</summary>
    public async Task<PortalVisitor> VisitorAsync(string language)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, BaseURL = Host.GatewayUrl.ToString() });
        context.SetDefaultTimeout(30_000);
        var visitor = new PortalVisitor(await context.NewPageAsync(), language);
        await visitor.Page.GotoAsync("/");
        if (language == "en")
        {
            await visitor.FollowAsync(visitor.Page.GetByRole(AriaRole.Link, new() { Name = "English" }));
        }
        return visitor;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
