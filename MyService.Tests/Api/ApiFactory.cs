using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Api;

/// <summary>The API in-process on its own SQLite file: one per test class (IClassFixture), or per test for restarts.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _ownedDirectory;

    /// <summary>A fresh database in a temp directory of its own.</summary>
    public ApiFactory()
    {
        _ownedDirectory = new TempDirectory();
        DatabasePath = _ownedDirectory.File("api.db");
    }

    private ApiFactory(string databasePath) => DatabasePath = databasePath;

    private IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    private Action<IWebHostBuilder> Configure { get; init; } = _ => { };

    /// <summary>An app on an existing (or to-be-created) database file that the caller owns.</summary>
    public static ApiFactory OnFile(string databasePath) => new(databasePath);

    /// <summary>An app with <c>Storage:Provider=dynamodb</c> and <paramref name="settings"/> (endpoint, table names).</summary>
    public static ApiFactory OnDynamoDB(IReadOnlyDictionary<string, string?> settings) =>
        new() { Settings = new Dictionary<string, string?>(settings) { ["Storage:Provider"] = "dynamodb" } };

    /// <summary>A fresh database, and <paramref name="configure"/> applied to the host after the defaults (log providers, startup filters).</summary>
    public static ApiFactory With(Action<IWebHostBuilder> configure) => new() { Configure = configure };

    public string DatabasePath { get; }

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.Timeout = TestTimeouts.Default;
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:db", $"Data Source={DatabasePath}");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        Configure(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownedDirectory?.Dispose();
        }
    }
}
