using MyService.Hosting.Orchestration;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Hosting;

public sealed class LogCaptureTests
{
    [Fact]
    public async Task Stdout_and_stderr_arrive_line_by_line_with_their_stream_and_as_a_live_stream()
    {
        await using var model = new TestAppModel();
        model.AddShell("talker", "echo first; echo oops >&2; echo second; sleep 30");
        var app = await model.StartAsync();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);

        var seen = new List<LogLine>();
        await foreach (var line in app.ResourceLogs.WatchAsync("talker", cts.Token))
        {
            seen.Add(line);
            if (seen.Count == 3)
            {
                break;
            }
        }

        // The two pipes are read independently: order holds within a stream, not across them.
        Assert.Equal(["first", "second"], seen.Where(l => !l.IsErrorMessage).Select(l => l.Content));
        Assert.Equal(["oops"], seen.Where(l => l.IsErrorMessage).Select(l => l.Content));
        Assert.Equal([1L, 2L, 3L], seen.Select(l => l.LineNumber));
    }

    [Fact]
    public void The_buffer_keeps_only_the_newest_lines()
    {
        var logs = new ResourceLoggerService(maxLines: 3);
        for (var i = 1; i <= 5; i++)
        {
            logs.Write("r", $"line {i}", isError: false);
        }

        Assert.Equal(["line 3", "line 4", "line 5"], logs.GetLines("r").Select(l => l.Content));
    }
}
