using MyService.Tests.TestSupport;
using MyService.Hosting.Orchestration;

namespace MyService.Tests.Hosting;

public sealed class CommandTests
{
    [Fact]
    public async Task Stop_start_and_restart_commands_act_on_one_resource()
    {
        await using var model = new TestAppModel();
        model.AddServer("svc");
        model.AddServer("bystander");
        var app = await model.StartAsync();
        var first = await app.WaitForHealthyAsync("svc");
        var bystander = await app.WaitForHealthyAsync("bystander");

        Assert.True((await app.ResourceCommands.ExecuteCommandAsync("svc", ResourceCommandService.Stop).WithTimeout()).Success);
        var stopped = app.ResourceNotifications.Get("svc")!;
        Assert.Equal(KnownResourceStates.Exited, stopped.State);
        Assert.False(AppWaits.IsAlive(first.ProcessId!.Value));

        await app.ResourceCommands.ExecuteCommandAsync("svc", ResourceCommandService.Start).WithTimeout();
        var started = await app.WaitForAsync("svc", s => s.IsUp && s.ProcessId != first.ProcessId);
        Assert.NotEqual(first.ProcessId, started.ProcessId);

        await app.ResourceCommands.ExecuteCommandAsync("svc", ResourceCommandService.Restart).WithTimeout();
        var restarted = await app.WaitForAsync("svc", s => s.IsUp && s.ProcessId != started.ProcessId);
        Assert.NotNull(restarted.ProcessId);
        Assert.Equal(bystander.ProcessId, app.ResourceNotifications.Get("bystander")!.ProcessId);

        var unknown = await app.ResourceCommands.ExecuteCommandAsync("svc", "explode").WithTimeout();
        Assert.False(unknown.Success);
    }
}
