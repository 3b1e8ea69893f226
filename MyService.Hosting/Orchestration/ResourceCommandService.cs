namespace MyService.Hosting.Orchestration;

/// <summary>The commands every resource has (for the dashboard and tests): start, stop, restart.</summary>
public sealed class ResourceCommandService
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Restart = "restart";

    private readonly Orchestrator _orchestrator;
    private readonly Microsoft.Extensions.Hosting.IHostApplicationLifetime _lifetime;

    internal ResourceCommandService(Orchestrator orchestrator, Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime)
    {
        _orchestrator = orchestrator;
        _lifetime = lifetime;
    }

    /// <summary>Runs <paramref name="command"/>; stop and restart return once the resource has stopped (and started again).</summary>
    public async Task<ExecuteCommandResult> ExecuteCommandAsync(string resource, string command)
    {
        var controller = _orchestrator.Controller(resource);
        switch (command)
        {
            case Start:
                controller.Start(_lifetime.ApplicationStopping);
                return new ExecuteCommandResult(true, null);
            case Stop:
                await controller.StopAsync();
                return new ExecuteCommandResult(true, null);
            case Restart:
                await controller.RestartAsync();
                return new ExecuteCommandResult(true, null);
            default:
                return new ExecuteCommandResult(false, $"Unknown command '{command}'. Commands: {Start}, {Stop}, {Restart}.");
        }
    }
}

public sealed record ExecuteCommandResult(bool Success, string? ErrorMessage);
