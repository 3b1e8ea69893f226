using MyService.Hosting.Publishing;

namespace MyService.Tests.Publishing;

/// <summary>The published files, byte for byte: the app model's against the committed deploy/, the test model's against snapshots.</summary>
public sealed class PublishSnapshotTests
{
    [Fact]
    public async Task Committed_deploy_folder_matches_a_fresh_publish_of_the_app_model()
    {
        using var run = await PublishRun.AppHostAsync();
        Assert.False(run.Failed, run.Output);

        var differences = FolderComparison.Differences(Path.Combine(TestSupport.RepositoryRoot.Path, "deploy"), run.OutputPath);
        Assert.True(differences.Count == 0,
            "deploy/ differs from what the app model publishes. Regenerate and commit it:\n" +
            $"  {run.Factory.Commands.Publish}\n" + string.Join('\n', differences));
    }

    [Fact]
    public async Task An_existing_DynamoDB_named_in_place_of_DynamoDB_Local_publishes_the_same_files()
    {
        // ConnectionStrings:dynamodb changes what runs locally, never what is deployed.
        using var run = await PublishRun.AppHostAsync(settings: "--ConnectionStrings:dynamodb=http://localhost:8100");
        Assert.False(run.Failed, run.Output);

        Assert.Empty(FolderComparison.Differences(Path.Combine(TestSupport.RepositoryRoot.Path, "deploy"), run.OutputPath));
    }

    [Fact]
    public async Task Second_model_publishes_the_snapshot_files()
    {
        using var run = await PublishRun.ModelAsync(SecondModel.Build);
        Assert.False(run.Failed, run.Output);

        var snapshots = Path.Combine(TestSupport.RepositoryRoot.Path, "MyService.Tests", "Publishing", "Snapshots", "testapp");
        var differences = FolderComparison.Differences(snapshots, run.OutputPath);
        if (differences.Count > 0)
        {
            // Kept for the person who reads the failure: the fresh files, ready to copy over the snapshots.
            var received = Path.Combine(Path.GetTempPath(), "myservice-snapshots", Guid.NewGuid().ToString("N"));
            FolderComparison.Copy(run.OutputPath, received);
            Assert.Fail($"The test model's published files differ from the snapshots. If the change is intended:\n  rm -rf {snapshots} && cp -r {received} {snapshots}\n" +
                string.Join('\n', differences));
        }
    }

    [Fact]
    public async Task Publishing_the_same_model_twice_writes_identical_bytes()
    {
        using var first = await PublishRun.ModelAsync(SecondModel.Build);
        using var second = await PublishRun.ModelAsync(SecondModel.Build);

        Assert.Empty(FolderComparison.Differences(first.OutputPath, second.OutputPath));
        Assert.Equal(7, Directory.GetFiles(first.OutputPath, "*", SearchOption.AllDirectories).Length);
    }
}
