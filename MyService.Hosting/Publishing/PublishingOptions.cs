namespace MyService.Hosting.Publishing;

public enum PublishVerb
{
    /// <summary>Write the deployment files from the model, then validate them.</summary>
    Publish,

    /// <summary>Validate existing deployment files (also hand-edited ones) against the rules and the model.</summary>
    Validate,
}

/// <summary>What <c>publish</c> / <c>validate</c> were asked to do; parsed from the AppHost's arguments by <see cref="PublishCommandLine"/>.</summary>
public sealed class PublishingOptions
{
    public const string DefaultOutputPath = "deploy";

    public static readonly IReadOnlyList<string> KnownEnvironments = ["dev", "staging", "prod"];

    public PublishVerb Verb { get; set; }

    /// <summary>Where <c>publish</c> writes (relative to the current directory); also what <c>validate</c> reads without arguments.</summary>
    public string OutputPath { get; set; } = DefaultOutputPath;

    /// <summary>
    /// Null: environment-neutral files (the base values, <c>${ENV}</c> in names, per-environment differences as
    /// workflow <c>--override</c> flags). Set: that environment's overrides applied to the files.
    /// </summary>
    public string? Environment { get; set; }

    /// <summary><c>validate</c>'s files or folders; empty means <see cref="OutputPath"/>.</summary>
    public IReadOnlyList<string> Files { get; set; } = [];

    /// <summary>Prefix of every published name (<c>myservice-api-${ENV}</c>); default from the AppHost project's name.</summary>
    public string? ApplicationName { get; set; }

    /// <summary>The folder Dockerfile paths in the workflow are relative to; default: the AppHost's nearest ancestor with a .sln.</summary>
    public string? RepositoryRoot { get; set; }
}
