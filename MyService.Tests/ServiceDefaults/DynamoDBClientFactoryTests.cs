using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MyService.ServiceDefaults.Aws;

namespace MyService.Tests.ServiceDefaults;

public sealed class DynamoDBClientFactoryTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void The_endpoint_and_region_from_the_environment_contract_win()
    {
        using var client = DynamoDBClientFactory.Create(Config(("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:41234"), ("AWS_REGION", "eu-west-1")));

        Assert.Equal("http://localhost:41234/", client.Config.ServiceURL);
        Assert.Equal("eu-west-1", client.Config.AuthenticationRegion);
    }

    [Fact]
    public void Without_an_endpoint_the_region_selects_the_aws_endpoint_and_retries_use_standard_mode()
    {
        using var client = DynamoDBClientFactory.Create(Config(("AWS_REGION", "eu-central-1")));

        Assert.Equal("eu-central-1", client.Config.RegionEndpoint?.SystemName);
        Assert.Equal(Amazon.Runtime.RequestRetryMode.Standard, client.Config.RetryMode);
    }

    [Fact]
    public void A_missing_table_name_names_the_variable_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DynamoDBClientFactory.TableName(Config(), "store"));

        Assert.Contains("AWS__Resources__store__TableName", error.Message, StringComparison.Ordinal);
        Assert.Equal("t1", DynamoDBClientFactory.TableName(Config(("AWS:Resources:store:TableName", "t1")), "store"));
    }
}
