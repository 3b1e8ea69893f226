using Amazon.DynamoDBv2;
using Dapper;
using Microsoft.Data.Sqlite;
using MyService.Api.Http.OpenApi;
using MyService.Api.Items;
using MyService.Api.Storage.DynamoDb;
using MyService.Api.Storage.Sqlite;
using MyService.Api.Storage;
using MyService.Api.Users;
using MyService.ServiceDefaults.Aws;

namespace MyService.Api.Extensions;

/// <summary>Chooses the storage provider from <c>Storage:Provider</c> (docs/GRADUATION.md) and registers its stores.</summary>
public static class StorageExtensions
{
    public const string DefaultConnectionString = "Data Source=data/myservice.db";

    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var provider = builder.Configuration["Storage:Provider"] ?? "sqlite";
        return provider.ToLowerInvariant() switch
        {
            "sqlite" => builder.AddSqliteStorage(),
            "dynamodb" => builder.AddDynamoDBStorage(),
            _ => throw new InvalidOperationException(UnknownProvider(provider)),
        };
    }

    /// <summary>What the chosen provider cannot run without (Program says each and exits before the host starts).</summary>
    public static IReadOnlyList<string> ConfigurationProblems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Storage:Provider"] ?? "sqlite";
        return provider.ToLowerInvariant() switch
        {
            "sqlite" => [],
            "dynamodb" => DynamoDBConfigurationCheck.Problems(configuration, StoreTable.ResourceName),
            _ => [UnknownProvider(provider)],
        };
    }

    private static string UnknownProvider(string provider) =>
        $"Storage:Provider is '{provider}'. Set it to 'sqlite' (the default) or 'dynamodb' (see docs/GRADUATION.md).";

    public static IHostApplicationBuilder AddSqliteStorage(this IHostApplicationBuilder builder)
    {
        builder.AddSqliteDatabase();
        // Not while the build writes the OpenAPI document: it would create and migrate data/myservice.db.
        if (!BuildTimeDocument.IsGenerating)
        {
            builder.Services.AddHostedService<SqliteMigrationService>();
        }

        builder.Services.AddSingleton<IEntityStore<User, UserInput>, SqliteUserStore>();
        builder.Services.AddSingleton<IEntityStore<Item, ItemInput>, SqliteItemStore>();
        builder.Services.AddSingleton<IChangeFeed, SqliteChangeFeed>();
        builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>("sqlite", tags: ["ready"]);
        return builder;
    }

    /// <summary>The SQLite file and its migrator, without the stores (the migration command reads it too).</summary>
    public static IHostApplicationBuilder AddSqliteDatabase(this IHostApplicationBuilder builder)
    {
        // Dapper's handler table is process-wide; registering the same handler again is harmless.
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        // Resolved when first used, so configuration added after this call (tests, hosts) still applies.
        builder.Services.AddSingleton(sp => new SqliteDatabase(ResolveFilePath(
            sp.GetRequiredService<IConfiguration>().GetConnectionString("db") ?? DefaultConnectionString,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        builder.Services.AddSingleton<SqliteMigrator>();
        return builder;
    }

    /// <summary>The API on the DynamoDB store table (docs/DYNAMODB.md); the table itself is created by the platform.</summary>
    public static IHostApplicationBuilder AddDynamoDBStorage(this IHostApplicationBuilder builder)
    {
        builder.AddDynamoDBStore();
        builder.Services.AddSingleton<IEntityStore<User, UserInput>, DynamoUserStore>();
        builder.Services.AddSingleton<IEntityStore<Item, ItemInput>, DynamoItemStore>();
        builder.Services.AddSingleton<IChangeFeed, DynamoChangeFeed>();
        builder.Services.AddHealthChecks().AddCheck<DynamoHealthCheck>("dynamodb", tags: ["ready"]);
        return builder;
    }

    /// <summary>The store table and the pieces every write uses, without the stores (the migration command writes it too).</summary>
    internal static IHostApplicationBuilder AddDynamoDBStore(this IHostApplicationBuilder builder)
    {
        builder.AddDynamoDBClient();
        builder.Services.AddSingleton(sp => new StoreTable(
            sp.GetRequiredService<IAmazonDynamoDB>(),
            DynamoDBClientFactory.TableName(sp.GetRequiredService<IConfiguration>(), StoreTable.ResourceName)));
        builder.Services.AddSingleton<CommitSignal>();
        builder.Services.AddSingleton<StoreCounters>();
        builder.Services.AddSingleton<StoreEvents>();
        builder.Services.AddSingleton<StoreTransaction>();
        return builder;
    }

    /// <summary>A relative file is under the content root, and its directory is created (a fresh volume is empty).</summary>
    internal static string ResolveFilePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new InvalidOperationException("ConnectionStrings:db has no Data Source; set it to a file, e.g. Data Source=data/myservice.db.");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
