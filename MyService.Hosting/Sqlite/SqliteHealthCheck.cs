using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Hosting.Sqlite;

/// <summary>Healthy while the database file can be opened for writing and answers a query.</summary>
internal sealed class SqliteHealthCheck(SqliteResource resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Pooling off: a pooled connection would keep the file open between checks.
            await using var connection = new SqliteConnection($"Data Source={resource.DatabasePath};Mode=ReadWriteCreate;Pooling=False");
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy(resource.DatabasePath);
        }
        catch (SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"{resource.DatabasePath}: {ex.Message}");
        }
    }
}
