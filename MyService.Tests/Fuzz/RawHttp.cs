using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MyService.Tests.Fuzz;

/// <summary>
/// Sends bytes that are not (quite) HTTP on a fresh TCP connection, half-closes it, and reads the status line of the
/// answer. A 4xx or a closed connection is a fine answer to broken framing; a 5xx or silence is not.
/// </summary>
public static class RawHttp
{
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The status of the first answer; null when the server closed the connection without one.</summary>
    public sealed record Outcome(int? Status, string Head, bool Hung);

    /// <param name="endInput">Half-close after sending; off to read an answer the server gives before the body it declared.</param>
    public static async Task<Outcome> SendAsync(Uri server, byte[] request, bool endInput = true)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var received = new List<byte>();
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Port), timeout.Token);
            await socket.SendAsync(request, SocketFlags.None, timeout.Token);
            if (endInput)
            {
                // End of input: the server must answer or close, not wait for bytes that will never come.
                socket.Shutdown(SocketShutdown.Send);
            }

            var buffer = new byte[4096];
            while (!HasStatusLine(received))
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                received.AddRange(buffer.AsSpan(0, read));
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new Outcome(null, Encoding.ASCII.GetString([.. received]), Hung: true);
        }
        catch (SocketException)
        {
            // Reset while sending a flood it had already refused: a closed connection.
        }

        var head = Encoding.ASCII.GetString([.. received.Take(2048)]);
        var status = head.StartsWith("HTTP/", StringComparison.Ordinal) && head.Split(' ') is [_, var code, ..] && int.TryParse(code, out var parsed)
            ? parsed
            : (int?)null;
        return new Outcome(status, head, Hung: false);
    }

    /// <summary>The request as a failure message shows it: escaped control bytes, shortened.</summary>
    public static string Show(byte[] request)
    {
        var text = string.Concat(Encoding.Latin1.GetString(request.AsSpan(0, Math.Min(request.Length, 200))).Select(c => c is >= ' ' and < '\x7f' ? c.ToString() : $"\\x{(int)c:x2}"));
        return request.Length > 200 ? $"{text}...({request.Length} bytes)" : text;
    }

    private static bool HasStatusLine(List<byte> received) => received.Contains((byte)'\n');
}
