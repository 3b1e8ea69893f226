using System.Text;

namespace MyService.Tests.Storage;

/// <summary>Collects the lines a command prints; <c>onLine</c> runs synchronously on each, in order.</summary>
internal sealed class ProgressLines(Action<string>? onLine = null) : TextWriter
{
    public List<string> Lines { get; } = [];

    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        Lines.Add(value ?? "");
        onLine?.Invoke(value ?? "");
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
