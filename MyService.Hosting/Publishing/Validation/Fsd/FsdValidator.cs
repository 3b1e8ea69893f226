using MyService.Hosting.Publishing.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>
/// Validates an FSD v1 service file, generated or hand-edited: its shape (<see cref="FsdSchema"/>), then each section's
/// rules (docs/DEPLOYMENT.md, "Validation rules"), and, when the model has the service, that the file agrees with it.
/// A value the platform defaults when it is left out is never reported: the platform's FSD documents leave them out.
/// </summary>
internal static class FsdValidator
{
    /// <param name="expected">The service as the app model publishes it; null when the model has no such service.</param>
    public static IReadOnlyList<ValidationProblem> Validate(string file, string text, PublishedService? expected)
    {
        var problems = new ProblemList(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            problems.Error("(file)", (int)ex.Start.Line, $"is not valid YAML: {ex.Message}", "fix the YAML syntax at that line.");
            return problems.Problems;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Error("(file)", 1, "is not one YAML mapping.", "an FSD file is one document starting with apiVersion: fsd/v1.");
            return problems.Problems;
        }

        FsdSchema.Root.Check(root, "", problems);
        var context = new FsdRuleContext(new YamlView(root, problems), problems, expected);
        FsdMetadataRules.Check(context);
        var port = FsdHealthCheckRules.Check(context);
        FsdResourceRules.Check(context);
        FsdEnvironmentRules.Check(context);
        FsdNetworkingRules.Check(context, port);
        FsdObservabilityRules.Check(context);
        FsdVolumeRules.Check(context);
        FsdDependencyChecks.Check(context.Yaml, problems);
        return problems.Problems;
    }
}
