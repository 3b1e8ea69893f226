using System.Security.Cryptography;
using MyService.Hosting.OpenTelemetry.Collector;

namespace MyService.Hosting.OpenTelemetry;

/// <summary>
/// The local OpenTelemetry collector: an OTLP/HTTP receiver inside the AppHost that the services export to and that
/// forwards every payload to the Aspire dashboard and, when configured, to an upstream collector. Deployed, the
/// ADOT sidecar on <c>localhost:4318</c> takes its place.
/// </summary>
public sealed class OpenTelemetryCollectorResource(string name) : Resource(name), IResourceWithWaitSupport
{
    public const string ApiKeyHeader = OtlpReceiver.ApiKeyHeader;

    private readonly TaskCompletionSource<Uri> _endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The port to listen on; null picks a free one (the services are told which).</summary>
    public int? Port { get; internal set; }

    /// <summary>The key exporters must send in <see cref="ApiKeyHeader"/>: new for every run of the AppHost.</summary>
    public string ApiKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Upstream collector (Jaeger, Tempo, a vendor) that also gets every payload; null: none.</summary>
    public Uri? UpstreamEndpoint { get; internal set; }

    public IDictionary<string, string> UpstreamHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public CollectorCounters Counters { get; } = new();

    /// <summary>The receiver's base URL once it listens (fails if it could not start).</summary>
    public Task<Uri> Endpoint => _endpoint.Task;

    internal void SetStarted(Uri endpoint) => _endpoint.TrySetResult(endpoint);

    internal void SetFailed(Exception exception)
    {
        _endpoint.TrySetException(exception);
        // Observed here: the failure is reported on the resource, and callers check IsCompletedSuccessfully.
        _ = _endpoint.Task.Exception;
    }
}
