using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MyService.Hosting.Orchestration;

/// <summary>One console line of a resource: numbered, timestamped, with its stream.</summary>
public sealed record LogLine(long LineNumber, DateTimeOffset Timestamp, bool IsErrorMessage, string Content);

/// <summary>
/// Each resource's stdout/stderr, line by line, in a bounded buffer (the oldest lines go first), observable as a
/// stream: a watcher gets the buffered lines, then every new one.
/// </summary>
public sealed class ResourceLoggerService
{
    public const int DefaultMaxLines = 10_000;

    private readonly ConcurrentDictionary<string, ResourceLog> _logs = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxLines;

    public ResourceLoggerService()
        : this(DefaultMaxLines)
    {
    }

    internal ResourceLoggerService(int maxLines) => _maxLines = maxLines;

    public void Write(string resource, string content, bool isError) => Get(resource).Write(content, isError);

    public IReadOnlyList<LogLine> GetLines(string resource) => Get(resource).Snapshot(after: 0);

    /// <summary>The retained lines numbered above <paramref name="after"/>: what a follower has not seen yet.</summary>
    public IReadOnlyList<LogLine> GetLines(string resource, long after) => Get(resource).Snapshot(after);

    public IAsyncEnumerable<LogLine> WatchAsync(string resource, CancellationToken cancellationToken = default) =>
        Get(resource).WatchAsync(cancellationToken);

    private ResourceLog Get(string resource) => _logs.GetOrAdd(resource, _ => new ResourceLog(_maxLines));

    private sealed class ResourceLog(int maxLines)
    {
        private readonly Queue<LogLine> _lines = new();
        private readonly List<Channel<LogLine>> _watchers = [];
        private readonly Lock _lock = new();
        private long _next;

        public void Write(string content, bool isError)
        {
            lock (_lock)
            {
                var line = new LogLine(++_next, DateTimeOffset.UtcNow, isError, content);
                _lines.Enqueue(line);
                if (_lines.Count > maxLines)
                {
                    _lines.Dequeue();
                }

                foreach (var watcher in _watchers)
                {
                    watcher.Writer.TryWrite(line);
                }
            }
        }

        public IReadOnlyList<LogLine> Snapshot(long after)
        {
            lock (_lock)
            {
                // Line numbers are contiguous, so the lines already seen are a prefix of known length.
                var first = _next - _lines.Count + 1;
                return [.. _lines.Skip((int)Math.Clamp(after - first + 1, 0, _lines.Count))];
            }
        }

        public async IAsyncEnumerable<LogLine> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            // Bounded so a stalled watcher cannot grow memory; it loses its oldest unread lines instead.
            var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(maxLines) { FullMode = BoundedChannelFullMode.DropOldest });
            lock (_lock)
            {
                foreach (var line in _lines)
                {
                    channel.Writer.TryWrite(line);
                }

                _watchers.Add(channel);
            }

            try
            {
                await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
                {
                    yield return line;
                }
            }
            finally
            {
                lock (_lock)
                {
                    _watchers.Remove(channel);
                }
            }
        }
    }
}
