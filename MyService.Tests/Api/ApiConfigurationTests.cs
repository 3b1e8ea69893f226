namespace MyService.Tests.Api;

/// <summary>The API run by hand with settings its storage cannot run with: one line each and exit code 2, no stack trace, no 500s.</summary>
public sealed class ApiConfigurationTests
{
    [Fact]
    public async Task On_DynamoDB_without_its_table_and_endpoint_the_built_api_exits_2_naming_each_setting()
    {
        var (exitCode, lines) = await TestSupport.BuiltService.RunWithoutAwsAsync("MyService.Api", ("Storage__Provider", "dynamodb"));

        Assert.Equal(2, exitCode);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("set AWS:Resources:store:TableName", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("set AWS_ENDPOINT_URL_DYNAMODB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_provider_is_one_line_naming_the_two_there_are()
    {
        var (exitCode, lines) = await TestSupport.BuiltService.RunWithoutAwsAsync("MyService.Api", ("Storage__Provider", "postgres"));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(lines);
        Assert.Contains("Storage:Provider is 'postgres'. Set it to 'sqlite' (the default) or 'dynamodb'", line, StringComparison.Ordinal);
    }
}
