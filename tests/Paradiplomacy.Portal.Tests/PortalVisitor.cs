using Microsoft.Playwright;

namespace Paradiplomacy.Portal.Tests;

/// <summary>One person in one browser profile: the page they are on, their language, and a screenshot of each page
/// they reach (named by test step and language).</summary>
public sealed class PortalVisitor(IPage page, string language)
{
    public IPage Page { get; } = page;

    public string Language { get; } = language;

    /// <summary>Bahasa Indonesia or English, whichever this visitor reads.</summary>
    public string T(string indonesian, string english) => Language == "en" ? english : indonesian;

    public async Task ShotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, $"{name}.{Language}.png"), FullPage = true });

    /// <summary>Clicks a link or a form's button and waits until the page it leads to has loaded: a click only starts
    /// the navigation, and what is read straight after it may be the page being left (which a reload would bring back).</summary>
    public async Task FollowAsync(ILocator what)
    {
        await Page.EvaluateAsync("() => { window.portalPageLeft = true; }");
        var from = Page.Url;
        await what.ClickAsync();
        try
        {
            await Page.WaitForFunctionAsync("() => !window.portalPageLeft && document.readyState === 'complete'");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Following {what} from {from} never loaded a page; now at {Page.Url}", e);
        }
    }

    /// <summary>Signs in at the development identity provider as one of its personas, from wherever the portal sent them.</summary>
    public async Task SignInAsync(string persona, string returnPath)
    {
        await Page.GotoAsync($"/masuk?kembali={Uri.EscapeDataString(returnPath)}");
        await Page.GetByRole(AriaRole.Button, new() { Name = persona }).ClickAsync();
        try
        {
            await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnPath);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Signing in as {persona} for {returnPath} ended at {Page.Url}: {await Page.Locator("body").InnerTextAsync()}", e);
        }
    }

    /// <summary>Reloads until <paramref name="what"/> is on the page: views fed by other services' events (a
    /// partnership's health, a new program's budget) show a write a moment after it was accepted.</summary>
    public async Task<ILocator> UntilShownAsync(ILocator what)
    {
        for (var attempt = 0; await what.CountAsync() == 0; attempt++)
        {
            Assert.True(attempt < 60, $"{Page.Url} never showed {what}");
            await Task.Delay(500);
            await Page.ReloadAsync();
        }
        return what.First;
    }

    public async Task<string> MainTextAsync() => await Page.Locator("main").InnerTextAsync();

    public Task CloseAsync() => Page.Context.CloseAsync();
}
