using MyService.Hosting.Publishing;

namespace MyService.Tests.Publishing;

/// <summary>The validate verb on files a person edited: exit code, and every problem with file, line, field and fix.</summary>
public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_reports_a_hand_broken_fsd_file_with_file_line_field_and_fix_and_fails()
    {
        using var published = await PublishRun.ModelAsync(SecondModel.Build);
        var broken = published.Read("fsd/web.yml").Replace("  healthCheck:", "  heathCheck:", StringComparison.Ordinal).Replace("cpu: 256", "cpu: 300", StringComparison.Ordinal);
        published.Write("fsd/web.yml", broken);

        using var run = await PublishRun.ModelAsync(SecondModel.Build, PublishVerb.Validate, null, published.PathOf("fsd/web.yml"));

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Contains($"error: {published.PathOf("fsd/web.yml")}:12: service.heathCheck: unknown field 'heathCheck'. Fix: did you mean 'healthCheck'?", run.Output, StringComparison.Ordinal);
        Assert.Contains("service.resources.cpu: cpu 300 with memory 512 is not a Fargate task size. Fix: use a Fargate CPU value", run.Output, StringComparison.Ordinal);
        Assert.Contains("Validation: INVALID: 3 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_passes_on_the_published_folder_and_checks_every_file_in_it()
    {
        using var published = await PublishRun.ModelAsync(SecondModel.Build);

        using var run = await PublishRun.ModelAsync(SecondModel.Build, PublishVerb.Validate, null, published.OutputPath);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("Validation: valid: 0 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_checks_a_file_for_a_service_the_model_lacks_against_the_rules_and_says_so()
    {
        using var published = await PublishRun.ModelAsync(SecondModel.Build);
        published.Write("fsd/billing.yml", published.Read("fsd/web.yml").Replace("vpc: true", "vpc: false", StringComparison.Ordinal));

        using var run = await PublishRun.ModelAsync(SecondModel.Build, PublishVerb.Validate, null, published.PathOf("fsd/billing.yml"));

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Contains("the app model has no project named 'billing'", run.Output, StringComparison.Ordinal);
        Assert.Contains("service.networking.vpc: is not true", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_the_app_model_passes_on_the_committed_deploy_folder()
    {
        using var run = await PublishRun.AppHostAsync("validate", Path.Combine(RepositoryPaths.Root, "deploy"));

        Assert.True(run.Result.ExitCode == 0, run.Output);
    }
}
