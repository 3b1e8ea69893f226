using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.Stopping;

namespace MyService.Hosting;

public static partial class CleanStopBuilderExtensions
{
    private const string LogCategory = "MyService.AppHost";

    /// <summary>How long a stop that cut the start short waits for a DCP that has not answered yet.</summary>
    private static readonly TimeSpan CutShortStopTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Builds and runs the app as <c>builder.Build().Run()</c> does, except that Ctrl+C or SIGTERM at any moment,
    /// including while resources are still being created or waited for, stops every process the AppHost started and
    /// says so in one line. Aspire's <c>Run</c> returns without stopping its host when the stop cuts the start short:
    /// its host logs "Hosting failed to start" with a stack trace, and DCP, never told to stop, ends the processes
    /// only once it notices the AppHost has gone (about 10 s). In publish mode a failed pipeline fails the process.
    /// </summary>
    public static async Task RunWithCleanStopAsync(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.ExecutionContext.IsRunMode)
        {
            // Publish mode keeps every error its pipeline logs.
            CancelledStartLogFilter.AddTo(builder.Services);
        }

        // Aspire allocates a resource's endpoints only once DCP's API server has created its services: from the first
        // allocation on, DCP answers and a stop is let take what it needs.
        var dcpAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        builder.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>((_, _) =>
        {
            dcpAnswered.TrySetResult();
            return Task.CompletedTask;
        });

        // Disposed as Run disposes it: DCP's client, the dashboard and the services go with it.
        await using var app = builder.Build();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        long stopAsked = 0;
        using var registration = lifetime.ApplicationStopping.Register(() => stopAsked = Stopwatch.GetTimestamp());
        try
        {
            await app.StartAsync();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopped while starting: what Aspire's Run leaves out. Stopping the host stops DCP, which waits for every
            // process it started (DcpPublisher:WaitForResourceCleanup) before it exits. Bounded only while DCP has not
            // answered yet: a stop that lands while DCP itself is starting (the same Ctrl+C reaches its starting process)
            // would wait the host's whole shutdown timeout (30 s) for an API server that never answers; DCP's own monitor
            // of this process (--monitor) ends whatever it did start once the AppHost has exited. A stop cancelled once
            // DCP answers would leave its cleanup half done.
            using var deadline = dcpAnswered.Task.IsCompleted ? new CancellationTokenSource() : new CancellationTokenSource(CutShortStopTimeout);
            try
            {
                await app.StopAsync(deadline.Token);
                LogStopped(app, builder, Stopwatch.GetElapsedTime(stopAsked), " while it was starting");
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                var (logger, seconds) = (app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory), Stopwatch.GetElapsedTime(stopAsked).TotalSeconds);
                LogStoppedBeforeDcp(logger, seconds);
            }

            return;
        }

        // As Run does: until a stop is asked for (or publishing ends), then the host stops.
        await app.WaitForShutdownAsync();
        LogStopped(app, builder, Stopwatch.GetElapsedTime(stopAsked), "");
        if (HasFailed(app.Services.GetServices<IHostedService>()) && Environment.ExitCode == 0)
        {
            Environment.ExitCode = 1;
        }
    }

    /// <summary>
    /// Whether a background service of the app ended with an exception. Under plain <c>dotnet run</c> Aspire's pipeline
    /// executor (a background service) rethrows a failed step, the host stops and <c>Run()</c> returns normally: exit 0.
    /// (Under the Aspire CLI the failure goes over the backchannel and the CLI exits non-zero.)
    /// </summary>
    internal static bool HasFailed(IEnumerable<IHostedService> hostedServices) =>
        hostedServices.OfType<BackgroundService>().Any(s => s.ExecuteTask is { IsFaulted: true });

    private static void LogStopped(DistributedApplication app, IDistributedApplicationBuilder builder, TimeSpan elapsed, string when)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
            LogStopped(logger, when, elapsed.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped{When}: every process it started has ended ({Seconds:0.0} s after the stop was asked for)")]
    private static partial void LogStopped(ILogger logger, string when, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped while DCP was starting ({Seconds:0.0} s after the stop was asked for); DCP ends what it started once it sees the AppHost gone")]
    private static partial void LogStoppedBeforeDcp(ILogger logger, double seconds);
}
