using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.Data;

namespace MyService.Tests.Integrations;

/// <summary>
/// One test's own small app model on real Aspire (DCP, random ports, no dashboard), with its data under a throw-away
/// folder (<c>AppHost:DataDirectory</c>). Disposing it stops the app, so no process it started outlives the test.
/// </summary>
internal sealed class IntegrationApp : IAsyncDisposable
{
    /// <summary>Two apps of these tests run at once (<see cref="FirstCollection"/>, <see cref="SecondCollection"/>), each with its own DCP: enough for two cores.</summary>
    public const string FirstCollection = "Integrations: Aspire apps (1 of 2)";

    public const string SecondCollection = "Integrations: Aspire apps (2 of 2)";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    /// <summary>A wait for a state: seconds when all is well; a start of DCP on a machine busy with other test runs took over 30 s.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    private readonly TestSupport.TempDirectory _data = new();
    private readonly ConcurrentQueue<(TimeSpan At, ResourceEvent Event)> _events = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stopRecording = new();
    private DistributedApplication? _app;
    private Task? _recording;
    private Task? _starting;
    private bool _stopped;

    // Aspire's public testing builder: it finds DCP through this assembly's dcpclipath metadata, which the
    // Aspire.Hosting.AppHost package reference (MyService.Tests.csproj) puts there.
    private IntegrationApp(bool dashboard, string[] args) =>
        Builder = DistributedApplicationTestingBuilder.Create(new DistributedApplicationTestingBuilderOptions { EnableDashboard = dashboard }, [$"--{AppHostData.DirectoryKey}={_data.Path}", .. args]);

    /// <param name="args">More configuration, as <c>--Key=value</c>.</param>
    public static IntegrationApp Create(params string[] args) => new(dashboard: false, args);

    /// <summary>With the real Aspire dashboard as well (its ports random too), for what talks to it.</summary>
    public static IntegrationApp CreateWithDashboard(params string[] args) => new(dashboard: true, args);

    public IDistributedApplicationTestingBuilder Builder { get; }

    public string DataDirectory => _data.Path;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not been started.");

    public ResourceNotificationService Notifications => App.ResourceNotifications;

    /// <summary>A tiny real process: <c>sleep 300</c>, or <c>sh -c script</c>.</summary>
    public IResourceBuilder<ExecutableResource> AddProcess(string name, string? script = null) => script is null
        ? Builder.AddExecutable(name, "sleep", _data.Path, "300")
        : Builder.AddExecutable(name, "sh", _data.Path, "-c", script);

    /// <summary>Builds the app (once) and from then on records every snapshot it publishes (<see cref="Events"/>).</summary>
    public async Task BuildAsync()
    {
        if (_app is not null)
        {
            return;
        }

        _app = await Builder.BuildAsync().WithTimeout();
        var events = _app.ResourceNotifications.WatchAsync(_stopRecording.Token).GetAsyncEnumerator(_stopRecording.Token);
        // The first MoveNextAsync subscribes before it returns, so no snapshot published after this line is missed.
        _recording = RecordAsync(events, events.MoveNextAsync());
    }

    public async Task StartAsync() => await await BeginStartAsync();

    /// <summary>
    /// Builds the app and starts it without waiting for the start to end: Aspire's StartAsync returns only once every
    /// resource has been started, so it waits as long as a <c>WaitFor</c> dependant waits. Await the returned task.
    /// </summary>
    public async Task<Task> BeginStartAsync()
    {
        await BuildAsync();
        return _starting = App.StartAsync().WithTimeout(StartTimeout);
    }

    /// <summary>Every snapshot published since the app was built, in the order they were published.</summary>
    public IReadOnlyList<ResourceEvent> Events => [.. _events.Select(e => e.Event)];

    /// <summary>The snapshots of one resource, each with when the test saw it (one clock for all, unlike DCP's and the AppHost's timestamps).</summary>
    public IReadOnlyList<(TimeSpan At, ResourceEvent Event)> TimelineOf(string resource) => [.. _events.Where(e => e.Event.Resource.Name == resource)];

    /// <summary>Stops the app (every process it started), once.</summary>
    public async Task StopAsync()
    {
        if (_app is not null && !_stopped)
        {
            _stopped = true;
            await _app.StopAsync().WithTimeout(StopTimeout);
        }
    }

    /// <summary>The first snapshot of <paramref name="resource"/> (the current one included) that matches.</summary>
    public async Task<ResourceEvent> WaitForAsync(string resource, Func<ResourceEvent, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? WaitTimeout;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            return await UnlessTheStartFailsAsync(Notifications.WaitForResourceAsync(resource, predicate, cts.Token)).WithTimeout(limit + TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"'{resource}' was not {what} within {limit.TotalSeconds} s; it is {await DescribeAsync(resource)}.");
        }
    }

    public Task<ResourceEvent> WaitForStateAsync(string resource, string state, TimeSpan? timeout = null) =>
        WaitForAsync(resource, e => e.Snapshot.State?.Text == state, state, timeout);

    /// <summary>Aspire's own wait: Running, every health check passing, and its ResourceReadyEvent handlers done.</summary>
    public async Task WaitForHealthyAsync(string resource, TimeSpan? timeout = null)
    {
        var limit = timeout ?? WaitTimeout;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await UnlessTheStartFailsAsync(Notifications.WaitForResourceHealthyAsync(resource, cts.Token)).WithTimeout(limit + TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"'{resource}' was not healthy within {limit.TotalSeconds} s; it is {await DescribeAsync(resource)}.");
        }
    }

    /// <summary>The wait's result, or the app's start failure if that comes first (a resource of a failed start never gets a state).</summary>
    private async Task<T> UnlessTheStartFailsAsync<T>(Task<T> waiting)
    {
        if (_starting is { } starting && await Task.WhenAny(waiting, starting) == starting && !starting.IsCompletedSuccessfully)
        {
            await starting;
        }

        return await waiting;
    }

    public Task<ResourceEvent> CurrentAsync(string resource) => WaitForAsync(resource, _ => true, "known");

    /// <summary>Every line of the resource's console so far (its process's output and what the AppHost logged to it).</summary>
    public Task<IReadOnlyList<string>> LogsAsync(string resource) => Distributed.AppResources.LogsAsync(App, resource);

    /// <summary>As <see cref="LogsAsync"/>, with an entry of several lines (a message and an exception) split into them.</summary>
    public async Task<IReadOnlyList<string>> LogLinesAsync(string resource) => [.. (await LogsAsync(resource)).SelectMany(entry => entry.Split('\n'))];

    /// <summary>Runs a resource command (as the dashboard's buttons do) and fails unless it succeeded.</summary>
    public async Task ExecuteCommandAsync(string resource, string command)
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        var result = await App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(model.Resources.Single(r => r.Name == resource), command)
            .WithTimeout(StartTimeout);
        if (!result.Success)
        {
            throw new InvalidOperationException($"'{command}' on '{resource}' failed: {result.Message}");
        }
    }

    public static object? Property(ResourceEvent resourceEvent, string name) =>
        resourceEvent.Snapshot.Properties.FirstOrDefault(p => p.Name == name)?.Value;

    /// <summary>The property as a number (resource properties are published as strings, numbers or JSON values).</summary>
    public static long? NumberProperty(ResourceEvent resourceEvent, string name) =>
        Property(resourceEvent, name) is { } value && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>The process id DCP reports for an executable (<c>executable.pid</c>).</summary>
    public static int? Pid(ResourceEvent resourceEvent) => NumberProperty(resourceEvent, "executable.pid") is { } pid ? (int)pid : null;

    /// <summary>The environment the process was started with, from /proc.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);

    private async Task<string> DescribeAsync(string resource)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            var current = await Notifications.WaitForResourceAsync(resource, _ => true, cts.Token);
            var properties = string.Join(", ", current.Snapshot.Properties.Where(p => !p.IsSensitive).Select(p => $"{p.Name}={p.Value}"));
            return $"{current.Snapshot.State?.Text ?? "(no state)"}, health {current.Snapshot.HealthStatus?.ToString() ?? "(none)"}, exit code {current.Snapshot.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} [{properties}]";
        }
        catch (OperationCanceledException)
        {
            return "unknown to the app";
        }
    }

    private async Task RecordAsync(IAsyncEnumerator<ResourceEvent> events, ValueTask<bool> first)
    {
        try
        {
            for (var next = first; await next; next = events.MoveNextAsync())
            {
                _events.Enqueue((_clock.Elapsed, events.Current));
            }
        }
        catch (OperationCanceledException) when (_stopRecording.IsCancellationRequested)
        {
            // Disposed.
        }
        finally
        {
            await events.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            // Disposed even when the stop failed: disposing the app ends DCP, and with it every process it started.
            await _stopRecording.CancelAsync();
            try
            {
                if (_app is not null)
                {
                    await _app.DisposeAsync().AsTask().WithTimeout(StopTimeout);
                }

                await Builder.DisposeAsync().AsTask().WithTimeout(StopTimeout);
                if (_recording is not null)
                {
                    await _recording.WithTimeout();
                }
            }
            finally
            {
                _stopRecording.Dispose();
                _data.Dispose();
            }
        }
    }
}
