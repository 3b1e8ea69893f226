using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MyService.Hosting.Dashboard.Otlp;

/// <summary>
/// Sends every accepted OTLP payload on to <c>Collector:Upstream:Endpoint</c> (Jaeger, Tempo, a vendor), with the
/// headers in <c>Collector:Upstream:Headers</c> ("k1=v1,k2=v2"). A bounded queue that drops its oldest payload
/// when full, and a few retries, so a slow or dead upstream never blocks ingest.
/// </summary>
internal sealed partial class OtlpForwarder(IConfiguration configuration, IHttpClientFactory http, ILogger<OtlpForwarder> logger) : BackgroundService
{
    public const string ClientName = "otlp-upstream";
    private const int QueueCapacity = 1_000;
    private const int Attempts = 3;

    private readonly Channel<(OtlpSignal Signal, byte[] Body)> _queue =
        Channel.CreateBounded<(OtlpSignal, byte[])>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest });

    private Uri? Upstream => configuration["Collector:Upstream:Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint.TrimEnd('/') + "/") : null;

    public bool IsEnabled => Upstream is not null;

    public void Enqueue(OtlpSignal signal, byte[] body)
    {
        if (IsEnabled)
        {
            _queue.Writer.TryWrite((signal, body));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Upstream is not { } upstream)
        {
            return;
        }

        var client = http.CreateClient(ClientName);
        await foreach (var (signal, body) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var url = new Uri(upstream, $"v1/{signal.ToString().ToLowerInvariant()}");
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                if (await TrySendAsync(client, url, body, stoppingToken))
                {
                    break;
                }

                if (attempt == Attempts)
                {
                    LogDropped(logger, signal, url);
                }
                else
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), stoppingToken);
                }
            }
        }
    }

    private async Task<bool> TrySendAsync(HttpClient client, Uri url, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        foreach (var header in (configuration["Collector:Upstream:Headers"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = header.Split('=', 2);
            if (parts.Length == 2)
            {
                request.Headers.TryAddWithoutValidation(parts[0].Trim(), parts[1].Trim());
            }
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped an OTLP {Signal} payload: the upstream {Url} did not accept it")]
    private static partial void LogDropped(ILogger logger, OtlpSignal signal, Uri url);
}
