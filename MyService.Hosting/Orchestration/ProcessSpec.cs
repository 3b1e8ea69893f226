namespace MyService.Hosting.Orchestration;

/// <summary>What to run: the command, its arguments, directory and complete environment.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment);
