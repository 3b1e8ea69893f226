using MyService.Hosting.Publishing.Validation;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Fsd;

/// <summary>FSD <c>dependencies</c>: known types, per-environment names, least-privilege permissions, a valid DynamoDB key schema.</summary>
internal static class FsdDependencyChecks
{
    public static void Check(YamlView yaml, ProblemList problems)
    {
        var index = 0;
        foreach (var dependency in yaml.Items("dependencies"))
        {
            var field = $"dependencies[{index++}]";
            var line = (int)dependency.Start.Line;
            var type = YamlView.Text(dependency, "type") ?? "";
            if (type is not ("aws_dynamodb_table" or "aws_efs_file_system" or "aws_s3_bucket" or "aws_msk_cluster"))
            {
                problems.Error($"{field}.type", line, $"'{type}' is not an FSD dependency type.", "use aws_dynamodb_table, aws_efs_file_system, aws_s3_bucket or aws_msk_cluster.");
            }

            if (YamlView.Text(dependency, "name") is not { } name || !name.Contains(DeploymentDefaults.EnvironmentPlaceholder, StringComparison.Ordinal))
            {
                problems.Error($"{field}.name", line, "has no ${ENV}: environments would share (and overwrite) one resource.", "name it NAME-${ENV}.");
            }

            DeploymentRules.Permissions(problems, $"{field}.permissions", line, type, YamlView.Texts(dependency, "permissions"));
            if (type == "aws_dynamodb_table")
            {
                CheckKeySchema(dependency, field, line, problems);
            }
        }
    }

    private static void CheckKeySchema(YamlNode dependency, string field, int line, ProblemList problems)
    {
        var attributes = YamlView.Node(dependency, "attributes") is YamlSequenceNode a ? a.Children.Select(n => YamlView.Text(n, "name")).ToList() : [];
        var keys = YamlView.Node(dependency, "keySchema") is YamlSequenceNode k ? k.Children.Select(n => (Name: YamlView.Text(n, "attributeName"), Type: YamlView.Text(n, "keyType"))).ToList() : [];
        if (keys.Count(x => x.Type == "HASH") != 1 || keys.Count(x => x.Type == "RANGE") > 1 || keys.Any(x => x.Type is not ("HASH" or "RANGE")))
        {
            problems.Error($"{field}.keySchema", line, "needs exactly one HASH key and at most one RANGE key.", "list keySchema: [{attributeName: pk, keyType: HASH}, {attributeName: sk, keyType: RANGE}].");
        }

        foreach (var key in keys.Where(x => !attributes.Contains(x.Name)))
        {
            problems.Error($"{field}.attributes", line, $"key '{key.Name}' has no attribute definition.", $"add {{name: {key.Name}, type: S}} to attributes.");
        }
    }
}
