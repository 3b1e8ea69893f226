using MyService.Hosting.Publishing.Validation;

namespace MyService.Hosting.Publishing;

/// <summary>What a publish or validate run did: the files it wrote (full paths), every problem found, and the exit code.</summary>
internal sealed record PublishResult(IReadOnlyList<string> WrittenFiles, IReadOnlyList<ValidationProblem> Problems)
{
    public IEnumerable<ValidationProblem> Errors => Problems.Where(p => p.IsError);

    public int ExitCode => Errors.Any() ? 1 : 0;
}
