namespace MyService.Hosting.Publishing;

/// <summary>
/// The AppHost's verbs: <c>publish [--output-path P] [--environment E]</c> and <c>validate [files...]</c>. Without a
/// verb the AppHost runs the system. The verb's own options are taken out, and the rest goes on to the host.
/// </summary>
public static class PublishCommandLine
{
    public static bool TryParse(string[] args, out PublishingOptions? options, out string[] remaining)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = null;
        remaining = args;
        if (args.Length == 0 || !TryParseVerb(args[0], out var verb))
        {
            return false;
        }

        options = new PublishingOptions { Verb = verb };
        var rest = new List<string>();
        var files = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--output-path" or "-o":
                    options.OutputPath = ValueOf(args, ref i);
                    break;
                case "--environment" or "-e":
                    options.Environment = ValueOf(args, ref i);
                    if (!PublishingOptions.KnownEnvironments.Contains(options.Environment))
                    {
                        throw new DistributedApplicationException(
                            $"Unknown environment '{options.Environment}'. Use one of: {string.Join(", ", PublishingOptions.KnownEnvironments)}.");
                    }

                    break;
                case var file when verb == PublishVerb.Validate && !file.StartsWith('-'):
                    files.Add(file);
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        options.Files = files;
        remaining = [.. rest];
        return true;
    }

    private static bool TryParseVerb(string argument, out PublishVerb verb)
    {
        verb = argument switch
        {
            "publish" => PublishVerb.Publish,
            "validate" => PublishVerb.Validate,
            _ => (PublishVerb)(-1),
        };
        return Enum.IsDefined(verb);
    }

    private static string ValueOf(string[] args, ref int i)
    {
        if (i + 1 >= args.Length || args[i + 1].StartsWith('-'))
        {
            throw new DistributedApplicationException($"'{args[i]}' needs a value.");
        }

        return args[++i];
    }
}
