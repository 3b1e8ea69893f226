using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Api.Storage.Sqlite;

/// <summary>Ready when the database file answers a query and carries the latest schema.</summary>
public sealed class SqliteHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenReaderAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int?>(
                new CommandDefinition("SELECT MAX(version) FROM schema_version", cancellationToken: cancellationToken));
            return version == Migrations.Latest
                ? HealthCheckResult.Healthy($"schema version {version}")
                : HealthCheckResult.Unhealthy($"schema version {version?.ToString() ?? "none"}, expected {Migrations.Latest}");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return HealthCheckResult.Unhealthy("SQLite is not answering", ex);
        }
    }
}
