namespace MyService.Hosting.Publishing;

/// <summary>An AWS resource the service uses (FSD <c>dependencies</c>): its type, per-environment name, the actions granted and, for a table, its keys.</summary>
public sealed record DeployedDependency(string Type, string Name, IReadOnlyList<string> Permissions, IReadOnlyList<DeployedKey>? Keys = null);
