using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using MyService.Tests.TestSupport;

namespace MyService.Tests.ServiceDefaults;

/// <summary>An OTLP/HTTP endpoint on loopback that records each export, so a test can await one that matches.</summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<OtlpExport> _exports = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private LoopbackServer? _server;

    public Uri Endpoint => _server!.BaseAddress;

    public static async Task<OtlpSink> StartAsync()
    {
        var sink = new OtlpSink();
        sink._server = await LoopbackServer.StartAsync(sink.RecordAsync);
        return sink;
    }

    /// <summary>Waits until an export to <paramref name="path"/> contains <paramref name="text"/> (UTF-8, as protobuf strings are).</summary>
    public async Task<OtlpExport> WaitForAsync(string path, string text, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TestTimeouts.Default);
        while (true)
        {
            var match = _exports.FirstOrDefault(e => e.Path == path && e.Contains(text));
            if (match is not null)
            {
                return match;
            }

            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(", ", _exports.Select(e => $"{e.Path} ({e.Body.Length} B)"));
                throw new TimeoutException($"No export to {path} containing '{text}'. Seen: {seen}");
            }
        }
    }

    public IReadOnlyList<OtlpExport> Exports => [.. _exports];

    private async Task RecordAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        _exports.Enqueue(new OtlpExport(
            context.Request.Path, context.Request.ContentType, context.Request.Headers["x-otlp-api-key"].ToString(), buffer.ToArray()));
        _arrived.Release();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _arrived.Dispose();
    }
}

public sealed record OtlpExport(string Path, string? ContentType, string ApiKey, byte[] Body)
{
    public bool Contains(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
