using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using MyService.Hosting.DynamoDB;

namespace MyService.Tests.Integrations;

/// <summary>
/// <c>AddDynamoDBLocal</c> and <c>AddTable</c> through the real Aspire model: the real DynamoDB Local (Java) under
/// DCP, its health, its tables, a restart, what a consumer gets, and the message when Java is missing.
/// </summary>
[Collection(IntegrationApp.FirstCollection)]
public sealed class DynamoDBLocalIntegrationTests
{
    /// <summary>A cold JVM on two busy cores takes a while; installing is done ahead of the tests (test.sh).</summary>
    private static readonly TimeSpan JavaStart = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task RunsHealthy_CreatesItsTableBeforeAWaitingDependantStarts_AndInjectsTheAwsVariables()
    {
        await using var app = IntegrationApp.Create();
        var table = app.Builder.AddDynamoDBLocal("dynamodb").AddTable("items", partitionKey: "pk", sortKey: "sk", tableName: "test-items");
        app.AddProcess("probe").WithReference(table).WaitFor(table);
        var starting = await app.BeginStartAsync();
        await app.WaitForStateAsync("items", KnownResourceStates.Waiting, JavaStart);
        var probe = await app.WaitForStateAsync("probe", KnownResourceStates.Running, JavaStart);
        await app.WaitForHealthyAsync("dynamodb");
        await starting;

        // The table turns Running once it is created, and that came before its dependant's process started. (DCP's
        // timestamps and the AppHost's clock differ by a few hundred ms here, so the order of the snapshots tells.)
        var events = app.Events.ToList();
        var tableRunning = events.FindIndex(e => e.Resource.Name == "items" && e.Snapshot.State?.Text == KnownResourceStates.Running);
        var probeRunning = events.FindIndex(e => e.Resource.Name == "probe" && IntegrationApp.Pid(e) is > 0);
        Assert.InRange(tableRunning, 0, probeRunning - 1);
        var endpoint = app.App.GetEndpoint("dynamodb", "http");
        using var client = CreateClient(endpoint);
        var described = await client.DescribeTableAsync("test-items").WithTimeout();
        Assert.Equal(["pk", "sk"], described.Table.KeySchema.Select(k => k.AttributeName));
        Assert.Contains("test-items", (await client.ListTablesAsync(new ListTablesRequest()).WithTimeout()).TableNames);

        var environment = IntegrationApp.EnvironmentOf(IntegrationApp.Pid(probe) ?? throw new InvalidOperationException("probe has no pid"));
        Assert.Equal(endpoint.ToString().TrimEnd('/'), environment["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.Equal("us-east-1", environment["AWS_REGION"]);
        Assert.False(string.IsNullOrEmpty(environment["AWS_ACCESS_KEY_ID"]));
        Assert.False(string.IsNullOrEmpty(environment["AWS_SECRET_ACCESS_KEY"]));
        Assert.Equal("test-items", environment["AWS__Resources__items__TableName"]);

        // DCP runs the java the integration found, not a bare 'java' of its own.
        var dynamodb = await app.CurrentAsync("dynamodb");
        Assert.True(Path.IsPathFullyQualified(Assert.IsType<string>(IntegrationApp.Property(dynamodb, "executable.path"))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StopAndStart_TheTableRunsAgain_ItsItemsKeptOnlyWithADataVolume(bool dataVolume)
    {
        await using var app = IntegrationApp.Create();
        var dynamodb = app.Builder.AddDynamoDBLocal("dynamodb");
        if (dataVolume)
        {
            dynamodb.WithDataVolume();
        }

        dynamodb.AddTable("items", partitionKey: "pk", tableName: "test-items");
        await app.StartAsync();
        await app.WaitForHealthyAsync("dynamodb", JavaStart);
        await app.WaitForStateAsync("items", KnownResourceStates.Running);
        using var client = CreateClient(app.App.GetEndpoint("dynamodb", "http"));
        await client.PutItemAsync("test-items", new() { ["pk"] = new AttributeValue("kept?") }).WithTimeout();

        await app.ExecuteCommandAsync("dynamodb", KnownResourceCommands.StopCommand);
        await app.WaitForAsync("dynamodb", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), "stopped");
        await app.WaitForStateAsync("items", KnownResourceStates.Exited);

        await app.ExecuteCommandAsync("dynamodb", KnownResourceCommands.StartCommand);
        await app.WaitForStateAsync("items", KnownResourceStates.Running, JavaStart);
        await app.WaitForHealthyAsync("dynamodb");

        Assert.Equal("test-items", (await client.DescribeTableAsync("test-items").WithTimeout()).Table.TableName);
        var item = await client.GetItemAsync("test-items", new() { ["pk"] = new AttributeValue("kept?") }).WithTimeout();
        Assert.Equal(dataVolume, item.IsItemSet);
        Assert.Equal(dataVolume, File.Exists(Path.Combine(app.DataDirectory, "dynamodb", "shared-local-instance.db")));
    }

    [Fact]
    public async Task WithoutJava_FailsToStartWithOneLineSayingWhatToInstall_ItsTableAndDependantsToo_AndTheRestRuns()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-jdk-{Guid.NewGuid():N}", "bin", "java");
        await using var app = IntegrationApp.Create($"--{DynamoDBLocalResourceBuilderExtensions.JavaKey}={missing}");
        var table = app.Builder.AddDynamoDBLocal("dynamodb").AddTable("items", partitionKey: "pk");
        app.AddProcess("probe");
        app.AddProcess("dependant").WaitFor(table);
        var starting = await app.BeginStartAsync();

        await app.WaitForStateAsync("dynamodb", KnownResourceStates.FailedToStart);
        await app.WaitForStateAsync("probe", KnownResourceStates.Running);
        // Its table fails with it, so what waits for the table says so instead of waiting for ever.
        await app.WaitForStateAsync("items", KnownResourceStates.FailedToStart);
        await app.WaitForStateAsync("dependant", KnownResourceStates.FailedToStart);
        await starting;

        // Aspire adds "Failed to create resource dynamodb" with the exception; the reason is said once, without a stack trace.
        var lines = await app.LogLinesAsync("dynamodb");
        var java = Assert.Single(lines, line => line.Contains("apt-get install", StringComparison.Ordinal));
        Assert.Contains("Java", java, StringComparison.Ordinal);
        Assert.Contains(missing, java, StringComparison.Ordinal);
        Assert.Contains(DynamoDBLocalResourceBuilderExtensions.JavaKey, java, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public void Java_IsTheConfiguredOne_ElseJavaHomes_ElseTheOneOnPath()
    {
        using var javaHome = new TestSupport.TempDirectory();
        var inJavaHome = Path.Combine(javaHome.Path, "bin", "java");
        Directory.CreateDirectory(Path.GetDirectoryName(inJavaHome)!);
        File.WriteAllText(inJavaHome, "");
        static IConfiguration Java(string? value) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DynamoDBLocalResourceBuilderExtensions.JavaKey] = value }).Build();

        Assert.Equal(inJavaHome, JavaLocator.Find(Java(null), name => name == "JAVA_HOME" ? javaHome.Path : null));
        Assert.Equal(Tools.Find("java"), JavaLocator.Find(Java(null), name => name == "JAVA_HOME" ? Path.Combine(javaHome.Path, "none") : null));
        Assert.Equal(inJavaHome, JavaLocator.Find(Java(inJavaHome), _ => null));
        Assert.Equal(Tools.Find("sh"), JavaLocator.Find(Java("sh"), _ => javaHome.Path));
        Assert.Null(JavaLocator.Find(Java(Path.Combine(javaHome.Path, "missing", "java")), _ => javaHome.Path));
        Assert.NotNull(Tools.Find("sh"));
    }

    private static AmazonDynamoDBClient CreateClient(Uri endpoint) => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", Timeout = TimeSpan.FromSeconds(10) });
}
