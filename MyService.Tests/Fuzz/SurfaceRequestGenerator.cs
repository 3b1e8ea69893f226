namespace MyService.Tests.Fuzz;

/// <summary>
/// The API generator's pools aimed at a smaller surface (the worker's health endpoints, the collector's receiver):
/// its paths, with any method, query, content type, body and headers; <paramref name="extraHeaders"/> adds the
/// surface's own (an API key, right or wrong).
/// </summary>
public sealed class SurfaceRequestGenerator(Random random, string[] paths, string?[] contentTypes, Func<Random, IEnumerable<KeyValuePair<string, string>>> extraHeaders)
{
    public FuzzRequest Next()
    {
        var method = random.Next(3) == 0 ? random.Pick(HostileValues.Methods) : random.Pick(["GET", "POST"]);
        var target = random.Pick(paths) + (random.Next(4) == 0 ? random.Pick(HostileValues.Queries) : "");
        var body = random.Next(3) switch
        {
            0 => null,
            1 => HostileBodies.Next(random, "users", random.Next()),
            _ => RandomBytes(),
        };
        var headers = extraHeaders(random).ToList();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var (name, values) = random.Pick(HostileValues.Headers);
            headers.Add(new(name, random.Pick(values)));
        }

        return new FuzzRequest(method, target, headers, body is null ? null : random.Pick(contentTypes), body);
    }

    /// <summary>Bytes with no structure, up to 64 KB: what a wrong exporter or a stray client sends.</summary>
    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(4) == 0 ? random.Next(0, 65_536) : random.Next(0, 256)];
        random.NextBytes(bytes);
        return bytes;
    }
}
