using System.Diagnostics;

namespace MyService.ServiceDefaults.Telemetry;

/// <summary>Drops a span that has already started, once it turns out not to be worth keeping (an idle feed read).</summary>
public static class ActivityUntraceExtensions
{
    /// <summary>
    /// What the ASP.NET Core instrumentation's filter does at the start of a request, done later: a span without
    /// <see cref="Activity.IsAllDataRequested"/> is not enriched and never reaches OpenTelemetry's processors, so no
    /// exporter sees it; clearing the recorded flag keeps child spans started after this from being sampled.
    /// </summary>
    public static void Untrace(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        activity.IsAllDataRequested = false;
    }
}
