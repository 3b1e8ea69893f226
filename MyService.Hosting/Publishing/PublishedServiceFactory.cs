using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Publishing;

/// <summary>Turns each project of the model into a <see cref="PublishedService"/>: its settings, else the defaults for its kind.</summary>
public sealed class PublishedServiceFactory(DistributedApplicationModel model, DistributedApplicationOptions options)
{
    private PublishingOptions Publishing => options.Publishing ?? new PublishingOptions();

    public string ApplicationName => Publishing.ApplicationName ?? Placeholders.ApplicationNameFrom(options.AppHostDirectory);

    private string? _repositoryRoot;

    /// <summary>Found once: every service's Dockerfile path is relative to it.</summary>
    public string RepositoryRoot => _repositoryRoot ??= Publishing.RepositoryRoot ?? FindRepositoryRoot(options.AppHostDirectory);

    /// <summary>Every project, in model order: all of them are deployable services.</summary>
    public IReadOnlyList<ProjectResource> Projects => [.. model.Resources.OfType<ProjectResource>()];

    public static FsdServiceOptions SettingsOf(ProjectResource project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Annotations.OfType<FsdServiceAnnotation>().FirstOrDefault()?.Options ?? new FsdServiceOptions();
    }

    /// <param name="environment">Null: the base values; else that environment's overrides applied.</param>
    public PublishedService Create(ProjectResource project, string? environment)
    {
        ArgumentNullException.ThrowIfNull(project);
        var settings = SettingsOf(project);
        var overrides = environment is not null && settings.Environments.TryGetValue(environment, out var o) ? o : new FsdEnvironmentOverrides();
        var endpoint = project.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Scheme is "http" or "https");
        var listenPort = endpoint is null ? (int?)null : endpoint.TargetPort ?? endpoint.Port ?? 8080;
        var port = settings.LoadBalanced == false ? null : listenPort;
        var healthCheck = project.Annotations.OfType<HttpHealthCheckAnnotation>().FirstOrDefault();

        var published = new PublishEnvironment(model, options, ApplicationName);
        published.Build(project, listenPort, port is not null, settings);

        return new PublishedService
        {
            ResourceName = project.Name,
            BaseName = $"{ApplicationName}-{project.Name}",
            ProjectFolder = Path.GetRelativePath(RepositoryRoot, ProjectDirectoryOf(project)).Replace('\\', '/'),
            ProjectDirectory = ProjectDirectoryOf(project),
            Pack = settings.Pack,
            Owners = [.. settings.Owners],
            Port = port,
            ListenPort = listenPort,
            IsExternal = endpoint?.IsExternal ?? false,
            CertificateArn = endpoint?.IsExternal == true
                ? settings.CertificateArn ?? "arn:aws:acm:${AWS_REGION}:${AWS_ACCOUNT_ID}:certificate/${CERTIFICATE_ID}"
                : settings.CertificateArn,
            LoadBalancerHealthCheck = port is null ? null : DeploymentDefaults.LoadBalancerHealthCheck with { Path = healthCheck?.Path ?? "/health" },
            ContainerHealthCheck = DeploymentDefaults.ContainerHealthCheck with
            {
                Command = settings.ContainerHealthCheckCommand ?? DefaultProbe(project, listenPort, healthCheck?.Path ?? "/health"),
            },
            Sizing = Sizing(settings, overrides, published.Volumes.Count > 0, loadBalanced: port is not null),
            AutoScaling = new AutoScalingSettings(
                settings.TargetCpuUtilization ?? DeploymentDefaults.TargetCpuUtilization,
                settings.TargetMemoryUtilization ?? DeploymentDefaults.TargetMemoryUtilization,
                settings.ScaleInCooldownSeconds ?? DeploymentDefaults.ScaleInCooldownSeconds,
                settings.ScaleOutCooldownSeconds ?? DeploymentDefaults.ScaleOutCooldownSeconds),
            Environment = published.Variables,
            Secrets = published.Secrets,
            Volumes = published.Volumes,
            Dependencies = published.Dependencies,
            HasCollectorSidecar = published.HasCollector,
            LogRetentionDays = overrides.LogRetentionDays ?? settings.LogRetentionDays ?? DeploymentDefaults.LogRetentionDays,
            User = settings.User,
        };
    }

    /// <summary>
    /// SQLite has one writer, so a SQLite service runs exactly one task. An HTTP service starts with two tasks
    /// (one per availability zone) and scales to six; a service without a load balancer (a change-feed consumer) runs one.
    /// </summary>
    private static ServiceSizing Sizing(FsdServiceOptions s, FsdEnvironmentOverrides o, bool usesSqlite, bool loadBalanced)
    {
        var (desired, min, max) = usesSqlite || !loadBalanced ? (1, 1, 1) : (2, 2, 6);
        return new ServiceSizing(
            o.Cpu ?? s.Cpu ?? DeploymentDefaults.Cpu,
            o.Memory ?? s.Memory ?? DeploymentDefaults.Memory,
            o.DesiredCount ?? s.DesiredCount ?? desired,
            o.MinCapacity ?? s.MinCapacity ?? min,
            o.MaxCapacity ?? s.MaxCapacity ?? max);
    }

    /// <summary>The service binary probing itself, as its Dockerfile's HEALTHCHECK does (the images carry no curl).</summary>
    private static List<string> DefaultProbe(ProjectResource project, int? port, string path)
    {
        List<string> command = ["CMD", "dotnet", Path.GetFileName(project.Metadata.TargetPath), "--health-probe"];
        if (port is { } p)
        {
            command.Add($"http://127.0.0.1:{p}{path}");
        }

        return command;
    }

    private static string ProjectDirectoryOf(ProjectResource project) => Path.GetDirectoryName(project.Metadata.ProjectPath) ?? ".";

    private static string FindRepositoryRoot(string appHostDirectory)
    {
        for (var directory = new DirectoryInfo(appHostDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.sln").Any() || directory.EnumerateFiles("*.slnx").Any())
            {
                return directory.FullName;
            }
        }

        return appHostDirectory;
    }
}
