using System.Collections;
using System.Globalization;
using MyService.Hosting.Publishing.Model;
using YamlDotNet.Serialization;

namespace MyService.Hosting.Publishing.Fsd;

/// <summary>
/// A <see cref="PublishedService"/> as an FSD v1 service file: fixed field order, sorted maps, no empty parts or timestamps.
/// The service is named without <c>${ENV}</c>: <c>fsd deploy --env</c> keeps environments apart, as the platform's documents show.
/// </summary>
internal static class FsdWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder().WithIndentedSequences().WithQuotingNecessaryStrings().WithNewLine("\n").DisableAliases().Build();

    public static string Write(OrderedDictionary<string, object> tree) => Serializer.Serialize(tree);

    /// <summary>The file as nested maps and lists; <see cref="Overrides"/> compares two of them.</summary>
    public static OrderedDictionary<string, object> ToTree(PublishedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (sizing, health, scaling) = (service.Sizing, service.LoadBalancerHealthCheck, service.Settings);
        var body = Map(
            ("type", "ecs"),
            ("image", service.Image),
            ("port", service.Port),
            ("healthCheck", health is null ? null : Map(
                ("path", health.Path), ("interval", health.Interval), ("timeout", health.Timeout),
                ("healthyThreshold", health.HealthyThreshold), ("unhealthyThreshold", health.UnhealthyThreshold))),
            ("resources", Map(
                ("cpu", sizing.Cpu), ("memory", sizing.Memory), ("desiredCount", sizing.DesiredCount),
                ("minCapacity", sizing.MinCapacity), ("maxCapacity", sizing.MaxCapacity))),
            ("autoScaling", Map(
                ("minCount", sizing.MinCapacity), ("maxCount", sizing.MaxCapacity), ("targetCPU", scaling.TargetCpuUtilization),
                ("targetMemoryUtilization", scaling.TargetMemoryUtilization), ("scaleInCooldown", scaling.ScaleInCooldownSeconds), ("scaleOutCooldown", scaling.ScaleOutCooldownSeconds))),
            ("environment", new SortedDictionary<string, string>(service.Environment.ToDictionary(), StringComparer.Ordinal)),
            ("secrets", NonEmpty(service.Secrets.Select(s => Map(("name", s.Name), ("valueFrom", s.ValueFrom))))),
            ("networking", Map(
                ("vpc", true),
                ("loadBalancer", service.Port is null ? null : Map(("type", "application"), ("internal", !service.IsExternal), ("certificateArn", service.CertificateArn))))),
            ("observability", Map(
                ("metrics", Map(("enabled", true))),
                ("traces", Map(("enabled", service.Sidecar is not null), ("otlpEndpoint", service.Sidecar?.OtlpEndpoint))),
                ("logs", Map(("enabled", true), ("retention", service.LogRetentionDays))))),
            ("volumes", NonEmpty(service.Volumes.Select(v => Map(
                ("name", v.Name), ("efs", Map(("fileSystemId", v.FileSystemId), ("rootDirectory", v.RootDirectory))), ("mountPath", v.MountPath))))));
        return Map(
            ("apiVersion", "fsd/v1"),
            ("kind", "Service"),
            ("metadata", Map(("name", service.BaseName), ("pack", service.Settings.Pack), ("owners", NonEmpty(service.Settings.Owners)))),
            ("service", body),
            ("dependencies", NonEmpty(service.Dependencies.Select(d => Map(
                ("type", d.Type),
                ("name", d.Name),
                ("permissions", d.Permissions),
                ("attributes", NonEmpty(d.Keys?.Select(k => Map(("name", k.Name), ("type", k.AttributeType))))),
                ("keySchema", NonEmpty(d.Keys?.Select(k => Map(("attributeName", k.Name), ("keyType", k.KeyType))))))))));
    }

    /// <summary>
    /// An environment's differences from the base file as <c>fsd deploy --override</c> flags, with paths inside
    /// <c>service</c> as the platform's documents write them (<c>resources.cpu=2048</c>).
    /// </summary>
    public static IReadOnlyList<string> Overrides(OrderedDictionary<string, object> baseFile, OrderedDictionary<string, object> environmentFile)
    {
        var before = Flatten(baseFile["service"], "").ToDictionary(p => p.Path, p => p.Value, StringComparer.Ordinal);
        return [.. Flatten(environmentFile["service"], "").Where(p => before.GetValueOrDefault(p.Path) != p.Value).Select(p => $"{p.Path}={p.Value}").Order(StringComparer.Ordinal)];
    }

    /// <summary>Every scalar of the tree with its dotted path (list items by index), as the file writes it.</summary>
    private static IEnumerable<(string Path, string Value)> Flatten(object node, string path) => node switch
    {
        IDictionary map => map.Keys.Cast<object>().SelectMany(key => Flatten(map[key]!, Child(path, key))),
        IEnumerable list and not string => list.Cast<object>().SelectMany((item, index) => Flatten(item, Child(path, index))),
        bool flag => [(path, flag ? "true" : "false")],
        _ => [(path, Convert.ToString(node, CultureInfo.InvariantCulture) ?? "")],
    };

    private static string Child(string path, object key) => path.Length == 0 ? $"{key}" : $"{path}.{key}";

    /// <summary>A mapping without its null (absent) fields.</summary>
    private static OrderedDictionary<string, object> Map(params (string Key, object? Value)[] fields)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in fields.Where(f => f.Value is not null))
        {
            map[key] = value!;
        }

        return map;
    }

    /// <summary>Empty lists are left out rather than written as <c>[]</c>.</summary>
    private static List<T>? NonEmpty<T>(IEnumerable<T>? items) => items?.ToList() is { Count: > 0 } list ? list : null;
}
