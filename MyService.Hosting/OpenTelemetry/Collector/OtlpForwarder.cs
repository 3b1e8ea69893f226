using System.Net.Http.Headers;
using System.Threading.Channels;

namespace MyService.Hosting.OpenTelemetry.Collector;

/// <summary>
/// Sends every accepted payload, unchanged, to one destination. A bounded queue that drops its oldest payload when
/// full, and a few retries: a slow or absent destination never blocks ingest or the other destinations.
/// </summary>
internal sealed partial class OtlpForwarder : IAsyncDisposable
{
    public const int QueueCapacity = 1_000;
    private const int Attempts = 3;

    private readonly Channel<(OtlpSignal Signal, byte[] Body)> _queue;
    private readonly HttpClient _client;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _forwarded;
    private long _dropped;

    /// <summary>Payloads given up on since the destination last accepted one; only the send loop touches it.</summary>
    private long _droppedInOutage;

    public OtlpForwarder(OtlpDestination destination, HttpClient client, ILogger logger)
    {
        Destination = destination;
        _client = client;
        _logger = logger;
        _queue = Channel.CreateBounded<(OtlpSignal, byte[])>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        _loop = Task.Run(() => SendLoopAsync(_stopping.Token));
    }

    public OtlpDestination Destination { get; }

    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Payloads pushed out of a full queue, or given up on after the retries.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Enqueue(OtlpSignal signal, byte[] body) => _queue.Writer.TryWrite((signal, body));

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (signal, body) in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                await SendWithRetriesAsync(signal, body, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is dropped with the process.
        }
    }

    private async Task SendWithRetriesAsync(OtlpSignal signal, byte[] body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (Destination.Current is { } target && await TrySendAsync(target, new Uri(target.Endpoint, $"v1/{signal.ToString().ToLowerInvariant()}"), body, cancellationToken))
            {
                Interlocked.Increment(ref _forwarded);
                if (_droppedInOutage > 0)
                {
                    LogRecovered(_logger, Destination.Name, _droppedInOutage);
                    _droppedInOutage = 0;
                }

                return;
            }

            if (attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }

        Interlocked.Increment(ref _dropped);
        // One line when an outage starts and one when it ends, not one per payload (a payload a second per signal).
        if (_droppedInOutage++ == 0)
        {
            LogDropping(_logger, Destination.Name, signal);
        }
    }

    private async Task<bool> TrySendAsync(OtlpTarget target, Uri url, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        foreach (var (name, value) in target.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Destination} does not accept OTLP payloads (first: {Signal}); dropping them until it does")]
    private static partial void LogDropping(ILogger logger, string destination, OtlpSignal signal);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Destination} accepts OTLP payloads again; {Dropped} were dropped meanwhile")]
    private static partial void LogRecovered(ILogger logger, string destination, long dropped);
}
