using System.Reflection;

namespace MyService.Hosting.Testing;

/// <summary>
/// Lets the testing builder run the AppHost's own Program up to <c>Build()</c> and take its builder. An AsyncLocal
/// is the one channel into a top-level Program that the Program need not know about (Aspire uses a
/// DiagnosticListener for the same); it flows only to the code the test invokes.
/// </summary>
internal sealed class TestingHook(Assembly appHostAssembly, Action<DistributedApplicationOptions> configureOptions)
{
    private static readonly AsyncLocal<TestingHook?> Ambient = new();
    private readonly TaskCompletionSource<DistributedApplicationBuilder> _captured = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TestingHook? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public Assembly AppHostAssembly { get; } = appHostAssembly;

    public Task<DistributedApplicationBuilder> Captured => _captured.Task;

    public void ConfigureOptions(DistributedApplicationOptions options) => configureOptions(options);

    public void Capture(DistributedApplicationBuilder builder)
    {
        _captured.TrySetResult(builder);
        throw new TestingHookAbortedException();
    }

    public void Fail(Exception exception) => _captured.TrySetException(exception);
}

/// <summary>Ends the AppHost's Program at <c>Build()</c> under the testing builder.</summary>
internal sealed class TestingHookAbortedException() : Exception("The testing builder took the app model at Build().");
