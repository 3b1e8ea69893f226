using MyService.Api.Extensions;
using MyService.Api.Items;
using MyService.Api.Storage.Sqlite;
using MyService.Api.Users;

namespace MyService.Api.Storage.Migration;

/// <summary>
/// <c>dotnet MyService.Api.dll migrate-to-dynamodb</c>: the one-time SQLite -> DynamoDB copy, with the API's own
/// configuration (<c>ConnectionStrings:db</c>, <c>AWS_*</c>, <c>AWS__Resources__store__TableName</c>).
/// </summary>
public static class MigrationCommand
{
    public const string Verb = "migrate-to-dynamodb";

    public static bool IsRequested(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddMigration();
        using var host = builder.Build();
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Stop after the current page; the marker lets the next run resume from there.
            e.Cancel = true;
            cancellation.Cancel();
        };
        var completed = await host.Services.GetRequiredService<SqliteToDynamoMigration>().RunAsync(Console.Out, cancellation.Token);
        return completed ? 0 : 1;
    }

    /// <summary>Both providers side by side: the SQLite stores to read, the DynamoDB ones to write.</summary>
    internal static IHostApplicationBuilder AddMigration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddSqliteDatabase();
        builder.AddDynamoDBStore();
        builder.Services.AddSingleton<SqliteUserStore>();
        builder.Services.AddSingleton<SqliteItemStore>();
        builder.Services.AddSingleton<SqliteChangeFeed>();
        builder.Services.AddSingleton<DynamoUserStore>();
        builder.Services.AddSingleton<DynamoItemStore>();
        builder.Services.AddSingleton<BatchWriter>();
        builder.Services.AddSingleton<SqliteToDynamoMigration>();
        return builder;
    }
}
