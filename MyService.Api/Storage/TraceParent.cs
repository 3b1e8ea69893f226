using System.Diagnostics;

namespace MyService.Api.Storage;

internal static class TraceParent
{
    /// <summary>The W3C traceparent of the current request, stored with its change events so consumers continue the trace.</summary>
    public static string? Current() => Of(Activity.Current);

    /// <summary>The W3C traceparent of <paramref name="activity"/>, if it is one.</summary>
    public static string? Of(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;
}
