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
/// Amazon DynamoDB Local (-inMemory) on a port the OS picked, for storage tests: the bare process, without Aspire or
/// DCP, as a service under test sees it. Installed, found (Java), started and given tables by the integration's own
/// code (<see cref="DynamoDBLocalInstaller"/>, <see cref="JavaLocator"/>, <see cref="DynamoDBLocalLaunch"/>,
/// <see cref="DynamoDBTableCreator"/>), so its command line is the AppHost's. Each test class makes its own tables
/// (<see cref="CreateTableAsync"/>), so tests share the server but no data.
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

    /// <summary>A new table with string keys pk and sk (as the AppHost's tables), named uniquely; returns its name.</summary>
    public async Task<string> CreateTableAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        using var client = CreateClient();
        await DynamoDBTableCreator.CreateAsync(client, name, partitionKey: "pk", sortKey: "sk", CancellationToken.None).WithTimeout();
        return name;
    }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().Build();
        var java = JavaLocator.Find(configuration, Environment.GetEnvironmentVariable) ?? throw new InvalidOperationException(JavaLocator.Missing(configuration));
        using var installer = new DynamoDBLocalInstaller(configuration);
        var jar = await installer.EnsureInstalledAsync(NullLogger.Instance, _ => { }, CancellationToken.None).WithTimeout(TimeSpan.FromMinutes(3));
        var classData = await ClassDataPreparer.EnsureAsync(java, jar, installer.CacheDirectory, NullLogger.Instance, _ => { }, CancellationToken.None).WithTimeout(TimeSpan.FromMinutes(3));
        // The OS names a free port; the few milliseconds until Java binds it are the only window for a clash.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo(java)
        {
            WorkingDirectory = Path.GetDirectoryName(jar)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var arguments = new List<object>();
        DynamoDBLocalLaunch.AddArguments(arguments, jar, port.ToString(System.Globalization.CultureInfo.InvariantCulture), dataDirectory: null, classData);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add((string)argument);
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
