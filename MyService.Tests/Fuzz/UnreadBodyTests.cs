using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MyService.Tests.Fuzz;

/// <summary>
/// Found by the fuzz suite: the API's 64 KiB body cap was set on every request, so a bigger body the API never reads
/// (a GET, a 404, a 405) could not be drained and Kestrel cut the connection after answering, under a client that
/// was already sending its next request on it.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class UnreadBodyTests
{
    [Theory]
    [InlineData("GET /users/1")]
    [InlineData("PATCH /users")]
    [InlineData("GET /no-such-route")]
    public async Task A_big_body_the_api_does_not_read_leaves_the_connection_open_for_the_next_request(string requestLine)
    {
        using var api = FuzzServers.Api();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, api.BaseAddress.Port)).WithTimeout();
        var body = new string('x', 100_000);
        var pipelined = $"{requestLine} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\n\r\n{body}"
            + "GET /alive HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(pipelined)).WithTimeout();

        var answers = await ReadStatusLinesAsync(socket, 2);

        Assert.Equal(2, answers.Count);
        Assert.StartsWith("HTTP/1.1 200", answers[1], StringComparison.Ordinal);
    }

    /// <summary>Status lines until <paramref name="count"/> arrived or the server closed the connection.</summary>
    private static async Task<List<string>> ReadStatusLinesAsync(Socket socket, int count)
    {
        var text = new StringBuilder();
        var buffer = new byte[8192];
        List<string> lines = [];
        while (lines.Count < count)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None).WithTimeout();
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            lines = [.. text.ToString().Split("\r\n").Where(line => line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))];
        }

        return lines;
    }
}
