using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.ServiceDefaults.Health;

/// <summary>Writes a health report as JSON: overall status, duration and each check's status and description.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new HealthReportBody(
            report.Status.ToString(),
            Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            report.Entries.ToDictionary(
                e => e.Key,
                e => new HealthCheckBody(
                    e.Value.Status.ToString(),
                    e.Value.Description ?? e.Value.Exception?.Message,
                    Math.Round(e.Value.Duration.TotalMilliseconds, 1))));
        // Web defaults: the camelCase names the body has always had (status, totalDurationMs, checks).
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, cancellationToken: context.RequestAborted);
    }
}
