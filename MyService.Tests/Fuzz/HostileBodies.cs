using System.Text;

namespace MyService.Tests.Fuzz;

/// <summary>Request bodies: valid entities (so creates happen and can be read back) and every way JSON goes wrong.</summary>
public static class HostileBodies
{
    private const string Inserted = "{}[]\":,\\ \u0001é";

    private static readonly Func<Random, string, string>[] Shapes =
    [
        (_, valid) => valid,
        (_, valid) => valid,
        (_, _) => "",
        (_, _) => "null",
        (_, _) => "[]",
        (_, _) => "\"text\"",
        (_, _) => "42",
        (_, _) => "{}",
        (r, valid) => valid[..r.Next(1, valid.Length)],
        (_, valid) => valid.Replace("\"name\":\"", "\"name\":42,\"x\":\"", StringComparison.Ordinal),
        (_, _) => """{"email":42,"name":true}""",
        (_, _) => """{"email":["a@example.com"],"name":{"first":"A"}}""",
        (_, _) => """{"email":null,"name":null,"description":null}""",
        (r, _) => new string('[', r.Next(60, 5000)) + new string(']', 10),
        (r, _) => string.Concat(Enumerable.Repeat("{\"a\":", r.Next(60, 2000))) + "1",
        (r, valid) => valid.Replace("Fuzz", new string('x', r.Next(200, 70_000)), StringComparison.Ordinal),
        (_, _) => """{"email":1e999,"name":123456789012345678901234567890123456789}""",
        (_, _) => """{"email":"\ud800@example.com","name":"\udfff"}""",
        (_, _) => """{"email":"a@example.com","name":"\u0000\u001f\u007f"}""",
        (_, valid) => valid.Replace("{", """{"email":"dup@example.com","name":"dup",""", StringComparison.Ordinal),
        (_, valid) => valid.Replace("}", ""","extra":{"nested":[1,2,3]},"id":-5,"version":"x"}""", StringComparison.Ordinal),
        (_, valid) => "\uFEFF" + valid,
        (_, valid) => valid + " trailing",
        (_, valid) => valid.Replace("}", ",}", StringComparison.Ordinal),
        (_, valid) => "/* comment */" + valid,
        (_, valid) => valid.Replace("\"", "'", StringComparison.Ordinal),
        (_, _) => """{"email":"ü@例え.jp","name":"名前 🙂"}""",
        (r, valid) => Mutate(r, valid),
        (r, valid) => Mutate(r, valid),
    ];

    public static byte[] Next(Random random, string entity, int serial)
    {
        var valid = entity == "users"
            ? $$"""{"email":"fuzz{{serial}}@example.com","name":"Fuzz {{serial}}"}"""
            : $$"""{"name":"Fuzz {{serial}}","description":"d"}""";
        var text = Shapes[random.Next(Shapes.Length)](random, valid);
        var bytes = Encoding.UTF8.GetBytes(text);
        return random.Next(12) switch
        {
            0 => [.. bytes, 0xC3, 0x28],                           // invalid UTF-8 sequence
            1 => [.. bytes.Take(bytes.Length / 2), 0xED, 0xA0, 0x80, .. bytes.Skip(bytes.Length / 2)], // a UTF-8-encoded lone surrogate
            2 => [0xFF, 0xFE, .. bytes],                             // a UTF-16 byte-order mark before UTF-8
            _ => bytes,
        };
    }

    /// <summary>A few random byte-level edits of a valid body: what a buggy or hostile client really sends.</summary>
    private static string Mutate(Random random, string valid)
    {
        var chars = new StringBuilder(valid);
        for (var i = random.Next(1, 4); i > 0 && chars.Length > 1; i--)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(3))
            {
                case 0: chars.Remove(at, 1); break;
                case 1: chars.Insert(at, Inserted[random.Next(Inserted.Length)]); break;
                default: chars[at] = (char)random.Next(0x20, 0x7F); break;
            }
        }

        return chars.ToString();
    }
}
