using MyService.Hosting.DynamoDB;

namespace MyService.Tests.Integrations;

/// <summary>What <c>ConnectionStrings:dynamodb</c> may say, and the sentence for what it may not.</summary>
public sealed class DynamoDBConnectionStringTests
{
    [Theory]
    [InlineData("http://localhost:8000", "http://localhost:8000", "us-east-1")]
    [InlineData(" http://localhost:8000/ ", "http://localhost:8000", "us-east-1")]
    [InlineData("https://dynamodb.example.internal", "https://dynamodb.example.internal", "us-east-1")]
    [InlineData("Endpoint=http://127.0.0.1:4566;Region=eu-west-1", "http://127.0.0.1:4566", "eu-west-1")]
    [InlineData("endpoint = http://host:8000/ ; region = local", "http://host:8000", "local")]
    [InlineData("Region=ap-southeast-2;Endpoint=http://[::1]:8000", "http://[::1]:8000", "ap-southeast-2")]
    public void Reads(string value, string endpoint, string region)
    {
        Assert.True(DynamoDBConnectionString.TryParse(value, out var parsed, out var problem), problem);
        Assert.Equal(new DynamoDBConnectionString(endpoint, region), parsed);
    }

    [Theory]
    [InlineData("", "it names no Endpoint")]
    [InlineData("localhost:8000", "'localhost:8000' is not an http or https URL")]
    [InlineData("ftp://localhost:8000", "'ftp://localhost:8000' is not an http or https URL")]
    [InlineData("http://localhost:8000?x=1", "has a query or a fragment")]
    [InlineData("Region=eu-west-1", "it names no Endpoint")]
    [InlineData("Endpoint=http://localhost:8000;Profile=dev", "'profile' is not a key it knows (Endpoint, Region)")]
    [InlineData("Endpoint=http://localhost:8000;Region=EU West", "'EU West' is not a region name")]
    [InlineData("Endpoint='http://localhost:8000", "is neither a URL nor Key=Value pairs")]
    [InlineData("http://me:secret@localhost:8000", "holds a user name or password")]
    public void SaysWhatIsWrong(string value, string expected)
    {
        Assert.False(DynamoDBConnectionString.TryParse(value, out var parsed, out var problem));
        Assert.Null(parsed);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
