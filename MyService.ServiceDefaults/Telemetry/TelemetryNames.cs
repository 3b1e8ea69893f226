namespace Microsoft.Extensions.Hosting;

/// <summary>The sources and meters .NET itself emits, which replace the OpenTelemetry.Instrumentation.* packages.</summary>
public static class TelemetryNames
{
    public static readonly string[] ActivitySources = ["Microsoft.AspNetCore", "System.Net.Http"];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
    ];

    /// <summary>Probe endpoints: polled every few seconds by ECS, the ALB and the AppHost, so never traced.</summary>
    public static readonly string[] UntracedPaths = ["/health", "/alive"];
}
