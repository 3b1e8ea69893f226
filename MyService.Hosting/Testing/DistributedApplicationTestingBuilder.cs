using System.Reflection;
using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Testing;

/// <summary>
/// Starts the AppHost's own model (its Program, not a copy) for tests: every port random, data in a throw-away
/// directory, DynamoDB Local in memory, no dashboard. <typeparamref name="TAppHost"/> is the generated
/// <c>Projects.MyService_AppHost</c> of a test project that references the AppHost.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromSeconds(60);

    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync<TAppHost>(string[]? args = null, CancellationToken cancellationToken = default)
        where TAppHost : IProjectMetadata, new()
    {
        var metadata = new TAppHost();
        var assembly = Assembly.Load(Path.GetFileNameWithoutExtension(metadata.TargetPath));
        var entryPoint = assembly.EntryPoint ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point.");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "myservice-apphost-tests", Guid.NewGuid().ToString("N"));
        var hook = new TestingHook(assembly, options =>
        {
            options.RandomizePorts = true;
            options.EphemeralData = true;
            options.DisableDashboard = true;
            options.DataDirectory = dataDirectory;
            options.StopGracePeriod = TimeSpan.FromSeconds(5);
        });

        // Set here, the hook flows into the task below and is gone again when this method returns.
        TestingHook.Current = hook;
        _ = Task.Run(() => RunProgramToBuild(entryPoint, args ?? [], hook), CancellationToken.None);
        TestingHook.Current = null;
        var builder = await hook.Captured.WaitAsync(BuildTimeout, cancellationToken);
        // Start-up progress is for a person at a terminal; tests read state from the notifications instead.
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(builder.Services, TextWriter.Null);
        return new TestingBuilder(builder, dataDirectory);
    }

    private static async Task RunProgramToBuild(MethodInfo entryPoint, string[] args, TestingHook hook)
    {
        try
        {
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
            if (result is Task task)
            {
                await task;
            }

            hook.Fail(new InvalidOperationException("The AppHost's Program returned without calling builder.Build()."));
        }
        catch (Exception ex) when (Unwrap(ex) is TestingHookAbortedException)
        {
            // Expected: Build() handed over the builder.
        }
        catch (Exception ex) when (ex is TargetInvocationException or InvalidOperationException or DistributedApplicationException)
        {
            hook.Fail(Unwrap(ex));
        }
    }

    private static Exception Unwrap(Exception ex) => ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;

    private sealed class TestingBuilder(DistributedApplicationBuilder builder, string dataDirectory) : IDistributedApplicationTestingBuilder
    {
        public DistributedApplicationBuilder Inner => builder;

        public Microsoft.Extensions.Configuration.ConfigurationManager Configuration => builder.Configuration;

        public Microsoft.Extensions.DependencyInjection.IServiceCollection Services => builder.Services;

        public IReadOnlyList<IResource> Resources => builder.Resources;

        public DistributedApplicationOptions Options => builder.Options;

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default)
        {
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(Services, new ThrowAwayDirectory(dataDirectory));
            return Task.FromResult(builder.BuildCore());
        }
    }

    /// <summary>Deleted when the app is disposed (after its processes have stopped).</summary>
    private sealed class ThrowAwayDirectory(string path) : IDisposable
    {
        public void Dispose()
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}

public interface IDistributedApplicationTestingBuilder
{
    Microsoft.Extensions.Configuration.ConfigurationManager Configuration { get; }

    Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; }

    IReadOnlyList<IResource> Resources { get; }

    DistributedApplicationOptions Options { get; }

    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
