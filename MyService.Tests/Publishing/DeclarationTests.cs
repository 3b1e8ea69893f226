using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MyService.Hosting;
using MyService.Hosting.Publishing;

namespace MyService.Tests.Publishing;

/// <summary>
/// A resource's deployed form comes from its own declaration (an <see cref="EcsDeploymentAnnotation"/>), so an
/// integration the ECS environment has never heard of takes part in publish without a change to it.
/// </summary>
public sealed class DeclarationTests
{
    [Fact]
    public async Task A_third_party_resource_declares_its_dependency_variable_and_single_writer_limit()
    {
        using var run = await PublishRun.ModelAsync(builder =>
        {
            var bucket = builder.AddResource(new BucketResource("exports"))
                .WithAnnotation(new EcsDeploymentAnnotation(context =>
                {
                    var name = EcsDeploymentContext.PerEnvironment($"{context.ApplicationName}-{context.Resource.Name}");
                    context.Environment["Exports__Bucket"] = name;
                    context.Dependencies.Add(new DeployedDependency("aws_s3_bucket", name, context.RequestedPermissions ?? ["s3:GetObject"]));
                    context.SingleTask = true;
                }));
            builder.AddProject<TestWebProject>("web").WithHttpEndpoint(port: 8000).WithReferenceRelationship(bucket.Resource)
                .PublishAsFsdService(o =>
                {
                    o.Owners.Add("team");
                    o.Permissions["exports"] = ["s3:PutObject", "s3:GetObject"];
                });
        });

        Assert.False(run.Failed, run.Output);
        var fsd = run.Read("fsd/web.yml");
        Assert.Contains("Exports__Bucket: testapp-exports-${ENV}", fsd, StringComparison.Ordinal);
        Assert.Contains("  - type: aws_s3_bucket\n    name: testapp-exports-${ENV}\n    permissions:\n      - s3:GetObject\n      - s3:PutObject\n", fsd, StringComparison.Ordinal);
        Assert.Contains("desiredCount: 1\n    minCapacity: 1\n    maxCapacity: 1", fsd, StringComparison.Ordinal);
        Assert.Contains("\"maximumPercent\": 100,\n    \"minimumHealthyPercent\": 0", run.Read("ecs/web.service.json"), StringComparison.Ordinal);
        Assert.Contains("Validation: valid: 0 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declaration_on_the_service_itself_applies_to_it()
    {
        using var run = await PublishRun.ModelAsync(builder => builder.AddProject<TestWebProject>("web").WithHttpEndpoint(port: 8000)
            .WithAnnotation(new EcsDeploymentAnnotation(context => context.Environment["Deployed__As"] = context.Service.Name))
            .PublishAsFsdService(o => o.Owners.Add("team")));

        Assert.False(run.Failed, run.Output);
        Assert.Contains("Deployed__As: web", run.Read("fsd/web.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_volumes_on_one_mount_path_fail_publish_naming_both()
    {
        using var run = await PublishRun.ModelAsync(builder =>
        {
            var first = builder.AddSqlite("first").WithDataVolume();
            var second = builder.AddSqlite("second").WithDataVolume();
            builder.AddProject<TestWebProject>("web").WithHttpEndpoint(port: 8000).WithReference(first).WithReference(second).PublishAsFsdService(o => o.Owners.Add("team"));
        });

        Assert.True(run.Failed);
        Assert.Contains("'web' would mount first and second at /app/data: one volume per mount path.", run.Output, StringComparison.Ordinal);
    }

    private sealed class BucketResource(string name) : Resource(name);
}
