using MyService.Hosting.Publishing;

namespace MyService.Tests.Publishing;

public sealed class PublishCommandLineTests
{
    [Fact]
    public void Publish_takes_its_options_and_leaves_the_rest_to_the_host()
    {
        Assert.True(PublishCommandLine.TryParse(["publish", "--output-path", "out", "--environment", "prod", "--Logging:LogLevel:Default=Debug"], out var options, out var rest));

        Assert.Equal(PublishVerb.Publish, options!.Verb);
        Assert.Equal("out", options.OutputPath);
        Assert.Equal("prod", options.Environment);
        Assert.Equal(["--Logging:LogLevel:Default=Debug"], rest);
    }

    [Fact]
    public void Validate_takes_files_and_defaults_to_the_deploy_folder()
    {
        Assert.True(PublishCommandLine.TryParse(["validate", "a.yml", "b.json"], out var options, out _));
        Assert.Equal(PublishVerb.Validate, options!.Verb);
        Assert.Equal(["a.yml", "b.json"], options.Files);
        Assert.Equal("deploy", options.OutputPath);
    }

    [Fact]
    public void Without_a_verb_the_app_runs()
    {
        Assert.False(PublishCommandLine.TryParse(["--urls", "x"], out var options, out var rest));
        Assert.Null(options);
        Assert.Equal(["--urls", "x"], rest);
        Assert.True(DistributedApplication.CreateBuilder(new DistributedApplicationOptions { AppHostDirectory = Path.GetTempPath() }).ExecutionContext.IsRunMode);
    }

    [Fact]
    public void An_unknown_environment_or_a_missing_value_is_an_error_naming_it()
    {
        var unknown = Assert.Throws<DistributedApplicationException>(() => PublishCommandLine.TryParse(["publish", "--environment", "qa"], out _, out _));
        Assert.Contains("'qa'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("dev, staging, prod", unknown.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<DistributedApplicationException>(() => PublishCommandLine.TryParse(["publish", "--output-path"], out _, out _));
        Assert.Contains("--output-path", missing.Message, StringComparison.Ordinal);
    }
}
