using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using MyService.Tests.Api;

namespace MyService.Tests.Browser;

/// <summary>The real Aspire dashboard in a real browser: login, resources, traces across services, structured logs.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardTests(DashboardFixture fixture)
{
    private static readonly string[] Resources = ["api", "worker", "db", "dynamodb", "projection", "store", "otel-collector"];

    [Fact]
    public async Task Without_the_token_the_dashboard_sends_you_to_its_login_page()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/traces").ToString());

        await page.WaitForURLAsync(LoginPage());
        await DashboardFixture.ScreenshotAsync(page, "login-required");
        Assert.DoesNotContain("api: POST", await page.InnerTextAsync("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_token_the_resources_page_lists_every_resource_running()
    {
        var page = await fixture.LoggedInPageAsync();

        foreach (var name in Resources)
        {
            var row = ResourceRow(page, name);
            await row.Locator("td[title='Running']").WaitForAsync();
            Assert.DoesNotContain("Unhealthy", await row.InnerTextAsync(), StringComparison.Ordinal);
        }

        await DashboardFixture.ScreenshotAsync(page, "resources");
        // No error banner on an http-only run (no "No trusted development certificate" notification).
        Assert.DoesNotContain("certificate", await page.InnerTextAsync("body"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task After_a_write_the_traces_page_shows_the_api_request_with_the_workers_spans()
    {
        using var api = fixture.App.CreateHttpClient("api");
        api.Timeout = TestTimeouts.Default;
        await api.CreateUserAsync($"b{Guid.NewGuid():N}@example.com", "Browser").WithTimeout();
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/traces").ToString());
        var trace = page.Locator("tr.fluent-data-grid-row", new() { HasText = "api: POST /users" })
            .Filter(new() { Has = page.Locator(".trace-service-tag", new() { HasText = "worker" }) }).First;
        await trace.WaitForAsync();
        await DashboardFixture.ScreenshotAsync(page, "traces");

        await trace.Locator("td").Nth(1).ClickAsync();
        await page.GetByText("project user").First.WaitForAsync();
        await DashboardFixture.ScreenshotAsync(page, "trace-waterfall");
    }

    [Fact]
    public async Task Structured_logs_show_the_api_log_lines()
    {
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/structuredlogs").ToString());
        // Logged by the API at start-up, when it migrates its (new, throw-away) SQLite file.
        var line = page.Locator("tr.fluent-data-grid-row", new() { HasText = "Applied SQLite migration" }).First;
        await line.WaitForAsync();

        Assert.StartsWith("api", (await line.Locator("td").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await DashboardFixture.ScreenshotAsync(page, "structured-logs");
    }

    private static ILocator ResourceRow(IPage page, string name) =>
        page.Locator("tr.resource-row").Filter(new() { Has = page.Locator(".resource-name-text", new() { HasTextRegex = ExactText(name) }) });

    private static Regex ExactText(string text) => new($"^{Regex.Escape(text)}$");

    [GeneratedRegex("/login")]
    private static partial Regex LoginPage();
}
