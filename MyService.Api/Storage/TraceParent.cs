using System.Diagnostics;

namespace MyService.Api.Storage;

internal static class TraceParent
{
    /// <summary>The W3C traceparent of the current request, stored with its change events so consumers continue the trace.</summary>
    public static string? Current() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
}
