namespace MyService.Hosting.Publishing;

/// <summary>A persistent EFS volume mounted into the service's container (FSD <c>service.volumes</c>, the task's EFS volume).</summary>
public sealed record DeployedVolume(string Name, string FileSystemId, string RootDirectory, string MountPath);
