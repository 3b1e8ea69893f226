using Amazon.DynamoDBv2.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.DynamoDB;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Integrations;

/// <summary>
/// <c>AddDynamoDBEndpoint</c> through the real Aspire model: a DynamoDB already running (here a bare DynamoDB Local
/// outside the app model) named by <c>ConnectionStrings:dynamodb</c>, used in place of the one the AppHost would run.
/// </summary>
[Collection(IntegrationApp.SecondCollection)]
public sealed class DynamoDBEndpointIntegrationTests
{
    [Fact]
    public async Task TheNamedEndpointIsUsed_NothingIsStarted_AndItsTablesAreCreatedThereBeforeADependantStarts_AndAgainWhenGone()
    {
        var server = new DynamoDBLocalServer();
        await server.InitializeAsync();
        try
        {
            var url = server.Endpoint.ToString().TrimEnd('/');
            var tableName = $"endpoint-items-{Guid.NewGuid():N}";
            // A trailing '/' as people write URLs; the services get it without.
            await using var app = IntegrationApp.Create($"--ConnectionStrings:dynamodb=Endpoint={url}/;Region=eu-west-1");
            var table = app.Builder.AddDynamoDBEndpoint("dynamodb").AddTable("items", partitionKey: "pk", sortKey: "sk", tableName: tableName);
            app.AddProcess("probe").WithReference(table).WaitFor(table);
            await app.StartAsync();
            await app.WaitForHealthyAsync("dynamodb");
            await app.WaitForStateAsync("items", KnownResourceStates.Running);
            var probe = await app.WaitForAsync("probe", e => IntegrationApp.Pid(e) > 0, "started");

            using var client = server.CreateClient();
            var described = await client.DescribeTableAsync(tableName).WithTimeout();
            Assert.Equal(["pk", "sk"], described.Table.KeySchema.Select(k => k.AttributeName));

            var environment = IntegrationApp.EnvironmentOf(IntegrationApp.Pid(probe)!.Value);
            Assert.Equal(url, environment["AWS_ENDPOINT_URL_DYNAMODB"]);
            Assert.Equal("eu-west-1", environment["AWS_REGION"]);
            Assert.Equal(tableName, environment["AWS__Resources__items__TableName"]);

            // Nothing to install or start: the probe is the model's only process.
            Assert.Equal(["probe"], app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ExecutableResource>().Select(r => r.Name));
            Assert.Contains(await app.LogLinesAsync("dynamodb"), line => line.Contains($"Using the DynamoDB at {url}", StringComparison.Ordinal));

            // The table gone behind the AppHost's back (an in-memory DynamoDB restarted): its next health check makes it
            // again, which Aspire runs every 30 s on a healthy resource.
            await client.DeleteTableAsync(tableName).WithTimeout();
            await Distributed.ProjectionReader.EventuallyAsync(
                async () => (await app.LogLinesAsync("dynamodb")).Count(line => line.Contains($"Created table {tableName}", StringComparison.Ordinal)) == 2,
                TimeSpan.FromSeconds(60), $"{tableName} created again");
            Assert.Equal(tableName, (await client.DescribeTableAsync(tableName).WithTimeout()).Table.TableName);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnUnreadableOrMissingConnectionString_FailsToStartWithOneLineSayingWhichAndHow()
    {
        await using var app = IntegrationApp.Create("--ConnectionStrings:bad=ftp://localhost:8000");
        var bad = app.Builder.AddDynamoDBEndpoint("bad");
        app.Builder.AddDynamoDBEndpoint("missing");
        var table = bad.AddTable("items", partitionKey: "pk");
        app.AddProcess("dependant").WaitFor(table);
        app.AddProcess("other");
        var starting = await app.BeginStartAsync();

        await app.WaitForStateAsync("bad", KnownResourceStates.FailedToStart);
        await app.WaitForStateAsync("missing", KnownResourceStates.FailedToStart);
        await app.WaitForStateAsync("other", KnownResourceStates.Running);
        await app.WaitForStateAsync("dependant", KnownResourceStates.FailedToStart);
        await starting;

        var badLine = Assert.Single(await app.LogLinesAsync("bad"));
        Assert.Contains("ConnectionStrings:bad: 'ftp://localhost:8000' is not an http or https URL", badLine, StringComparison.Ordinal);
        Assert.Contains(DynamoDBConnectionString.Example, badLine, StringComparison.Ordinal);
        var missingLine = Assert.Single(await app.LogLinesAsync("missing"));
        Assert.Contains("ConnectionStrings:missing is not set", missingLine, StringComparison.Ordinal);
        Assert.Equal(KnownResourceStates.FailedToStart, (await app.CurrentAsync("items")).Snapshot.State?.Text);
    }
}
