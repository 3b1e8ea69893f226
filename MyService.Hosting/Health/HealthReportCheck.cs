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
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("status", out var overall)
                || !Enum.TryParse(overall.GetString(), ignoreCase: true, out status))
            {
                return false;
            }

            if (root.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Object)
            {
                reason = checks.EnumerateObject()
                    .Where(check => check.Value.ValueKind == JsonValueKind.Object
                        && check.Value.TryGetProperty("status", out var own) && own.GetString() != nameof(HealthStatus.Healthy))
                    .Select(check => $"{check.Name}: {Describe(check.Value)}")
                    .FirstOrDefault();
            }

            return true;
        }
        catch (JsonException)
        {
            // Not a health report (another server on the port, a proxy's error page): judged by its status code.
            return false;
        }
    }

    private static string Describe(JsonElement check) =>
        check.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String
            ? description.GetString()!
            : check.GetProperty("status").GetString()!;
}
