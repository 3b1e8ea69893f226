using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyService.Hosting;
using MyService.Hosting.Health;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Integrations;

/// <summary>A resource's health read from its health report: Degraded (a 200) shows as Degraded, with the check's words.</summary>
[Collection(IntegrationApp.SecondCollection)]
public sealed class HealthReportCheckTests
{
    private static readonly Uri Health = new("http://127.0.0.1:1/health");

    private const string Degraded = """
        {"status":"Degraded","totalDurationMs":0.1,"checks":{
          "self":{"status":"Healthy","description":null,"durationMs":0},
          "projection":{"status":"Degraded","description":"Backing off: HttpRequestException: Connection refused","durationMs":0}}}
        """;

    [Fact]
    public void A200WithADegradedReport_IsDegraded_SaidByTheCheckThatIsNotHealthy()
    {
        var result = HealthReportCheck.Read(Degraded, 200, Health);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("projection: Backing off: HttpRequestException: Connection refused", result.Description);
    }

    [Fact]
    public void A503WithAnUnhealthyReport_IsUnhealthy_AndACheckWithoutDescriptionIsSaidByItsStatus()
    {
        var result = HealthReportCheck.Read("""{"status":"Unhealthy","checks":{"sqlite":{"status":"Unhealthy"}}}""", 503, Health);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("sqlite: Unhealthy", result.Description);
    }

    [Theory]
    [InlineData("""{"status":"Healthy","checks":{}}""", 200, HealthStatus.Healthy)]
    [InlineData("ok", 200, HealthStatus.Healthy)] // not a report: judged by its code, as Aspire's check does
    [InlineData("<html>Bad Gateway</html>", 502, HealthStatus.Unhealthy)]
    [InlineData("""{"status":"Healthy"}""", 503, HealthStatus.Unhealthy)] // the code wins when the two disagree for the worse
    [InlineData("""{"status":"Degraded"}""", 500, HealthStatus.Unhealthy)]
    [InlineData("""{"status":"Sleepy"}""", 200, HealthStatus.Healthy)]
    [InlineData("[]", 200, HealthStatus.Healthy)]
    public void AnythingElse_IsJudgedByTheReportWhereThereIsOne_ElseByTheStatusCode(string body, int statusCode, HealthStatus expected)
    {
        Assert.Equal(expected, HealthReportCheck.Read(body, statusCode, Health).Status);
    }

    [Fact]
    public async Task UnderAspire_TheResourceIsDegradedWithTheReason_ThenHealthyOnceTheServiceIs()
    {
        var body = Degraded;
        await using var service = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(Volatile.Read(ref body));
        });
        await using var app = IntegrationApp.Create();
        // Patience re-asks a check that is not Healthy before it reports it: short here, so Degraded shows at once.
        app.Builder.AddHealthCheckPatience(TimeSpan.FromMilliseconds(200));
        // A process that serves nothing itself: DCP's proxy on the resource's endpoint forwards to the test's server.
        app.AddProcess("svc").WithHttpEndpoint(targetPort: service.BaseAddress.Port, name: "http").WithHealthReportCheck("/health");
        await app.StartAsync();

        var degraded = await app.WaitForAsync("svc", e => e.Snapshot.HealthStatus == HealthStatus.Degraded, "Degraded");
        Assert.Contains(degraded.Snapshot.HealthReports, r => r.Description == "projection: Backing off: HttpRequestException: Connection refused");

        Volatile.Write(ref body, """{"status":"Healthy","checks":{"projection":{"status":"Healthy","description":"Projecting; checkpoint 3"}}}""");
        await app.WaitForHealthyAsync("svc");
    }
}
