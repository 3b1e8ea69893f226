using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MyService.Hosting.Dashboard.Web;
using MyService.Hosting.Testing;

namespace MyService.Tests.Browser;

/// <summary>
/// The real app model with its dashboard on, and Debian's Chromium driven by Playwright (the package's own browser
/// download is never used). One app and one browser for the collection; each test gets a fresh browser context.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public DistributedApplication App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri LoginUrl { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MyService.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        }
    }

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium (test.sh does this).");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MyService_AppHost>().WithTimeout();
        builder.Options.DisableDashboard = false;
        App = await builder.BuildAsync().WithTimeout();
        await App.StartAsync().WithTimeout();
        foreach (var resource in Distributed.AppHostFixture.Resources)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource).WithTimeout(TimeSpan.FromMinutes(2));
        }

        var dashboard = App.Services.GetRequiredService<DashboardService>();
        LoginUrl = dashboard.LoginUrl ?? throw new InvalidOperationException("The dashboard did not start.");
        BaseAddress = dashboard.BaseAddress!;
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

    /// <summary>A fresh context, logged in through the printed URL.</summary>
    public async Task<IPage> LoggedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(LoginUrl.ToString());
        await page.WaitForURLAsync(new Uri(BaseAddress, "/").ToString());
        return page;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } }).WithTimeout();
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
            await App.StopAsync().WithTimeout(TimeSpan.FromSeconds(90));
            await App.DisposeAsync();
        }
    }
}

/// <summary>Runs alone: a second AppHost and a browser would compete with the other collections for two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
