using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MyService.Hosting.ApplicationModel;
using MyService.Hosting.Orchestration;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Runs DynamoDBLocal.jar with Java (-sharedDb so every region and key sees one database; -dbPath on the data
/// directory, or -inMemory in tests). Healthy once ListTables answers and every declared table exists.
/// </summary>
internal sealed class DynamoDBLocalLauncher(DynamoDBLocalInstaller installer) : IResourceLauncher
{
    public string ResourceType => "DynamoDBLocal";

    public bool Handles(IResource resource) => resource is DynamoDBLocalResource;

    public async Task<LaunchPlan> PlanAsync(IResource resource, LaunchContext context, CancellationToken cancellationToken)
    {
        var dynamo = (DynamoDBLocalResource)resource;
        var java = Tools.Find("java") ?? throw new InvalidOperationException(
            "DynamoDB Local needs Java 17 or newer, and 'java' is not on PATH. Install it (e.g. apt-get install openjdk-17-jre-headless) and run the AppHost again; the other resources run without it.");
        var jar = await installer.EnsureInstalledAsync(context.Progress, cancellationToken);
        var jarDirectory = Path.GetDirectoryName(jar)!;
        var port = resource.GetEndpoint(DynamoDBLocalResource.EndpointName).AllocatedEndpoint!.Port;
        var arguments = new List<string>
        {
            // A local emulator lives for minutes and serves little: the quick compiler only and the serial collector
            // start it about a third faster (bench/startup.sh) at a throughput cost that does not matter here.
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            $"-Djava.library.path={Path.Combine(jarDirectory, "DynamoDBLocal_lib")}",
            "-jar", jar,
            "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-sharedDb",
        };
        if (context.Run.Options.EphemeralData)
        {
            arguments.Add("-inMemory");
        }
        else
        {
            var dataDirectory = context.Run.DataDirectoryFor(resource);
            Directory.CreateDirectory(dataDirectory);
            arguments.AddRange(["-dbPath", dataDirectory]);
        }

        var spec = new ProcessSpec(java, arguments, jarDirectory, context.Environment.ForProcess(resource, out var variables));
        return new LaunchPlan(spec, new ListTablesProbe(dynamo), ct => CreateTablesAsync(dynamo, context, ct), RestartOnUnexpectedExit: true, DisplayEnvironment: variables);
    }

    /// <summary>Creates the declared tables that do not exist yet (idempotent across restarts and data volumes).</summary>
    private static async Task CreateTablesAsync(DynamoDBLocalResource dynamo, LaunchContext context, CancellationToken cancellationToken)
    {
        using var client = dynamo.CreateClient(TimeSpan.FromSeconds(10));
        var existing = (await client.ListTablesAsync(new ListTablesRequest(), cancellationToken)).TableNames ?? [];
        foreach (var table in dynamo.Tables.Where(t => !existing.Contains(t.TableName)))
        {
            var keys = new List<(string Name, KeyType Type)> { (table.PartitionKey, KeyType.HASH) };
            if (table.SortKey is not null)
            {
                keys.Add((table.SortKey, KeyType.RANGE));
            }

            try
            {
                await client.CreateTableAsync(new CreateTableRequest
                {
                    TableName = table.TableName,
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                    KeySchema = [.. keys.Select(k => new KeySchemaElement(k.Name, k.Type))],
                    AttributeDefinitions = [.. keys.Select(k => new AttributeDefinition(k.Name, ScalarAttributeType.S))],
                }, cancellationToken);
                context.Log($"Created table {table.TableName}");
            }
            catch (ResourceInUseException)
            {
                // Created meanwhile: that is the state we want.
            }
        }
    }

    private sealed class ListTablesProbe(DynamoDBLocalResource dynamo) : IHealthProbe
    {
        public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
        {
            try
            {
                using var client = dynamo.CreateClient(TimeSpan.FromSeconds(2));
                var tables = await client.ListTablesAsync(new ListTablesRequest(), cancellationToken);
                return new HealthReport(DateTimeOffset.UtcNow, HealthStatus.Healthy, $"ListTables: {tables.TableNames?.Count ?? 0} table(s)");
            }
            catch (Exception ex) when (ex is AmazonDynamoDBException or Amazon.Runtime.AmazonServiceException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return new HealthReport(DateTimeOffset.UtcNow, HealthStatus.Unhealthy, $"ListTables: {ex.Message}");
            }
        }
    }
}
