using MyService.Hosting.Publishing.Validation;

namespace MyService.Tests.Publishing;

/// <summary>The workflow rules on the committed deploy workflow: as published it has no problem; broken, each rule says so.</summary>
public sealed class WorkflowValidationRuleTests
{
    private static readonly string Workflow = File.ReadAllText(Path.Combine(TestSupport.RepositoryRoot.Path, "deploy", "github", "deploy.yml"));

    [Fact]
    public void The_published_workflow_has_no_problem() =>
        Assert.Empty(DeploymentValidator.ValidateWorkflow("github/deploy.yml", Workflow));

    [Theory]
    [InlineData("  id-token: write", "  id-token: none", "permissions.id-token", "Not using OIDC for AWS auth", "id-token: write")]
    [InlineData("    needs: test\n", "", "jobs.deploy.needs", "Deploying on every commit", "needs: test")]
    public void A_workflow_without_oidc_or_without_waiting_for_the_tests_is_a_warning(string find, string replace, string field, string pitfall, string fix)
    {
        Assert.Contains(find, Workflow, StringComparison.Ordinal);

        var problem = Assert.Single(DeploymentValidator.ValidateWorkflow("github/deploy.yml", Workflow.Replace(find, replace, StringComparison.Ordinal)));

        Assert.False(problem.IsError, problem.ToString());
        Assert.Equal(field, problem.Field);
        Assert.Contains(pitfall, problem.Message, StringComparison.Ordinal);
        Assert.Contains(fix, problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_without_jobs_is_an_error()
    {
        var problem = Assert.Single(DeploymentValidator.ValidateWorkflow("github/deploy.yml", Workflow.Replace("\njobs:", "\njobz:", StringComparison.Ordinal)));

        Assert.True(problem.IsError);
        Assert.Equal("jobs", problem.Field);
    }
}
