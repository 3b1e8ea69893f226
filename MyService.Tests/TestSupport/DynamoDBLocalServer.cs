using System.Diagnostics;
using System.Net.Sockets;
using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MyService.Hosting.DynamoDB;
using MyService.ServiceDefaults.Aws;

namespace MyService.Tests.TestSupport;

/// <summary>
/// Amazon DynamoDB Local (-inMemory) on a port the OS picked, for storage tests. Installed by the same installer
/// as the AppHost's. Each test class makes its own tables (<see cref="CreateTableAsync"/>), so tests share the
/// server but no data.
/// </summary>
public sealed class DynamoDBLocalServer : IAsyncLifetime
{
    private Process? _process;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1");

    /// <summary>What the AppHost injects (README.md, "Configuration"), as configuration for a service under test.</summary>
    public Dictionary<string, string?> Settings(params (string Resource, string Table)[] tables)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = Endpoint.ToString().TrimEnd('/'),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "testkey",
            ["AWS_SECRET_ACCESS_KEY"] = "testsecret",
        };
        foreach (var (resource, table) in tables)
        {
            settings[$"AWS:Resources:{resource}:TableName"] = table;
        }

        return settings;
    }

    public IAmazonDynamoDB CreateClient() =>
        DynamoDBClientFactory.Create(new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build());

    /// <summary>A new table with string keys pk and sk, named uniquely; returns its name.</summary>
    public async Task<string> CreateTableAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        using var client = CreateClient();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S)],
        }).WithTimeout();
        return name;
    }

    public async Task InitializeAsync()
    {
        using var installer = new DynamoDBLocalInstaller(new ConfigurationBuilder().Build());
        var jar = await installer.EnsureInstalledAsync(NullLogger.Instance, _ => { }, CancellationToken.None).WithTimeout(TimeSpan.FromMinutes(3));
        var directory = Path.GetDirectoryName(jar)!;
        // The OS names a free port; the few milliseconds until Java binds it are the only window for a clash.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("java")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { $"-Djava.library.path={Path.Combine(directory, "DynamoDBLocal_lib")}", "-jar", jar, "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-inMemory", "-sharedDb" })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilAnsweringAsync().WithTimeout(TimeSpan.FromSeconds(60));
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = CreateClient();
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"DynamoDB Local exited with {_process.ExitCode} on start.");
            }

            try
            {
                await client.ListTablesAsync(new ListTablesRequest());
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or AmazonDynamoDBException or Amazon.Runtime.AmazonClientException)
            {
                // Java is still starting: readiness is this call answering.
                await Task.Delay(100);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WithTimeout();
        }

        _process?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DynamoDBLocalCollection : ICollectionFixture<DynamoDBLocalServer>
{
    public const string Name = "DynamoDB Local";
}
