using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MyService.Hosting.Publishing.Fsd;

/// <summary>A <see cref="PublishedService"/> as an FSD v1 service file: stable field order, sorted maps, no timestamps.</summary>
internal static class FsdWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithIndentedSequences()
        .WithQuotingNecessaryStrings()
        .WithNewLine("\n")
        .DisableAliases()
        .Build();

    public static string Write(PublishedService service) => Serializer.Serialize(ToDocument(service));

    public static FsdDocument ToDocument(PublishedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var sizing = service.Sizing;
        var health = service.LoadBalancerHealthCheck;
        return new FsdDocument(
            "fsd/v1",
            "Service",
            new FsdMetadata(service.Name, service.Pack, service.Owners),
            new FsdService(
                "ecs",
                service.Image,
                service.Port,
                health is null ? null : new FsdHealthCheck(health.Path, health.Interval, health.Timeout, health.HealthyThreshold, health.UnhealthyThreshold),
                new FsdResources(sizing.Cpu, sizing.Memory, sizing.DesiredCount, sizing.MinCapacity, sizing.MaxCapacity),
                new FsdAutoScaling(
                    sizing.MinCapacity, sizing.MaxCapacity, service.AutoScaling.TargetCpuUtilization, service.AutoScaling.TargetMemoryUtilization,
                    service.AutoScaling.ScaleInCooldown, service.AutoScaling.ScaleOutCooldown),
                new SortedDictionary<string, string>(service.Environment.ToDictionary(), StringComparer.Ordinal),
                service.Secrets.Select(s => new FsdSecret(s.Name, s.ValueFrom)).ToListOrNull(),
                new FsdNetworking(true, service.Port is null ? null : new FsdLoadBalancer("application", !service.IsExternal, service.CertificateArn)),
                new FsdObservability(
                    new FsdToggle(true),
                    new FsdTraces(service.HasCollectorSidecar, service.HasCollectorSidecar ? DeploymentDefaults.SidecarOtlpEndpoint : null),
                    new FsdLogs(true, service.LogRetentionDays)),
                service.Volumes.Select(v => new FsdVolume(v.Name, new FsdEfs(v.FileSystemId, v.RootDirectory), v.MountPath)).ToListOrNull()),
            service.Dependencies.Select(d => new FsdDependency(
                d.Type,
                d.Name,
                d.Permissions,
                d.Attributes.Select(a => new FsdAttributeDefinition(a.Name, a.Type)).ToListOrNull(),
                d.KeySchema.Select(k => new FsdKeySchemaElement(k.AttributeName, k.KeyType)).ToListOrNull())).ToListOrNull());
    }
}
