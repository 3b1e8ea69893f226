using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MyService.Hosting.Dashboard.Otlp;

/// <summary>
/// The OTLP/HTTP receiver of the collector resource: POST /v1/traces, /v1/metrics, /v1/logs with protobuf bodies,
/// on loopback only. A wrong or missing x-otlp-api-key is 401; a body that does not parse is 400 and changes nothing.
/// </summary>
internal sealed class OtlpReceiver(OtlpIngestor ingestor, OtlpForwarder forwarder)
{
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/>; dispose to stop.</summary>
    public async Task<IAsyncDisposable> StartAsync(int port, string apiKey, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        var app = builder.Build();
        var expectedKey = Encoding.UTF8.GetBytes(apiKey);
        foreach (var signal in Enum.GetValues<OtlpSignal>())
        {
            app.MapPost($"/v1/{signal.ToString().ToLowerInvariant()}", (Func<HttpContext, Task<IResult>>)(context => ReceiveAsync(context, signal, expectedKey)));
        }

        await app.StartAsync(cancellationToken);
        return new RunningServer(app);
    }

    private async Task<IResult> ReceiveAsync(HttpContext context, OtlpSignal signal, byte[] expectedKey)
    {
        var key = Encoding.UTF8.GetBytes(context.Request.Headers["x-otlp-api-key"].ToString());
        if (!CryptographicOperations.FixedTimeEquals(key, expectedKey))
        {
            return Results.Text("Missing or wrong x-otlp-api-key header.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (context.Request.ContentType?.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Results.Text("Send OTLP as application/x-protobuf (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        try
        {
            ingestor.Ingest(signal, body);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return Results.Text($"The body is not an OTLP {signal} export request: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        forwarder.Enqueue(signal, body);
        // An empty Export*ServiceResponse: full success.
        return Results.Bytes([], "application/x-protobuf");
    }

}

/// <summary>A web server started inside the AppHost: disposing stops it, then releases it.</summary>
internal sealed class RunningServer(WebApplication app) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
