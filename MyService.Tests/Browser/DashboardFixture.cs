using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using MyService.Tests.Distributed;
using TempDirectory = MyService.Tests.TestSupport.TempDirectory;

namespace MyService.Tests.Browser;

/// <summary>
/// The real AppHost with the real Aspire dashboard on, and Debian's Chromium driven by Playwright (the package's own
/// browser download is never used). One app and one browser for the collection; each test gets a fresh context.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _data = new();
    private IPlaywright? _playwright;

    public DistributedApplication App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The URL the AppHost prints: it carries the browser token.</summary>
    public Uri LoginUrl { get; private set; } = null!;

    public Uri BaseAddress => new(LoginUrl.GetLeftPart(UriPartial.Authority));

    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium (test.sh does this).");
        App = await AppHostFixture.StartAsync(_data.Path, options: new DistributedApplicationTestingBuilderOptions { EnableDashboard = true });
        LoginUrl = await App.GetDashboardUrlAsync().WithTimeout();
        _playwright = await Playwright.CreateAsync().WithTimeout();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a container needs --no-sandbox; the rest keep Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        }).WithTimeout();
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh context, logged in through the token URL, on the resources page.</summary>
    public async Task<IPage> LoggedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(LoginUrl.ToString());
        await page.WaitForURLAsync(new Uri(BaseAddress, "/").ToString());
        return page;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 900 } }).WithTimeout();
        var page = await context.NewPageAsync().WithTimeout();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync().WithTimeout();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.StopAsync().WithTimeout(TimeSpan.FromSeconds(60));
            await App.DisposeAsync();
        }

        _data.Dispose();
    }
}
