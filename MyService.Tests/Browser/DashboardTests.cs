using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MyService.Hosting.Testing;
using MyService.Tests.Api;
using MyService.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace MyService.Tests.Browser;

[Collection(DashboardCollection.Name)]
public sealed partial class DashboardTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Without_the_token_pages_redirect_to_login_and_the_api_is_401()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.BaseAddress.ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await Expect(page.GetByRole(AriaRole.Heading)).ToHaveTextAsync("MyService dashboard");
        var api = await page.APIRequest.GetAsync(new Uri(fixture.BaseAddress, "/api/resources").ToString());
        Assert.Equal((int)HttpStatusCode.Unauthorized, api.Status);
        var wrong = await page.GotoAsync(new Uri(fixture.BaseAddress, "/login?t=not-the-token").ToString());
        Assert.Equal((int)HttpStatusCode.Unauthorized, wrong!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not this AppHost's");
        await DashboardFixture.ScreenshotAsync(page, "login");
    }

    [Fact]
    public async Task Resources_page_shows_every_resource_healthy_with_endpoints()
    {
        var page = await fixture.LoggedInPageAsync();

        foreach (var resource in new[] { "api", "db", "dynamodb", "projection", "otel-collector" })
        {
            await Expect(page.Locator($"tr[data-resource='{resource}'] td.health")).ToHaveTextAsync("Healthy");
        }

        await Expect(page.Locator("tr[data-resource='api'] a[href^='http://localhost:']")).ToHaveCountAsync(1);
        await DashboardFixture.ScreenshotAsync(page, "resources");
    }

    [Fact]
    public async Task After_a_request_to_the_api_its_trace_spans_and_log_lines_appear()
    {
        using var client = fixture.App.CreateHttpClient("api");
        client.Timeout = TestTimeouts.Default;
        var user = await client.CreateUserAsync($"b{Guid.NewGuid():N}@example.com", "Browser");
        var id = user.GetProperty("id").GetInt64();
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/#/logs?resource=api").ToString());
        await Expect(page.Locator("#logs tbody")).ToContainTextAsync($"Created user {id}");
        await DashboardFixture.ScreenshotAsync(page, "structured-logs");

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/#/traces?resource=api").ToString());
        var row = page.Locator("#traces tbody tr", new() { HasText = "api: POST /users" }).First;
        await Expect(row).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "traces");
        await row.ClickAsync();
        await Expect(page.Locator("#waterfall .row").First).ToContainTextAsync("POST /users");
        await page.Locator("#waterfall .row").First.ClickAsync();
        await Expect(page.Locator("#span-detail")).ToContainTextAsync("http.response.status_code");
        await DashboardFixture.ScreenshotAsync(page, "trace-detail");

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/#/console/api").ToString());
        await Expect(page.Locator("#console")).ToContainTextAsync("Now listening on");
        await DashboardFixture.ScreenshotAsync(page, "console");
    }

    [Fact]
    public async Task A_metrics_chart_renders_for_the_api()
    {
        using var client = fixture.App.CreateHttpClient("api");
        client.Timeout = TestTimeouts.Default;
        using (await client.GetAsync("/"))
        {
        }

        var page = await fixture.LoggedInPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/#/metrics/api/http.server.request.duration").ToString());

        await Expect(page.Locator("#chart svg.chart polyline").First).ToBeAttachedAsync();
        Assert.True(await page.Locator("#metrics-series option").CountAsync() > 1, "no dimensions to choose from");
        await DashboardFixture.ScreenshotAsync(page, "metrics");
    }

    [Fact]
    public async Task Restart_from_the_ui_restarts_the_resource()
    {
        var before = await fixture.App.WaitForAsync("api", s => s.IsUp);
        var page = await fixture.LoggedInPageAsync();
        await Expect(page.Locator("tr[data-resource='api'] td.health")).ToHaveTextAsync("Healthy");

        await page.Locator("tr[data-resource='api'] button[data-command='restart']").ClickAsync();

        var after = await fixture.App.WaitForAsync("api", s => s.IsUp && s.ProcessId != before.ProcessId, TimeSpan.FromSeconds(60));
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        await Expect(page.Locator("tr[data-resource='api'] td.health")).ToHaveTextAsync("Healthy");
        await DashboardFixture.ScreenshotAsync(page, "after-restart");
    }
}
