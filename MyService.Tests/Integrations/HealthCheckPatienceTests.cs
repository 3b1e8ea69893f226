using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MyService.Hosting.Health;

namespace MyService.Tests.Integrations;

/// <summary>Health check patience: a resource is reported Healthy as soon as it answers, not at Aspire's next check.</summary>
public sealed class HealthCheckPatienceTests
{
    private static readonly HealthCheckContext Context = new() { Registration = new HealthCheckRegistration("x", Substitute(), null, null) };

    [Fact]
    public async Task AsksAgainUntilHealthy_ThenAnswersAtOnce()
    {
        var calls = 0;
        var check = new PatientHealthCheck(new Delegated(() => ++calls < 3 ? HealthCheckResult.Unhealthy("not yet") : HealthCheckResult.Healthy()), TimeSpan.FromSeconds(10), new SteppingClock(TimeSpan.Zero), new());

        var result = await check.CheckHealthAsync(Context).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(3, calls);
        await check.CheckHealthAsync(Context).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, calls);
    }

    [Fact]
    public async Task AfterAHealthyReport_TheFirstBadAnswerIsReportedAtOnce_ThenPatienceAgainForTheRecovery()
    {
        var answers = new Queue<HealthStatus>([HealthStatus.Healthy, HealthStatus.Unhealthy, HealthStatus.Unhealthy, HealthStatus.Degraded, HealthStatus.Healthy]);
        var calls = 0;
        var last = new PatientHealthCheck.LastReport();
        // A new instance per run, as HealthCheckService makes them; what was last reported is the registration's.
        PatientHealthCheck Check() => new(new Delegated(() => { calls++; return new HealthCheckResult(answers.Dequeue()); }), TimeSpan.FromSeconds(10), new SteppingClock(TimeSpan.Zero), last);

        Assert.Equal(HealthStatus.Healthy, (await Check().CheckHealthAsync(Context).WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(HealthStatus.Unhealthy, (await Check().CheckHealthAsync(Context).WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(2, calls);
        Assert.Equal(HealthStatus.Healthy, (await Check().CheckHealthAsync(Context).WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(5, calls);
    }

    [Fact]
    public async Task A_resource_starting_again_gets_its_patience_back()
    {
        var answers = new Queue<HealthStatus>([HealthStatus.Healthy, HealthStatus.Unhealthy, HealthStatus.Healthy]);
        var calls = 0;
        var options = new HealthCheckServiceOptions();
        options.Registrations.Add(new HealthCheckRegistration("service_check", _ => new Delegated(() => { calls++; return new HealthCheckResult(answers.Dequeue()); }), null, null));
        var patience = new HealthCheckPatience(TimeSpan.FromSeconds(10));
        patience.PostConfigure(null, options);
        var registration = options.Registrations.Single();
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(new SteppingClock(TimeSpan.Zero)).BuildServiceProvider();
        var resource = new ContainerResource("service");
        resource.Annotations.Add(new HealthCheckAnnotation("service_check"));

        Assert.Equal(HealthStatus.Healthy, (await registration.Factory(services).CheckHealthAsync(Context).WaitAsync(TimeSpan.FromSeconds(10))).Status);
        patience.Forget(resource);
        // Restarted: the Unhealthy answer of a process still starting is asked again, not reported at once.
        Assert.Equal(HealthStatus.Healthy, (await registration.Factory(services).CheckHealthAsync(Context).WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task NeverHealthy_ReportsTheLastResultOncePatienceIsSpent()
    {
        var calls = 0;
        // Each reading of the clock is 200 ms later: the second answer leaves less than a poll of the 450 ms.
        var check = new PatientHealthCheck(new Delegated(() => HealthCheckResult.Degraded($"answer {++calls}")), TimeSpan.FromMilliseconds(450), new SteppingClock(TimeSpan.FromMilliseconds(200)), new());

        var result = await check.CheckHealthAsync(Context).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("answer 2", result.Description);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task StopsAsking_WhenCancelled()
    {
        var check = new PatientHealthCheck(new Delegated(() => HealthCheckResult.Unhealthy()), TimeSpan.FromMinutes(5), TimeProvider.System, new());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.CheckHealthAsync(Context, cancel.Token).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void WrapsEveryResourceCheck_AspiresHttpCheckToo()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = [], DisableDashboard = true });
        builder.AddExecutable("service", "service", ".").WithHttpEndpoint(port: 1, name: "http").WithHttpHealthCheck("/health");
        builder.Services.AddHealthChecks().AddCheck("own", () => HealthCheckResult.Healthy());
        builder.AddHealthCheckPatience();
        builder.AddHealthCheckPatience(TimeSpan.FromSeconds(1));

        using var services = builder.Services.BuildServiceProvider();
        var registrations = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Equal(2, registrations.Count);
        Assert.All(registrations, r => Assert.IsType<PatientHealthCheck>(r.Factory(services)));
    }

    private static Func<IServiceProvider, IHealthCheck> Substitute() => _ => new Delegated(() => HealthCheckResult.Healthy());

    /// <summary>A clock that moves on by <paramref name="step"/> each time it is read; its timers are real.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _now, step.Ticks);
    }

    private sealed class Delegated(Func<HealthCheckResult> answer) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Task.FromResult(answer());
    }
}
