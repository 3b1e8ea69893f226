using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>
/// service.environment and service.secrets: every rule here is an error, because each is a secret in plain text
/// (002_508960cd39b0bbae.txt, Pattern 3 pitfalls), a call that fails at run time (loopback) or lost data (SQLite).
/// </summary>
internal static class FsdEnvironmentRules
{
    public static void Check(FsdRuleContext c)
    {
        var environment = c.Yaml.Node("service.environment") as YamlMappingNode;
        var variables = environment?.Children
            .Select(p => new FoundVariable(((YamlScalarNode)p.Key).Value ?? "", (p.Value as YamlScalarNode)?.Value ?? "", $"service.environment.{p.Key}", (int)p.Key.Start.Line))
            .ToList() ?? [];
        var traces = c.Yaml.Flag("service.observability.traces.enabled") == true ? c.Yaml.Text("service.observability.traces.otlpEndpoint") : null;
        // Only an EFS volume outlives the task, so only its mount path holds a SQLite file safely.
        var mountPaths = c.Yaml.Items("service.volumes").Where(v => YamlView.Node(v, "efs") is not null).Select(v => YamlView.Text(v, "mountPath")).OfType<string>().ToList();
        DeploymentRules.Environment(c.Problems, variables, traces, mountPaths);

        var index = 0;
        foreach (var secret in c.Yaml.Items("service.secrets"))
        {
            var field = $"service.secrets[{index++}]";
            var name = YamlView.Text(secret, "name");
            if (name is null)
            {
                c.Problems.Error($"{field}.name", (int)secret.Start.Line, "is missing: ECS injects a secret as the variable it names.", "set name to the variable the app reads.");
            }

            DeploymentRules.SecretArn(c.Problems, $"{field}.valueFrom", YamlView.LineOf(secret, "valueFrom"), YamlView.Text(secret, "valueFrom"));
            if (name is not null && variables.Any(v => v.Name == name))
            {
                c.Problems.Error($"{field}.name", YamlView.LineOf(secret, "name"), $"'{name}' is also in service.environment, where its value would be plain text.", $"remove {name} from service.environment.");
            }
        }
    }
}
