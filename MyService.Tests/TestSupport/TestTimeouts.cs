namespace MyService.Tests.TestSupport;

/// <summary>Every await in the tests is bounded: a hang fails the test with a message instead of stalling CI.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    public static Task<T> WithTimeout<T>(this Task<T> task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default);

    public static Task WithTimeout(this Task task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default);

    public static Task<T> WithTimeout<T>(this ValueTask<T> task, TimeSpan? timeout = null) => task.AsTask().WaitAsync(timeout ?? Default);
}
