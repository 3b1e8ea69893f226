using System.Runtime.CompilerServices;

namespace MyService.Hosting.Shared;

/// <summary>
/// What MyService.Hosting relies on in Aspire 13.6 that Aspire has no public API for, in one place: names read from
/// Aspire's source where its own constant is internal, and the few behaviours the integrations build on. Each says
/// what it depends on; MyService.Tests/Integrations/AspireInternalsTests fails when Aspire changes one of them.
/// Where a public API exists, the code uses it instead (the collector takes the dashboard's OTLP endpoint and key from
/// Aspire's own exporter environment, <c>OpenTelemetry/DashboardOtlp.cs</c>; commands are named by
/// <see cref="KnownResourceCommands"/>).
/// </summary>
internal static class AspireInternals
{
    /// <summary>
    /// The configuration key of DCP's option to give every endpoint a random port (<c>DcpOptions.RandomizePorts</c>,
    /// bound from the section <c>DcpPublisher</c>; both internal). Aspire.Hosting.Testing turns it on by default; the
    /// fixed-port check skips itself when it is on, since no fixed port is then used.
    /// </summary>
    public const string RandomizePortsKey = "DcpPublisher:RandomizePorts";

    /// <summary>
    /// The name of the dashboard's resource in the model (<c>KnownResourceNames.AspireDashboard</c>, internal): the
    /// fixed-port check names a taken dashboard port after it, as Aspire's own messages do.
    /// </summary>
    public const string DashboardResourceName = "aspire-dashboard";

    /// <summary>
    /// The logger category under which Aspire copies the dashboard resource's console into the AppHost's log
    /// (<c>DashboardEventHandlers</c>, internal; the dashboard's own categories go below it). The clean stop filters
    /// the cancellation errors a cut-short start makes it log there.
    /// </summary>
    public const string DashboardLogCategory = "Aspire.Hosting.Dashboard";

    /// <summary>
    /// The category of Aspire's DCP executor (<c>DcpExecutor</c>, internal), under which it logs "Unexpected error
    /// happened when capturing logs" with a stack trace when DCP closes a resource's log stream during a stop. The
    /// clean stop filters its errors once a stop has been asked for.
    /// </summary>
    public const string DcpExecutorLogCategory = "Aspire.Hosting.Dcp.DcpExecutor";

    /// <summary>
    /// The property in which Aspire's own wait shows what a Waiting resource waits for, by resource id
    /// (<c>KnownProperties.Resource.WaitingFor</c>, internal; the dashboard shows it as "waiting for"). A restart that
    /// waits for its dependencies shows itself with it.
    /// </summary>
    public const string WaitingForProperty = "resource.waitingFor";

    /// <summary>
    /// The lifecycle commands Aspire puts on every resource DCP runs (<c>AddLifeCycleCommands</c>, internal), as
    /// <see cref="ResourceCommandAnnotation"/>s: added when DCP prepares the resource (after <c>BeforeStartEvent</c>,
    /// before its <c>BeforeResourceStartedEvent</c>), and looked up by name in the resource's annotations each time one
    /// runs, from the dashboard or <see cref="ResourceCommandService"/>. The restart policy replaces these three with
    /// wrappers (<c>Restarts/CommandInterception.cs</c>) to tell a stop someone asked for from a crash.
    /// </summary>
    public static IReadOnlyList<string> LifecycleCommands { get; } =
        [KnownResourceCommands.StartCommand, KnownResourceCommands.StopCommand, KnownResourceCommands.RestartCommand];

    /// <summary>
    /// A resource's console as its process wrote it: <see cref="ResourceLoggerService.GetAllAsync(IResource)"/> yields
    /// first, as one batch, what the AppHost wrote to the resource's logger (its in-memory entries: the restart
    /// policy's own lines among them), then the process's console as DCP kept it. Only the first batch is skipped;
    /// Aspire documents none of this order.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<LogLine>> ProcessConsole(
        this ResourceLoggerService logs, IResource resource, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var appHostLines = true;
        await foreach (var batch in logs.GetAllAsync(resource).WithCancellation(cancellationToken))
        {
            if (appHostLines)
            {
                appHostLines = false;
                continue;
            }

            yield return batch;
        }
    }
}
