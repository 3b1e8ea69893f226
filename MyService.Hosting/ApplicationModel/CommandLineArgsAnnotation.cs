namespace MyService.Hosting.ApplicationModel;

public sealed class CommandLineArgsAnnotation(IReadOnlyList<string> args) : IResourceAnnotation
{
    public IReadOnlyList<string> Args { get; } = args;
}
