using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MyService.Hosting.Dashboard.Telemetry;
using MyService.Hosting.Orchestration;

namespace MyService.Hosting.Dashboard.Web;

/// <summary>
/// The JSON the pages poll:
///   GET  /api/resources                          snapshots (secrets already masked)
///   POST /api/resources/{name}/{command}         start | stop | restart
///   GET  /api/console/{name}?after=N             console lines after line N
///   GET  /api/logs?resource=&amp;level=&amp;q=         structured logs, newest first
///   GET  /api/traces?resource=&amp;status=           trace summaries, newest first
///   GET  /api/traces/{traceId}                   the spans of one trace
///   GET  /api/metrics/{resource}                 instruments and their series
///   GET  /api/metrics/{resource}/{instrument}    the points of every series
/// </summary>
internal static class DashboardApi
{
    private const int MaxLines = 2_000;
    private const int MaxRows = 500;
    private static readonly string[] Levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    public static void MapDashboardApi(this IEndpointRouteBuilder app, DashboardServices services)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/resources", () => Results.Json(services.Notifications.Current));
        api.MapPost("/resources/{name}/{command}", (string name, string command) => ExecuteAsync(services, name, command));
        api.MapGet("/console/{name}", (string name, long? after) => Console(services, name, after ?? 0));
        api.MapGet("/logs", (string? resource, string? level, string? q) => Logs(services.Telemetry, resource, level, q));
        api.MapGet("/traces", (string? resource, string? status) => Traces(services.Telemetry, resource, status));
        api.MapGet("/traces/{traceId}", (string traceId) => Results.Json(new { spans = services.Telemetry.Trace(traceId) }));
        api.MapGet("/metrics/{resource}", (string resource) => Instruments(services.Telemetry, resource));
        api.MapGet("/metrics/{resource}/{instrument}", (string resource, string instrument) => Instrument(services.Telemetry, resource, instrument));
    }

    private static async Task<IResult> ExecuteAsync(DashboardServices services, string name, string command)
    {
        if (services.Notifications.Get(name) is null)
        {
            return Results.NotFound(new { error = $"There is no resource named '{name}'." });
        }

        var result = await services.Commands.ExecuteCommandAsync(name, command);
        return result.Success ? Results.Ok(new { success = true }) : Results.BadRequest(new { error = result.ErrorMessage });
    }

    private static IResult Console(DashboardServices services, string name, long after)
    {
        var lines = services.Logs.GetLines(name, after).TakeLast(MaxLines).ToList();
        return Results.Json(new { lines, last = lines.Count > 0 ? lines[^1].LineNumber : after });
    }

    private static IResult Logs(TelemetryStore store, string? resource, string? level, string? q)
    {
        var minimum = Array.IndexOf(Levels, level ?? "Trace");
        var entries = store.Logs(Empty(resource))
            .Where(l => Array.IndexOf(Levels, l.Level) >= minimum)
            .Where(l => string.IsNullOrWhiteSpace(q) || l.Message.Contains(q, StringComparison.OrdinalIgnoreCase)
                || l.Attributes.Any(a => a.Value.Contains(q, StringComparison.OrdinalIgnoreCase)))
            .Reverse().Take(MaxRows);
        return Results.Json(new { entries, resources = store.Resources });
    }

    private static IResult Traces(TelemetryStore store, string? resource, string? status)
    {
        var traces = store.Traces(Empty(resource)).Where(t => status switch
        {
            "error" => t.ErrorCount > 0,
            "ok" => t.ErrorCount == 0,
            _ => true,
        }).Take(MaxRows);
        return Results.Json(new { traces, resources = store.Resources });
    }

    private static IResult Instruments(TelemetryStore store, string resource) => Results.Json(new
    {
        instruments = store.Instruments(resource).Select(i => new { i.Name, i.Description, i.Unit, i.Type, series = i.Series.Select(s => s.Key).Order(StringComparer.Ordinal) }),
        resources = store.Resources,
    });

    private static IResult Instrument(TelemetryStore store, string resource, string instrument)
    {
        var found = store.Instruments(resource).FirstOrDefault(i => i.Name == instrument);
        return found is null
            ? Results.NotFound(new { error = $"'{resource}' has not reported '{instrument}'." })
            : Results.Json(new { found.Name, found.Description, found.Unit, found.Type, series = found.Series.Select(s => new { s.Key, s.Points }) });
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
