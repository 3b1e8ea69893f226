namespace MyService.Api.Storage.Sqlite;

/// <summary>Applies pending migrations before the server accepts requests (hosted services start first).</summary>
internal sealed class SqliteMigrationService(SqliteMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken: cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
