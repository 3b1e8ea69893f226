using System.Net;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MyService.Hosting.OpenTelemetry.Collector;

/// <summary>
/// The collector's OTLP/HTTP receiver, inside the AppHost: POST /v1/traces, /v1/metrics, /v1/logs with protobuf bodies,
/// on loopback only. A missing or wrong <c>x-otlp-api-key</c> is 401, a body that is not OTLP 400, another media type
/// 415, a body over <see cref="MaxBodyBytes"/> 413; an accepted body goes unchanged to every forwarder.
/// </summary>
internal sealed class OtlpReceiver(CollectorCounters counters, IReadOnlyList<OtlpForwarder> forwarders) : IAsyncDisposable
{
    public const string ApiKeyHeader = "x-otlp-api-key";
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    private WebApplication? _app;

    /// <summary>Listens on 127.0.0.1:<paramref name="port"/> (0: a free port) and returns the base URL.</summary>
    public async Task<Uri> StartAsync(int port, string apiKey, CancellationToken cancellationToken)
    {
        // An empty builder: no ASPNETCORE_*/Kestrel__* variables and no appsettings of the AppHost's current folder
        // reach this server; it is configured here and nowhere else.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = MaxBodyBytes;
            o.Listen(IPAddress.Loopback, port);
        });
        builder.Services.AddRoutingCore();
        _app = builder.Build();
        var expectedKey = Encoding.UTF8.GetBytes(apiKey);
        foreach (var signal in Enum.GetValues<OtlpSignal>())
        {
            _app.MapPost($"/v1/{signal.ToString().ToLowerInvariant()}", (Func<HttpContext, Task<IResult>>)(context => ReceiveAsync(context, signal, expectedKey)));
        }

        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    private async Task<IResult> ReceiveAsync(HttpContext context, OtlpSignal signal, byte[] expectedKey)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers[ApiKeyHeader].ToString()), expectedKey))
        {
            counters.AddRejected();
            return Results.Text($"Missing or wrong {ApiKeyHeader} header.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (context.Request.ContentType?.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase) != true)
        {
            counters.AddRejected();
            return Results.Text("Send OTLP as application/x-protobuf (OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            counters.AddRejected();
            return Results.Text($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(context.Request);
        }
        catch (BadHttpRequestException ex)
        {
            // A chunked body past the limit (413) or one cut short (400): Kestrel's answer, counted as a rejection.
            counters.AddRejected();
            return Results.Text(ex.Message, statusCode: ex.StatusCode);
        }
        catch (EndOfStreamException)
        {
            counters.AddRejected();
            return Results.Text("The body ended before its Content-Length.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            counters.AddReceived(OtlpPayload.Count(signal, body));
        }
        catch (InvalidProtocolBufferException ex)
        {
            counters.AddRejected();
            return Results.Text($"The body is not an OTLP {signal} export request: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        foreach (var forwarder in forwarders)
        {
            forwarder.Enqueue(signal, body);
        }

        // An empty Export*ServiceResponse: full success.
        return Results.Bytes([], "application/x-protobuf");
    }

    /// <summary>The body as the one array the forwarders queue: read straight into it when its length is known (exporters send it).</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is { } length)
        {
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, request.HttpContext.RequestAborted);
            return body;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
