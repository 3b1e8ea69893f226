using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MyService.Tests.Fuzz;

/// <summary>
/// Sends bytes that are not (quite) HTTP on a fresh TCP connection and reads the status of the final answer. A 4xx or a
/// closed connection is a fine answer to broken framing; a 5xx or silence is not.
/// </summary>
public static class RawHttp
{
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(20);

    // How long a complete request gets before the input is ended: Kestrel aborts a request whose client half-closes,
    // so ending at once would lose the answers to well-framed requests.
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(500);

    /// <summary>The status of the final answer (1xx skipped); null when the server closed the connection without one.</summary>
    public sealed record Outcome(int? Status, string Head, bool Hung);

    /// <param name="endInput">
    /// Half-close when no answer came within <see cref="Patience"/>: the client has nothing more, so the server must
    /// answer or close. Off to read an answer the server gives before the body it was told to expect.
    /// </param>
    public static async Task<Outcome> SendAsync(Uri server, byte[] request, bool endInput = true)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var received = new List<byte>();
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Port), timeout.Token);
            await socket.SendAsync(request, SocketFlags.None, timeout.Token);
            var buffer = new byte[4096];
            var ended = !endInput;
            while (FinalStatus(received) is null)
            {
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
                if (!ended)
                {
                    patience.CancelAfter(Patience);
                }

                int read;
                try
                {
                    read = await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token);
                }
                catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
                {
                    socket.Shutdown(SocketShutdown.Send);
                    ended = true;
                    continue;
                }

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
        return new Outcome(FinalStatus(received), head, Hung: false);
    }

    /// <summary>The request as a failure message shows it: escaped control bytes, shortened.</summary>
    public static string Show(byte[] request)
    {
        var text = string.Concat(Encoding.Latin1.GetString(request.AsSpan(0, Math.Min(request.Length, 200))).Select(c => c is >= ' ' and < '\x7f' ? c.ToString() : $"\\x{(int)c:x2}"));
        return request.Length > 200 ? $"{text}...({request.Length} bytes)" : text;
    }

    /// <summary>The first status line that is not 1xx (100 Continue comes before the real answer).</summary>
    private static int? FinalStatus(List<byte> received)
    {
        foreach (var line in Encoding.ASCII.GetString([.. received]).Split("\r\n"))
        {
            if (line.StartsWith("HTTP/", StringComparison.Ordinal) && line.Split(' ') is [_, var code, ..] && int.TryParse(code, out var status) && status >= 200)
            {
                return status;
            }
        }

        return null;
    }
}
