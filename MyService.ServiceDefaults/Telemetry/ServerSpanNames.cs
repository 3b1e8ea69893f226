using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace MyService.ServiceDefaults.Telemetry;

/// <summary>The server span's name, after OpenTelemetry.Instrumentation.AspNetCore named it after the route.</summary>
public static class ServerSpanNames
{
    /// <summary>
    /// A route group's <c>MapGet("/")</c> has the route text <c>/users/</c>, so the instrumentation names its span
    /// <c>GET /users/</c>; the span is named <c>GET /users</c> instead, as the request is written. The
    /// <c>http.route</c> tag keeps the template as the instrumentation set it.
    /// </summary>
    public static void TrimTrailingSlash(Activity activity, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var name = activity.DisplayName;
        if (name.Length > 2 && name[^1] == '/' && name[^2] != ' ')
        {
            activity.DisplayName = name[..^1];
        }
    }
}
