using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Does for the ASP.NET Core server span what OpenTelemetry.Instrumentation.AspNetCore would: drops probe requests
/// and names the span after its route with the HTTP semantic-convention tags.
/// </summary>
internal sealed class HttpServerTracingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var activity = Activity.Current;
        if (activity is null || activity.Source.Name != "Microsoft.AspNetCore")
        {
            await next(context);
            return;
        }

        if (IsUntraced(context.Request.Path))
        {
            activity.Untrace();
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            Enrich(activity, context);
        }
    }

    private static bool IsUntraced(PathString path) =>
        Array.Exists(TelemetryNames.UntracedPaths, p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static void Enrich(Activity activity, HttpContext context)
    {
        var request = context.Request;
        // A group's "/" route reads "/users/"; the span name drops that slash, the http.route tag keeps the template.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var name = route is { Length: > 1 } ? route.TrimEnd('/') : route;
        activity.DisplayName = name is null ? request.Method : $"{request.Method} {name}";
        SetIfMissing(activity, "http.request.method", request.Method);
        SetIfMissing(activity, "url.path", request.Path.Value);
        SetIfMissing(activity, "url.scheme", request.Scheme);
        SetIfMissing(activity, "http.route", route);
        activity.SetTag("http.response.status_code", context.Response.StatusCode);
        if (context.Response.StatusCode >= 500)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    private static void SetIfMissing(Activity activity, string name, string? value)
    {
        if (value is not null && activity.GetTagItem(name) is null)
        {
            activity.SetTag(name, value);
        }
    }
}
