using MyService.Hosting.Publishing.Model;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>
/// FSD <c>dependencies</c>: a type the platform provisions and a name (errors); a name per environment and least
/// privilege (warnings: 002_508960cd39b0bbae.txt, Pattern 5 pitfalls); the DynamoDB key schema and the EFS settings
/// when they are given (errors: CreateTable and CreateFileSystem refuse malformed ones). An existing table listed
/// without keySchema or attributes is valid: the documents list tables that way.
/// </summary>
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
                problems.Error($"{field}.type", YamlView.LineOf(dependency, "type"), $"'{type}' is not an FSD dependency type.", "use aws_dynamodb_table, aws_efs_file_system, aws_s3_bucket or aws_msk_cluster.");
            }

            if (YamlView.Text(dependency, "name") is not { } name)
            {
                problems.Error($"{field}.name", line, "is missing: the platform cannot tell which resource the service uses.", "set name, e.g. ${ENV}-orders.");
            }
            else if (!name.Contains(DeploymentDefaults.EnvironmentPlaceholder, StringComparison.Ordinal))
            {
                problems.Warning($"{field}.name", YamlView.LineOf(dependency, "name"), $"'{name}' has no ${{ENV}}: every environment would share (and overwrite) this one resource.", "name it per environment, e.g. ${ENV}-NAME or NAME-${ENV}.");
            }

            PermissionRules.Check(problems, $"{field}.permissions", YamlView.LineOf(dependency, "permissions"), type, YamlView.Texts(dependency, "permissions"));
            if (type == "aws_dynamodb_table" && YamlView.Node(dependency, "keySchema") is not null)
            {
                CheckKeySchema(dependency, field, problems);
            }

            if (YamlView.Text(dependency, "performanceMode") is { } mode && mode is not ("generalPurpose" or "maxIO"))
            {
                problems.Error($"{field}.performanceMode", YamlView.LineOf(dependency, "performanceMode"), $"'{mode}' is not an EFS performance mode.", "use generalPurpose or maxIO.");
            }
        }
    }

    private static void CheckKeySchema(YamlNode dependency, string field, ProblemList problems)
    {
        var (keyLine, attributeLine) = (YamlView.LineOf(dependency, "keySchema"), YamlView.LineOf(dependency, "attributes"));
        var attributes = YamlView.Node(dependency, "attributes") is YamlSequenceNode a ? a.Children.Select(n => (Name: YamlView.Text(n, "name"), Type: YamlView.Text(n, "type"))).ToList() : [];
        var keys = YamlView.Node(dependency, "keySchema") is YamlSequenceNode k ? k.Children.Select(n => (Name: YamlView.Text(n, "attributeName"), Type: YamlView.Text(n, "keyType"))).ToList() : [];
        if (keys.Count(x => x.Type == "HASH") != 1 || keys.Count(x => x.Type == "RANGE") > 1 || keys.Any(x => x.Type is not ("HASH" or "RANGE")))
        {
            problems.Error($"{field}.keySchema", keyLine, "needs exactly one HASH key and at most one RANGE key.", "list keySchema: [{attributeName: pk, keyType: HASH}, {attributeName: sk, keyType: RANGE}].");
        }

        foreach (var key in keys.Where(x => attributes.All(attribute => attribute.Name != x.Name)))
        {
            problems.Error($"{field}.attributes", attributeLine, $"key '{key.Name}' has no attribute definition.", $"add {{name: {key.Name}, type: S}} to attributes.");
        }

        foreach (var attribute in attributes.Where(x => x.Type is not ("S" or "N" or "B")))
        {
            problems.Error($"{field}.attributes", attributeLine, $"attribute '{attribute.Name}' has type '{attribute.Type}', which DynamoDB does not key on.", "use S (string), N (number) or B (binary).");
        }
    }
}
