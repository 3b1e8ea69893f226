using System.Collections.Concurrent;
using System.Net.Http.Json;
using MyService.Tests.Api;

namespace MyService.Tests.Distributed;

/// <summary>
/// Writes users through the API until stopped, ten writes a second (creates and updates), and keeps what the API
/// acknowledged: a write that failed or timed out (the API or its proxy away) is simply not acknowledged.
/// </summary>
internal sealed class AcknowledgedWriter : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writing;
    private int _acknowledgedWrites;
    private int _disposed;

    public AcknowledgedWriter(HttpClient client)
    {
        _client = client;
        _client.Timeout = TimeSpan.FromSeconds(5);
        _writing = Task.Run(WriteAsync);
    }

    /// <summary>Each user's last acknowledged version and name.</summary>
    public ConcurrentDictionary<long, (long Version, string Name)> Acknowledged { get; } = new();

    public int AcknowledgedWrites => Volatile.Read(ref _acknowledgedWrites);

    /// <summary>Waits until <paramref name="more"/> further writes have been acknowledged: writes are going on.</summary>
    public Task WaitForMoreAsync(int more, TimeSpan timeout)
    {
        var target = AcknowledgedWrites + more;
        return ProjectionReader.EventuallyAsync(() => Task.FromResult(AcknowledgedWrites >= target || _writing.IsCompleted), timeout, $"{more} more acknowledged writes");
    }

    /// <summary>Stops writing (once; later calls do nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await _writing.WithTimeout();
        _stop.Dispose();
        _client.Dispose();
    }

    private async Task WriteAsync()
    {
        // Pacing, not a wait for readiness: a steady trickle of writes around every kill, which the worker keeps up
        // with on two busy cores (DynamoDB Local on disk), so the test times the recovery rather than a backlog.
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var write = 0; await NextAsync(pace); write++)
        {
            var ids = Acknowledged.Keys.ToArray();
            var name = $"Write {write}";
            try
            {
                using var response = write % 4 == 0 || ids.Length == 0
                    ? await _client.PostUserAsync($"f{Guid.NewGuid():N}@example.com", name)
                    : await _client.PutAsJsonAsync($"/users/{ids[write % ids.Length]}", new { email = $"f{write}-{Guid.NewGuid():N}@example.com", name });
                if (response.IsSuccessStatusCode)
                {
                    var user = await response.ReadJsonAsync();
                    Acknowledged[user.GetProperty("id").GetInt64()] = (user.GetProperty("version").GetInt64(), name);
                    Interlocked.Increment(ref _acknowledgedWrites);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                // Not acknowledged: the API was away (killed, restarting). The next write tries again.
            }
        }
    }

    private async Task<bool> NextAsync(PeriodicTimer pace)
    {
        try
        {
            return await pace.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
