using MyService.Tests.Hosting;

namespace MyService.Tests.Distributed;

/// <summary>Its own app (not the shared fixture): it asserts what is left after the app stops.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AppHostShutdownTests
{
    [Fact]
    public async Task Stopping_the_app_leaves_no_process_behind()
    {
        var app = await AppHostFixture.StartAppHostAsync();
        var pids = app.ResourceNotifications.Current.Where(s => s.ProcessId is not null).Select(s => s.ProcessId!.Value).ToList();

        await app.StopAsync().WithTimeout(TimeSpan.FromSeconds(90));
        await app.DisposeAsync();

        Assert.Equal(3, pids.Count); // the API, the worker and DynamoDB Local
        Assert.All(pids, pid => Assert.False(AppWaits.IsAlive(pid), $"process {pid} outlived the app"));
    }
}
