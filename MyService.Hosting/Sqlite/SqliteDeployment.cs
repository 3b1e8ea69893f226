using MyService.Hosting.Publishing;
using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Sqlite;

/// <summary>
/// What a SQLite database is on ECS for a service that references it: the file on an EFS volume (its data outlives
/// the task), the file system as a dependency, and one task at a time, since SQLite has one writer. Without
/// WithDataVolume the file would be on the task's disk: that path is still published, so validation can say what is wrong.
/// </summary>
internal static class SqliteDeployment
{
    /// <summary>Where the volume is mounted; the services' Dockerfiles declare the same VOLUME.</summary>
    public const string MountPath = DeploymentDefaults.DataMountPath;

    private static readonly string[] EfsClient = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"];

    public static void Apply(SqliteResource sqlite, EcsDeploymentContext context)
    {
        context.SingleTask = true;
        if (!sqlite.HasDataVolume)
        {
            context.ConnectionString = $"Data Source=/tmp/{sqlite.DatabaseFileName}";
            return;
        }

        context.ConnectionString = $"Data Source={MountPath}/{sqlite.DatabaseFileName}";
        context.Volumes.Add(new DeployedVolume(sqlite.Name, EcsDeploymentContext.Placeholder(sqlite.Name, "FILE_SYSTEM_ID"), "/", MountPath));
        context.Dependencies.Add(new DeployedDependency("aws_efs_file_system", EcsDeploymentContext.PerEnvironment($"{context.ApplicationName}-{sqlite.Name}"), EfsClient));
    }
}
