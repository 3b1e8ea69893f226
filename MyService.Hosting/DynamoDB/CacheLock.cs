namespace MyService.Hosting.DynamoDB;

/// <summary>A lock across processes: a file held open with no sharing, released (and left behind) on dispose.</summary>
internal sealed class CacheLock(FileStream file) : IAsyncDisposable
{
    public static async Task<CacheLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new CacheLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Held by another process that is installing: its install is what we are waiting for.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
