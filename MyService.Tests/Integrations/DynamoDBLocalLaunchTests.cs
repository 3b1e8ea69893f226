using MyService.Hosting.DynamoDB;

namespace MyService.Tests.Integrations;

/// <summary>The command line DynamoDB Local gets: the flags after <c>-jar</c> are DynamoDB Local's, not the JVM's.</summary>
public sealed class DynamoDBLocalLaunchTests
{
    [Theory]
    [InlineData(null, "-inMemory")]
    [InlineData("/data/dynamodb", "-dbPath")]
    public void Arguments_SendNoTelemetry_ShareOneDatabase_AndPlaceServerFlagsAfterTheJar(string? dataDirectory, string storageFlag)
    {
        var args = new List<object>();
        DynamoDBLocalLaunch.AddArguments(args, "/opt/ddb/DynamoDBLocal.jar", 4567, dataDirectory, classData: null);
        var text = args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)!).ToList();

        var jar = text.IndexOf("-jar");
        Assert.True(jar > 0, "java needs -jar before the program's own arguments");
        Assert.Equal("/opt/ddb/DynamoDBLocal.jar", text[jar + 1]);
        // A flag java does not know before -jar stops the JVM; DynamoDB Local's after it.
        Assert.All(["-disableTelemetry", "-sharedDb", "-port", storageFlag], flag => Assert.True(text.IndexOf(flag) > jar, $"{flag} after -jar"));
        Assert.Equal("4567", text[text.IndexOf("-port") + 1]);
        Assert.All(text.Take(jar), flag => Assert.True(flag.StartsWith("-XX:", StringComparison.Ordinal) || flag.StartsWith("-D", StringComparison.Ordinal), $"{flag} is a JVM option"));
    }
}
