using MyService.Tests.Api;

namespace MyService.Tests.Distributed;

/// <summary>The AppHost as a real process: killed outright, then started again on the same data, then Ctrl+C.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AppHostProcessTests
{
    [Fact]
    public async Task Killed_with_sigkill_it_leaves_nothing_behind_and_the_next_start_works_on_the_same_data()
    {
        using var data = new TempDirectory();
        long userId;
        using (var first = AppHostProcess.Start(data.Path))
        {
            var dcp = await first.DcpAsync();
            var api = await first.HealthyServiceAsync(dcp, "/MyService.Api/bin/");
            await first.HealthyServiceAsync(dcp, "/MyService.Worker/bin/");
            using var client = new HttpClient { BaseAddress = api, Timeout = TestTimeouts.Default };
            userId = (await client.CreateUserAsync($"k{Guid.NewGuid():N}@example.com", "Survivor").WithTimeout()).GetProperty("id").GetInt64();
            var started = ProcessTree.WithDescendants(dcp);

            first.Signal("KILL");

            // DCP watches the AppHost (--monitor) and ends everything it started once the AppHost is gone.
            await ProjectionReader.EventuallyAsync(() => Task.FromResult(!started.Any(ProcessTree.IsRunning)), TimeSpan.FromSeconds(20),
                $"every process of the killed AppHost has ended ({string.Join(", ", started.Where(ProcessTree.IsRunning).Select(ProcessTree.CommandLine))})");
        }

        using var second = AppHostProcess.Start(data.Path);
        var secondDcp = await second.DcpAsync();
        var secondApi = await second.HealthyServiceAsync(secondDcp, "/MyService.Api/bin/");
        using (var client = new HttpClient { BaseAddress = secondApi, Timeout = TestTimeouts.Default })
        using (var read = await client.GetAsync($"/users/{userId}").WithTimeout())
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
        }

        var running = ProcessTree.WithDescendants(secondDcp);

        second.Signal("INT");

        await second.WaitForExitAsync();
        await ProjectionReader.EventuallyAsync(() => Task.FromResult(!running.Any(ProcessTree.IsRunning)), TimeSpan.FromSeconds(20), "every process ended after Ctrl+C");
    }
}
