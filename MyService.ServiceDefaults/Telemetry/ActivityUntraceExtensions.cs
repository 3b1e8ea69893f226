using System.Diagnostics;

namespace Microsoft.Extensions.Hosting;

public static class ActivityUntraceExtensions
{
    /// <summary>Leaves a started span out of every export (probes, idle polls): unrecorded spans are skipped by the export processors.</summary>
    public static void Untrace(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        activity.IsAllDataRequested = false;
    }
}
