namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>The header (apiVersion, kind, service.type: what the platform deploys at all) and metadata.</summary>
internal static class FsdMetadataRules
{
    public static void Check(FsdRuleContext c)
    {
        Expect(c, "apiVersion", "fsd/v1");
        Expect(c, "kind", "Service");
        Expect(c, "service.type", "ecs");

        // No rule on ${ENV} in metadata.name: `fsd deploy --env` keeps the environments apart (the log group is
        // /ecs/NAME-ENV), and the platform's documents never put ${ENV} in the name. Both forms are valid.
        c.Yaml.Require("metadata.name", "set metadata.name, the service's name.");
        c.Yaml.Require("metadata.pack", "set metadata.pack (the FSD pack the service is deployed with, e.g. dotnet).");
        if (c.Yaml.Node("metadata.owner") is null && YamlView.Texts(c.Yaml.Root, "metadata.owners").Count == 0)
        {
            c.Problems.Warning("metadata.owners", c.Line("metadata"), "no owner: nobody is paged for this service.",
                "set metadata.owners (in the app model: PublishAsFsdService(o => o.Owners.Add(\"team\"))).");
        }
    }

    private static void Expect(FsdRuleContext c, string path, string value)
    {
        if (c.Yaml.Require(path, $"set {path}: {value}.") && c.Yaml.Text(path) != value)
        {
            c.Problems.Error(path, c.Line(path), $"is '{c.Yaml.Text(path)}', expected '{value}'.", $"set {path}: {value}.");
        }
    }
}
