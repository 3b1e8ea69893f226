using MyService.Hosting.Publishing;

namespace MyService.Tests.Publishing;

/// <summary>
/// The validate-deploy step on a folder laid out like deploy/ that a person edited: it never publishes, reports every
/// problem with file, line, field and fix, and fails the pipeline on an error.
/// </summary>
public sealed class ValidateStepTests
{
    [Fact]
    public async Task A_hand_broken_fsd_file_is_reported_with_file_line_field_and_fix_and_fails_the_step()
    {
        using var published = await PublishRun.ModelAsync(SecondModel.Build);
        var broken = published.Read("fsd/web.yml").Replace("  healthCheck:", "  heathCheck:", StringComparison.Ordinal).Replace("cpu: 256", "cpu: 300", StringComparison.Ordinal);
        published.Write("fsd/web.yml", broken);

        using var run = await ValidateAsync(published.OutputPath);

        Assert.True(run.Failed, run.Output);
        Assert.Contains($"Error: error: {published.PathOf("fsd/web.yml")}:12: service.heathCheck: unknown field 'heathCheck'. Fix: did you mean 'healthCheck'?", run.Output, StringComparison.Ordinal);
        Assert.Contains("service.resources.cpu: cpu 300 with memory 512 is not a Fargate task size. Fix: use a Fargate CPU value", run.Output, StringComparison.Ordinal);
        // The health check, now missing for a service with a port, deploys: a warning, not a third error.
        Assert.Contains($"warning: {published.PathOf("fsd/web.yml")}:8: service.healthCheck: is missing", run.Output, StringComparison.Ordinal);
        Assert.Contains("Validation: INVALID: 2 error(s)", run.Output, StringComparison.Ordinal);
        // Validation only: the broken file is still there as it was.
        Assert.Equal(broken, published.Read("fsd/web.yml"));
    }

    [Fact]
    public async Task The_published_folder_passes_with_every_file_in_it_checked()
    {
        using var published = await PublishRun.ModelAsync(SecondModel.Build);

        using var run = await ValidateAsync(published.OutputPath);

        Assert.False(run.Failed, run.Output);
        Assert.Contains("Validation: valid: 0 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_for_a_service_the_model_lacks_is_checked_against_the_rules_and_says_so()
    {
        using var published = await PublishRun.ModelAsync(SecondModel.Build);
        published.Write("fsd/billing.yml", published.Read("fsd/web.yml").Replace("vpc: true", "vpc: false", StringComparison.Ordinal).Replace("retention: 30", "retention: 31", StringComparison.Ordinal));

        using var run = await ValidateAsync(published.OutputPath);

        Assert.True(run.Failed, run.Output);
        var billing = published.PathOf("fsd/billing.yml");
        Assert.Contains($"warning: {billing}: (file): the app model has no project named 'billing'", run.Output, StringComparison.Ordinal);
        Assert.Contains($"warning: {billing}:46: service.networking.vpc: is not true", run.Output, StringComparison.Ordinal);
        Assert.Contains($"error: {billing}:59: service.observability.logs.retention: 31 is not a CloudWatch Logs retention", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_deployment_files_fails_and_nothing_is_written_to_it()
    {
        using var empty = new TempDirectory();

        using var run = await ValidateAsync(empty.Path);

        Assert.True(run.Failed, run.Output);
        Assert.Contains("(folder): has no deployment files.", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty.Path));
    }

    [Fact]
    public async Task The_app_model_passes_on_the_committed_deploy_folder()
    {
        using var run = await PublishRun.AppHostAsync(EcsEnvironmentResource.ValidateStepName, Path.Combine(TestSupport.RepositoryRoot.Path, "deploy"));

        Assert.False(run.Failed, run.Output);
        Assert.Contains("Validation: valid: 0 error(s), 0 warning(s).", run.Output, StringComparison.Ordinal);
    }

    private static Task<PublishRun> ValidateAsync(string folder) =>
        PublishRun.ModelAsync(SecondModel.Build, EcsEnvironmentResource.ValidateStepName, folder: folder);
}
