using System.Text;

namespace MyService.Tests.Fuzz;

/// <summary>
/// Broken HTTP/1.1 framing, each case filled with a generated target and body: bad versions, bad request lines,
/// Content-Length and Transfer-Encoding conflicts, bad chunks, truncated bodies, header floods, raw bytes.
/// </summary>
public static class RawFramingCases
{
    private const string Host = "Host: 127.0.0.1\r\n";

    private static readonly Func<Random, string, string, string>[] Cases =
    [
        (_, t, _) => $"GET {t} HTTP/9.9\r\n{Host}\r\n",
        (_, t, _) => $"GET {t} HTTP/1.x\r\n{Host}\r\n",
        (_, t, _) => $"GET {t} HTTP/2.0\r\n{Host}\r\n",
        (_, t, _) => $"GET {t}\r\n\r\n",
        (_, t, _) => $"GET {t} HTTP/1.1\r\n\r\n",
        (_, t, _) => $"GET {t} HTTP/1.0\r\n\r\n",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nContent-Length: {b.Length}\r\nTransfer-Encoding: chunked\r\n\r\n{b.Length:x}\r\n{b}\r\n0\r\n\r\n",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{b}\r\n0\r\n\r\n",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{b.Length + 50:x}\r\n{b}",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{b.Length:x};ext=1\r\n{b}\r\n0\r\nX-Trailer: y\r\n\r\n",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n{b.Length:x}\r\n{b}\r\n0\r\n\r\n",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nTransfer-Encoding: identity\r\n\r\n{b}",
        (r, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nContent-Length: {b.Length + r.Next(1, 500)}\r\n\r\n{b}",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nContent-Length: -5\r\n\r\n{b}",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{b}",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nContent-Length: {b.Length}\r\nContent-Length: {b.Length + 1}\r\n\r\n{b}",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{b}",
        (_, t, _) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n",
        (_, t, _) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + string.Concat(Enumerable.Repeat($"1000\r\n{new string(' ', 4096)}\r\n", 20)) + "0\r\n\r\n",
        (r, t, _) => $"GET {t} HTTP/1.1\r\n{Host}" + string.Concat(Enumerable.Range(0, r.Next(100, 3000)).Select(i => $"X-Flood-{i}: {new string('f', 20)}\r\n")) + "\r\n",
        (_, t, _) => $"GET {t} HTTP/1.1\r\n{Host}NoColonHere\r\n\r\n",
        (_, t, _) => $"GET {t} HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n",
        (_, t, _) => $"GET {t} HTTP/1.1\r\n{Host}X-Folded: a\r\n  continued\r\n\r\n",
        (_, t, _) => $"GET {t} HTTP/1.1\r\n{Host}X-Nul: a\0b\r\n\r\n",
        (_, t, b) => $"POST {t} HTTP/1.1\r\n{Host}Content-Type: application/jsoné\r\nContent-Length: {Encoding.UTF8.GetByteCount(b)}\r\n\r\n{b}",
        (_, t, _) => $"GET {t}{new string('a', 20_000)} HTTP/1.1\r\n{Host}\r\n",
        (_, t, _) => $"GET {t} HTTP/1.1\n{Host.Replace("\r", "", StringComparison.Ordinal)}\n",
        (_, _, _) => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        (_, t, _) => $"GET {t} HTTP/1.1\r\n{Host}\r\nGET {t} HTTP/1.1\r\n{Host}\r\n",
        (_, t, _) => $"GET http://127.0.0.1{t} HTTP/1.1\r\n{Host}\r\n",
        (_, _, _) => $"CONNECT 127.0.0.1:80 HTTP/1.1\r\n{Host}\r\n",
        (_, t, _) => $"G(T {t} HTTP/1.1\r\n{Host}\r\n",
        (_, _, _) => $"GET /users/ 1 HTTP/1.1\r\n{Host}\r\n",
        (_, _, _) => $"GET /items/🙂\u0001 HTTP/1.1\r\n{Host}\r\n",
        (_, _, _) => "\r\n\r\n",
        (_, _, _) => "",
        (r, _, _) => new string(Enumerable.Range(0, r.Next(1, 400)).Select(_ => (char)r.Next(0, 256)).ToArray()),
        (_, t, b) => $"PUT {t} HTTP/1.1\r\n{Host}Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(b)}\r\n\r\n{b}",
    ];

    public static byte[] Next(Random random, ApiRequestGenerator requests)
    {
        var generated = requests.Next();
        var body = generated.Body is null ? "{}" : Encoding.UTF8.GetString(generated.Body);
        var text = Cases[random.Next(Cases.Length)](random, generated.Target, body);
        // Latin-1 for the raw-byte cases (one char, one byte); UTF-8 only where the case writes non-ASCII on purpose.
        return text.Any(c => c > 0xFF) ? Encoding.UTF8.GetBytes(text) : Encoding.Latin1.GetBytes(text);
    }
}
