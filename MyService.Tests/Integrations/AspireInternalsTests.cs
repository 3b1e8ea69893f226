using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MyService.Hosting.Restarts;
using MyService.Hosting.Shared;

namespace MyService.Tests.Integrations;

/// <summary>
/// What MyService.Hosting takes from Aspire without a public API (<see cref="AspireInternals"/>), checked against the
/// Aspire these tests run on: each fails when Aspire 13.6 renames or changes it, before the integration silently does
/// the wrong thing.
/// </summary>
[Collection(IntegrationApp.FirstCollection)]
public sealed partial class AspireInternalsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheRandomizePortsKey_GivesAFixedPortEndpointAnotherPort_AndOffKeepsTheFixedOne(bool randomize)
    {
        var port = FreePort();
        await using var app = IntegrationApp.Create($"--{AspireInternals.RandomizePortsKey}={randomize}");
        app.AddProcess("web").WithHttpEndpoint(port: port);
        await app.StartAsync();
        await app.WaitForStateAsync("web", KnownResourceStates.Running);

        var allocated = app.App.GetEndpoint("web", "http").Port;
        if (randomize)
        {
            Assert.NotEqual(port, allocated);
        }
        else
        {
            Assert.Equal(port, allocated);
        }
    }

    [Fact]
    public async Task TheDashboard_IsTheResourceOfThatName_AndItsConsoleIsLoggedUnderTheCategoryTheCleanStopFilters()
    {
        var logs = FakeLogCollector.Create(new FakeLogCollectorOptions());
        // Aspire keeps the category at Warning; Information lets the dashboard's start-up lines through.
        await using var app = IntegrationApp.CreateWithDashboard($"--Logging:LogLevel:{AspireInternals.DashboardLogCategory}=Information");
        app.Builder.Services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
        await app.StartAsync();

        Assert.Contains(app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources, r => r.Name == AspireInternals.DashboardResourceName);
        using var cts = new CancellationTokenSource(IntegrationApp.WaitTimeout);
        FakeLogRecord? copied = null;
        await foreach (var record in logs.GetLogsAsync(cts.Token))
        {
            if (record.Category?.StartsWith(AspireInternals.DashboardLogCategory + ".", StringComparison.Ordinal) == true)
            {
                copied = record;
                break;
            }
        }

        Assert.NotNull(copied);
    }

    [Fact]
    public async Task TheDcpExecutor_LogsUnderTheCategoryTheCleanStopFilters()
    {
        var logs = FakeLogCollector.Create(new FakeLogCollectorOptions());
        await using var app = IntegrationApp.Create($"--Logging:LogLevel:{AspireInternals.DcpExecutorLogCategory}=Debug");
        app.Builder.Services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
        app.AddProcess("sleeper");
        await app.StartAsync();

        Assert.Contains(logs.GetSnapshot(), r => r.Category == AspireInternals.DcpExecutorLogCategory);
    }

    [Fact]
    public async Task TheLifecycleCommands_AreOnAResourceAboutToStart_AndTheAnnotationThatReplacesOneIsWhatRuns()
    {
        await using var app = IntegrationApp.Create();
        string[] present = [];
        var intercepted = 0;
        app.AddProcess("sleeper").OnBeforeResourceStarted((resource, _, _) =>
        {
            present = [.. resource.Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name).Where(AspireInternals.LifecycleCommands.Contains)];
            foreach (var command in AspireInternals.LifecycleCommands)
            {
                CommandInterception.Wrap(resource, command, _ =>
                {
                    Interlocked.Increment(ref intercepted);
                    return Task.CompletedTask;
                });
            }

            return Task.CompletedTask;
        });
        await app.StartAsync();
        await app.WaitForStateAsync("sleeper", KnownResourceStates.Running);
        Assert.Equal(AspireInternals.LifecycleCommands.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));

        await app.ExecuteCommandAsync("sleeper", KnownResourceCommands.StopCommand);

        Assert.Equal(1, Volatile.Read(ref intercepted));
        await app.WaitForAsync("sleeper", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), "stopped");
    }

    [Fact]
    public async Task AllOfAResourcesLog_IsFirstWhatTheAppHostWroteToIt_InOneBatch_ThenTheProcessConsole()
    {
        await using var app = IntegrationApp.Create();
        app.AddProcess("talker", "echo process-line-marker");
        await app.StartAsync();
        var resource = app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "talker");
        var logs = app.App.Services.GetRequiredService<ResourceLoggerService>();
        // Once the process's line has reached the log, the AppHost writes one of its own.
        using (var cts = new CancellationTokenSource(IntegrationApp.WaitTimeout))
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(cts.Token))
            {
                if (batch.Any(l => l.Content.Contains("process-line-marker", StringComparison.Ordinal)))
                {
                    break;
                }
            }
        }

        LogAppHostLine(logs.GetLogger(resource));

        var all = await BatchesAsync(logs.GetAllAsync(resource));
        Assert.Contains(all[0], l => l.Content.Contains("apphost-line-marker", StringComparison.Ordinal));
        Assert.DoesNotContain(all[0], l => l.Content.Contains("process-line-marker", StringComparison.Ordinal));
        var console = (await BatchesAsync(logs.ProcessConsole(resource))).SelectMany(b => b).Select(l => l.Content).ToList();
        Assert.Contains(console, l => l.Contains("process-line-marker", StringComparison.Ordinal));
        Assert.DoesNotContain(console, l => l.Contains("apphost-line-marker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AspiresOwnWait_ShowsWhatItWaitsFor_InTheNamedProperty_ByResourceId()
    {
        await using var app = IntegrationApp.Create();
        var dependency = app.AddProcess("dependency").WithExplicitStart();
        app.AddProcess("service").WaitFor(dependency);
        // The start goes on as long as the service waits: not awaited.
        _ = await app.BeginStartAsync();

        var waiting = await app.WaitForAsync("service", e => e.Snapshot.State?.Text == KnownResourceStates.Waiting
            && IntegrationApp.Property(e, AspireInternals.WaitingForProperty) is not null, "waiting, saying for what");
        // By resource id (DCP's name for the process), as the restarts name them too.
        var dependencyId = (await app.CurrentAsync("dependency")).ResourceId;
        Assert.Equal([dependencyId], IntegrationApp.Property(waiting, AspireInternals.WaitingForProperty) as IEnumerable<string>);
    }

    private static async Task<List<IReadOnlyList<LogLine>>> BatchesAsync(IAsyncEnumerable<IReadOnlyList<LogLine>> batches)
    {
        var all = new List<IReadOnlyList<LogLine>>();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        await foreach (var batch in batches.WithCancellation(cts.Token))
        {
            all.Add(batch);
        }

        return all;
    }

    /// <summary>A port the OS just handed out and nobody holds.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "apphost-line-marker")]
    private static partial void LogAppHostLine(ILogger logger);
}
