using Microsoft.Extensions.Configuration;
using MyService.ServiceDefaults.Aws;

namespace MyService.Tests.Worker;

/// <summary>The worker run by hand without the AppHost's environment: what it lacks, one line each, and no stack trace.</summary>
public sealed class WorkerConfigurationTests
{
    [Fact]
    public async Task Without_its_table_and_endpoint_the_built_worker_exits_2_naming_each_setting()
    {
        var (exitCode, lines) = await TestSupport.BuiltService.RunWithoutAwsAsync("MyService.Worker");

        Assert.Equal(2, exitCode);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("set AWS:Resources:projection:TableName (environment AWS__Resources__projection__TableName)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("set AWS_ENDPOINT_URL_DYNAMODB", StringComparison.Ordinal) && l.Contains("AWS_REGION", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public void With_an_endpoint_and_the_table_nothing_is_missing_and_each_lack_is_named_alone()
    {
        static IConfiguration Settings(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

        Assert.Empty(DynamoDBConfigurationCheck.Problems(
            Settings(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"), ("AWS:Resources:projection:TableName", "t")), "projection"));
        Assert.Empty(DynamoDBConfigurationCheck.Problems(
            Settings(("AWS_REGION", "eu-west-1"), ("AWS:Resources:projection:TableName", "t")), "projection"));
        var problem = Assert.Single(DynamoDBConfigurationCheck.Problems(
            Settings(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"), ("AWS:Resources:projection:TableName", "t")), "projection", "store"));
        Assert.Contains("'store' has no name", problem, StringComparison.Ordinal);
    }
}
