using Microsoft.AspNetCore.Http;

namespace MyService.Tests.ServiceDefaults;

/// <summary>A loopback server that answers each call with the next status of its script (the last one repeats).</summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly int[] _statuses;
    private LoopbackServer? _server;
    private int _calls;

    private ScriptedServer(int[] statuses) => _statuses = statuses;

    public int Calls => Volatile.Read(ref _calls);

    public string Address => _server!.BaseAddress.ToString().TrimEnd('/');

    public static async Task<ScriptedServer> StartAsync(params int[] statuses)
    {
        var scripted = new ScriptedServer(statuses);
        scripted._server = await LoopbackServer.StartAsync(scripted.AnswerAsync);
        return scripted;
    }

    private Task AnswerAsync(HttpContext context)
    {
        var call = Interlocked.Increment(ref _calls);
        context.Response.StatusCode = _statuses[Math.Min(call, _statuses.Length) - 1];
        return context.Response.WriteAsync("""{"events":[],"lastSequence":0}""");
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
