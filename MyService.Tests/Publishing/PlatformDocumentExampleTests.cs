using MyService.Hosting.Publishing.Validation;
using MyService.Hosting.Publishing.Validation.Fsd;
using Xunit.Abstractions;

namespace MyService.Tests.Publishing;

/// <summary>
/// The files the platform's FSD documents give as working examples are files the platform deploys: validated exactly
/// as written (against the rules only: no model has their services), none may have an error. Their warnings are
/// written to the test output, for a reviewer to read.
/// </summary>
public sealed class PlatformDocumentExampleTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_fsd_example_of_the_documents_validates_without_an_error()
    {
        var examples = PlatformDocuments.FsdExamples();

        // Five in 002, one in 000 (Pattern 4), one in 001 (Pattern 6, with EFS).
        Assert.True(examples.Count >= 7, $"{examples.Count} FSD examples found in {PlatformDocuments.Folder()}, expected at least 7.");
        AssertNoErrors(examples, e => FsdValidator.Validate(e.Name, e.Text, expected: null));
    }

    [Fact]
    public void The_workflow_examples_of_the_documents_have_warnings_but_no_error()
    {
        var examples = PlatformDocuments.WorkflowExamples();

        // 002, Pattern 6 and 000, Pattern 5.
        Assert.True(examples.Count >= 2, $"{examples.Count} workflow examples found in {PlatformDocuments.Folder()}, expected at least 2.");
        var problems = AssertNoErrors(examples, e => DeploymentValidator.ValidateWorkflow(e.Name, e.Text));
        // Neither uses OIDC with id-token: write, nor has a test job to wait for: the rules must say so.
        Assert.All(examples, e => Assert.Contains(problems[e], p => p.Field == "permissions.id-token"));
        Assert.All(examples, e => Assert.Contains(problems[e], p => p.Field.EndsWith(".needs", StringComparison.Ordinal)));
    }

    private Dictionary<DocumentExample, IReadOnlyList<ValidationProblem>> AssertNoErrors(IReadOnlyList<DocumentExample> examples, Func<DocumentExample, IReadOnlyList<ValidationProblem>> validate)
    {
        var results = examples.ToDictionary(e => e, validate);
        foreach (var (example, problems) in results)
        {
            output.WriteLine($"{example}: {problems.Count(p => p.IsError)} error(s), {problems.Count(p => !p.IsError)} warning(s)");
            foreach (var problem in problems)
            {
                output.WriteLine($"  {problem}");
            }
        }

        var errors = results.SelectMany(r => r.Value.Where(p => p.IsError).Select(p => $"{r.Key}: {p}")).ToList();
        Assert.True(errors.Count == 0, $"The documents' examples are files the platform deploys, yet validate reports:\n{string.Join('\n', errors)}");
        return results;
    }
}
