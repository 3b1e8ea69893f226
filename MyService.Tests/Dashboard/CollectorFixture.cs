using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.Dashboard.Telemetry;
using MyService.Hosting.OpenTelemetry;
using MyService.Tests.Hosting;

namespace MyService.Tests.Dashboard;

/// <summary>An app model with only the collector: its receiver on a random port, a known key, small limits.</summary>
public sealed class CollectorApp : IAsyncDisposable
{
    public const string ApiKey = "test-otlp-key";

    private readonly TestAppModel _model;

    private CollectorApp(TestAppModel model, DistributedApplication app)
    {
        _model = model;
        App = app;
    }

    public DistributedApplication App { get; }

    public Uri Endpoint => App.GetEndpointUri("otel-collector", OpenTelemetryCollectorResource.EndpointName);

    public TelemetryStore Store => App.Services.GetRequiredService<TelemetryStore>();

    public static async Task<CollectorApp> StartAsync(params (string Key, string Value)[] settings)
    {
        var model = new TestAppModel();
        model.Builder.Configuration["AppHost:OtlpApiKey"] = ApiKey;
        foreach (var (key, value) in settings)
        {
            model.Builder.Configuration[key] = value;
        }

        model.Builder.AddOpenTelemetryCollector("otel-collector");
        var app = await model.StartAsync();
        await app.WaitForHealthyAsync("otel-collector");
        return new CollectorApp(model, app);
    }

    /// <summary>Polls the store until <paramref name="condition"/> holds; bounded, no fixed sleep decides the outcome.</summary>
    public async Task EventuallyAsync(Func<TelemetryStore, bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        while (!condition(Store))
        {
            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }

    public ValueTask DisposeAsync() => _model.DisposeAsync();
}
