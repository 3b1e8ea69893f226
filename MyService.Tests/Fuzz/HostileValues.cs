namespace MyService.Tests.Fuzz;

/// <summary>The pools a generated request draws from: path segments, query strings, content types, headers.</summary>
public static class HostileValues
{
    public static readonly string[] Methods =
        ["GET", "GET", "GET", "POST", "POST", "POST", "PUT", "PUT", "DELETE", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get", "M-SEARCH"];

    public static readonly string[] Segments =
    [
        "1", "2", "3", "5", "8", "13", "0", "-1", "+1", "01", "%201", "1.5", "1e3", "0x10", "abc", "9223372036854775807",
        "9223372036854775808", "99999999999999999999", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2F..%2F", "%00", "%20", "%C3%28",
        "%", "%zz", "null", "undefined", "%F0%9F%99%82", "a%2Fb", new string('9', 400), new string('a', 3000), "1;drop", "1%0d%0aX:%20y",
    ];

    public static readonly string[] Collections = ["/users", "/items", "/events", "/health", "/alive", "/openapi/v1.json", "/", "/admin", "/users/1/extra", "//users", "/USERS", "/items/", "/events/1", "/%2e%2e/%2e%2e/secret", "/openapi/v2.json"];

    public static readonly string[] Queries =
    [
        "", "", "", "?limit=1", "?limit=2", "?limit=1000", "?limit=0", "?limit=-1", "?limit=1001", "?limit=abc", "?limit=1e2", "?limit=",
        "?limit=99999999999999", "?limit=1&limit=2", "?limit=%ZZ", "?limit=%", "?cursor=YWZ0ZXI6MQ", "?cursor=YWZ0ZXI6eA", "?cursor=!!!",
        "?cursor=" + new string('A', 5000), "?cursor=&cursor=", "?after=0", "?after=-3", "?after=x", "?after=99999999999999999999",
        "?after=1&limit=2", "?%C3%28=%C3%28", "?a[b]=c&a[b]=d", "?" + string.Join("&", Enumerable.Range(0, 300).Select(i => $"p{i}=v")),
        "?limit=1#fragment", "?&&&", "?=", "?limit=1%00",
        // The feed's long poll: every bad wait is a 400 naming it; the valid ones are short (a fuzz request waits at most 1 s).
        "?wait=0", "?after=99999999&wait=1", "?wait=-1", "?wait=31", "?wait=30.5", "?wait=1e1", "?wait=abc", "?wait=", "?wait=%20",
        "?wait=99999999999999999999", "?wait=0x10", "?wait=1&wait=2", "?wait=%00", "?wait=+1", "?wait=%D9%A1",
    ];

    public static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
        "application/json; charset=\"utf-8\"", "application/json; charset=utf-7", "application/json; charset=utf-16",
        "application/json; charset=utf-32", "application/json; charset=iso-8859-1", "application/json; charset=latin1",
        "application/json; charset=us-ascii", "application/json; charset=bogus-42", "application/json; charset=", "application/json; charset",
        "application/json; charset=\"\"", "application/json; charset=utf-8; charset=utf-16", "application/json; boundary=xyz",
        "application/json; q=0.1; x=" + new string('y', 2000), "application/problem+json", "application/merge-patch+json", "text/json",
        "application/vnd.api+json", "text/plain", "text/plain; charset=utf-7", "application/xml", "multipart/form-data; boundary=x",
        "multipart/form-data", "application/x-www-form-urlencoded", "application/octet-stream", "", ";", "application/", "/json", "*/*",
        "application/*", "application/json, text/plain", null,
    ];

    public static readonly (string Name, string[] Values)[] Headers =
    [
        ("If-Match", ["*", "\"1\"", "\"2\"", "W/\"1\"", "1", "\"abc\"", "", "\"1\", \"2\"", "W/", "\"", "\"-1\"", "\"99999999999999999999\"", new string('"', 500)]),
        ("traceparent", ["00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "00-xyz", "garbage", "ff-ffffffffffffffffffffffffffffffff-ffffffffffffffff-ff", "00-00000000000000000000000000000000-0000000000000000-00", new string('0', 5000)]),
        ("tracestate", ["a=b", "=,=,=", new string(',', 3000)]),
        ("Accept", ["application/json", "application/problem+json", "*/*", "text/html", "application/xml", "garbage", "", "application/json;q=0", "*/*;q=abc"]),
        ("Content-Encoding", ["gzip", "br", "deflate", "identity", "unknown", "gzip, gzip", ""]),
        ("Accept-Encoding", ["gzip", "*", "x;q=-1"]),
        ("Expect", ["100-continue", "nonsense"]),
        ("X-Forwarded-For", ["1.2.3.4", "not an ip", new string('1', 4000)]),
        ("Cookie", ["a=b", ";;;", new string('c', 6000)]),
        ("X-Long", [new string('L', 16_000)]),
        ("Authorization", ["Bearer x", "Basic !!!", ""]),
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
