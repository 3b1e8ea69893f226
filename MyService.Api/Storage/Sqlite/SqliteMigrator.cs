using Dapper;
using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>Brings the database to the latest schema, recording each applied migration in <c>schema_version</c>.</summary>
public sealed partial class SqliteMigrator(SqliteDatabase database, ILogger<SqliteMigrator> logger)
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    public async Task<int> MigrateAsync(int? targetVersion = null, CancellationToken cancellationToken = default)
    {
        var target = targetVersion ?? Migrations.Latest;
        await EnableWalAsync(cancellationToken);
        var current = await database.WriteAsync((c, t) => CurrentVersionAsync(c, t), cancellationToken);
        foreach (var migration in Migrations.All.Where(m => m.Version > current && m.Version <= target))
        {
            // Re-checked inside the transaction: another process may have applied it meanwhile.
            await database.WriteAsync(async (connection, transaction) =>
            {
                if (await CurrentVersionAsync(connection, transaction) >= migration.Version)
                {
                    return 0;
                }

                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                    new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O") },
                    transaction);
                return migration.Version;
            }, cancellationToken);
            LogApplied(logger, migration.Version, migration.Name);
        }

        return await database.WriteAsync((c, t) => CurrentVersionAsync(c, t), cancellationToken);
    }

    private async Task EnableWalAsync(CancellationToken cancellationToken)
    {
        // journal_mode is a property of the file, not the connection, and cannot change inside a transaction.
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await connection.ExecuteAsync(CreateVersionTable, transaction: transaction);
        return await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version", transaction: transaction) ?? 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied SQLite migration {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
