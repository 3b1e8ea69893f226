using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Hosting.Health;

/// <summary>
/// Reads a service's health report (the JSON its <c>/health</c> answers: <c>status</c> and each check's
/// <c>status</c> and <c>description</c>) instead of only its status code, so that a service that answers 200 while
/// Degraded (the worker backing off from an absent API or DynamoDB: a restart would not help, so its container check
/// passes) is Degraded on its resource too, with the check's own words, and not Healthy as a status-code check says.
/// </summary>
internal sealed class HealthReportCheck(EndpointReference endpoint, string path, Func<HttpClient> client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(new Uri(endpoint.Url), path);
        try
        {
            using var response = await client().GetAsync(uri, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return Read(body, (int)response.StatusCode, uri);
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"{uri} did not answer: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{uri} did not answer within the client's timeout");
        }
    }

    /// <summary>The report's status, said by its first check that is not Healthy; 200 without a report is Healthy, anything else Unhealthy.</summary>
    internal static HealthCheckResult Read(string body, int statusCode, Uri uri)
    {
        var healthyCode = statusCode == 200;
        if (!TryParse(body, out var status, out var reason))
        {
            return healthyCode ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{uri} answered {statusCode}");
        }

        return status switch
        {
            HealthStatus.Healthy when healthyCode => HealthCheckResult.Healthy(reason),
            HealthStatus.Degraded when healthyCode => HealthCheckResult.Degraded(reason),
            _ => HealthCheckResult.Unhealthy(reason ?? $"{uri} answered {statusCode}"),
        };
    }

    private static bool TryParse(string body, out HealthStatus status, out string? reason)
    {
        status = HealthStatus.Unhealthy;
        reason = null;
        Report? report;
        try
        {
            report = JsonSerializer.Deserialize<Report>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            // Not a health report (another server on the port, a proxy's error page): judged by its status code.
            return false;
        }

        if (report?.Status is null || !Enum.TryParse(report.Status, ignoreCase: true, out status))
        {
            return false;
        }

        reason = report.Checks?
            .Where(check => check.Value?.Status is { } own && own != nameof(HealthStatus.Healthy))
            .Select(check => $"{check.Key}: {check.Value!.Description ?? check.Value.Status}")
            .FirstOrDefault();
        return true;
    }

    /// <summary>The part of the services' health report (ServiceDefaults' HealthReportBody) read here.</summary>
    private sealed record Report(string? Status, Dictionary<string, Check?>? Checks);

    private sealed record Check(string? Status, string? Description);
}
