extern alias AppHost;

using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.DynamoDB;
using MyService.Hosting.Restarts;
using TempDirectory = MyService.Tests.TestSupport.TempDirectory;

namespace MyService.Tests.Distributed;

/// <summary>
/// The real AppHost's model, built by its own Program in publish mode (Aspire's pipeline; no DCP, no process starts):
/// the resources, what waits for what, what restarts, which table is whose. What the model says; whether the
/// processes then behave so is <see cref="AppHostTests"/>' and <see cref="FaultTests"/>' part. (In run mode the
/// AppHost's Program starts the app as soon as it is built, so a run-mode model cannot be had without DCP.)
/// </summary>
public sealed class AppModelTests(AppModelTests.BuiltModel model) : IClassFixture<AppModelTests.BuiltModel>
{
    [Fact]
    public void Every_resource_the_readme_lists_is_in_the_model()
    {
        Assert.Subset(model.Resources.Select(r => r.Name).ToHashSet(), AppHostFixture.Resources.ToHashSet());
    }

    [Fact]
    public void The_worker_starts_beside_the_api_and_its_table_and_the_api_waits_for_its_database()
    {
        // The worker retries until they answer (Starting on its health meanwhile): its start is off the critical path.
        Assert.Empty(model.Waits("worker"));
        Assert.Contains(model.Waits("api"), w => w.Resource == "db");
        Assert.Empty(model.Waits("dynamodb"));
    }

    [Fact]
    public void The_api_the_worker_and_dynamodb_restart_after_a_crash_and_nothing_else_does()
    {
        Assert.Equal(
            ["api", "dynamodb", "worker"],
            model.Resources.Where(r => r.HasAnnotationOfType<RestartPolicyAnnotation>()).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_table_lives_in_dynamodb_with_string_keys_and_belongs_to_its_one_service()
    {
        var dynamodb = model.Resources.OfType<DynamoDBLocalResource>().Single();
        var tables = model.Resources.OfType<DynamoDBTableResource>().ToList();
        Assert.All(tables, t => Assert.Same(dynamodb, t.Parent));
        Assert.Equal(["myservice-projection", "myservice-store"], tables.Select(t => t.TableName).Order(StringComparer.Ordinal));
        Assert.All(tables, t => Assert.Equal(("pk", "sk"), (t.PartitionKey, t.SortKey)));
        Assert.Contains("projection", model.RelatedTo("worker"));
        Assert.DoesNotContain("projection", model.RelatedTo("api"));
        Assert.Contains("store", model.RelatedTo("api"));
        Assert.DoesNotContain("store", model.RelatedTo("worker"));
    }

    /// <summary>The model, built once for the class; the publish run's files go to a throw-away folder.</summary>
    public sealed class BuiltModel : IAsyncLifetime
    {
        private readonly TempDirectory _output = new();

        public IResourceCollection Resources { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            string[] args = ["--operation", "publish", "--step", "publish", "--output-path", _output.Path, AppHostFixture.RunsDynamoDBLocal];
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost::Projects.MyService_AppHost>(args).WithTimeout(TimeSpan.FromMinutes(1));
            // The pipeline's report would only fill the test log.
            builder.Configuration["Logging:Console:LogLevel:Default"] = "None";
            await using var app = await builder.BuildAsync().WithTimeout(TimeSpan.FromMinutes(1));
            // Taken before the run: once the pipeline has stopped the app, its services are gone (the model stays).
            Resources = app.Services.GetRequiredService<DistributedApplicationModel>().Resources;
            // Publish mode: the pipeline runs once and stops the app; whether it published is the publishing tests' business.
            await app.RunAsync().WithTimeout(TimeSpan.FromMinutes(2));
        }

        private IResource Resource(string name) => Resources.Single(r => r.Name == name);

        public IReadOnlyList<(string Resource, WaitType Type)> Waits(string name) =>
            [.. Resource(name).Annotations.OfType<WaitAnnotation>().Select(w => (w.Resource.Name, w.WaitType))];

        /// <summary>What the resource references or waits for (its relationships on the dashboard, of any kind).</summary>
        public IReadOnlyList<string> RelatedTo(string name) =>
            [.. Resource(name).Annotations.OfType<ResourceRelationshipAnnotation>().Select(r => r.Resource.Name)];

        public Task DisposeAsync()
        {
            _output.Dispose();
            return Task.CompletedTask;
        }
    }
}
