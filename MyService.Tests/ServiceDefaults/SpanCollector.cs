using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace MyService.Tests.ServiceDefaults;

/// <summary>
/// An OpenTelemetry span processor that keeps every span the provider hands on, which is what an exporter would get
/// (unrecorded and filtered spans never reach processors), so a test can await one that matches.
/// </summary>
public sealed class SpanCollector : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly SemaphoreSlim _ended = new(0);

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public override void OnEnd(Activity data)
    {
        _spans.Enqueue(data);
        _ended.Release();
    }

    /// <summary>Waits until a span that matches <paramref name="match"/> has ended.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TestTimeouts.Default);
        while (true)
        {
            if (_spans.FirstOrDefault(match) is { } span)
            {
                return span;
            }

            try
            {
                await _ended.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching span ended. Seen: {string.Join(", ", _spans.Select(s => $"{s.Kind} {s.DisplayName}"))}");
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ended.Dispose();
        }

        base.Dispose(disposing);
    }
}
