using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>
/// A GitHub Actions deploy workflow. GitHub runs one without OIDC or without waiting for the tests, so both are
/// warnings, each with the pitfall of 002_508960cd39b0bbae.txt, Pattern 6 it comes from; only a file that is not a
/// workflow at all (not YAML, no jobs) is an error.
/// </summary>
internal static class WorkflowRules
{
    public static IReadOnlyList<ValidationProblem> Validate(string file, string text)
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

        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root || Child(root, "jobs") is not YamlMappingNode jobs)
        {
            problems.Error("jobs", 1, "is missing: GitHub runs nothing without jobs.", "add the workflow's jobs.");
            return problems.Problems;
        }

        var deployJobs = jobs.Children.Where(j => Runs(j.Value, "fsd deploy")).Select(j => (Name: ((YamlScalarNode)j.Key).Value ?? "", Job: j.Value)).ToList();
        var oidc = IdTokenWrite(root) || deployJobs.Any(j => IdTokenWrite(j.Job));
        if (!oidc)
        {
            problems.Warning("permissions.id-token", null, "is not 'write': the workflow cannot use OIDC and needs stored AWS keys (002_508960cd39b0bbae.txt, Pattern 6 pitfall \"Not using OIDC for AWS auth\").",
                "set permissions: id-token: write, and configure-aws-credentials with role-to-assume.");
        }

        foreach (var (name, job) in deployJobs.Where(j => Child(j.Job, "needs") is null))
        {
            problems.Warning($"jobs.{name}.needs", (int)job.Start.Line, "the deploy job does not wait for the tests (002_508960cd39b0bbae.txt, Pattern 6 pitfall \"Deploying on every commit\").",
                $"set needs: test on the {name} job (a test job that runs ./test.sh).");
        }

        return problems.Problems;
    }

    private static YamlNode? Child(YamlNode node, string name) =>
        node is YamlMappingNode mapping ? mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode key && key.Value == name).Value : null;

    /// <summary><c>permissions: {id-token: write}</c>, or <c>permissions: write-all</c>, on a workflow or a job.</summary>
    private static bool IdTokenWrite(YamlNode node) => Child(node, "permissions") switch
    {
        YamlScalarNode all => all.Value == "write-all",
        { } permissions => (Child(permissions, "id-token") as YamlScalarNode)?.Value == "write",
        null => false,
    };

    private static bool Runs(YamlNode job, string command) =>
        Child(job, "steps") is YamlSequenceNode steps && steps.Children.Any(s => (Child(s, "run") as YamlScalarNode)?.Value?.Contains(command, StringComparison.Ordinal) == true);
}
