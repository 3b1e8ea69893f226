using System.IO.Compression;
using System.Text;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// DynamoDBLocal.jar as class-data sharing can take it. The package's manifest puts "." (the jar's folder, not empty)
/// and log4j2.xml on its Class-Path, and the JVM refuses to archive a class path with a directory in it; nothing is
/// loaded from either (the folder holds the jar, its libraries and licence texts). The copy beside it differs only in
/// that Class-Path, which lists the jars, so its classes and their order are the package's.
/// </summary>
internal static class LaunchJar
{
    private const string ClassPath = "Class-Path:";

    /// <summary>Beside the original: the Class-Path entries are relative to the jar's folder.</summary>
    public static string PathFor(string jar) => Path.Combine(Path.GetDirectoryName(jar)!, "DynamoDBLocal-classdata.jar");

    /// <summary>sqlite4java's native libraries, which DynamoDB Local loads from java.library.path.</summary>
    public static string NativeLibraries(string jar) => Path.Combine(Path.GetDirectoryName(jar)!, "DynamoDBLocal_lib");

    public static void Write(string jar, string launchJar)
    {
        var partial = launchJar + ".partial";
        File.Copy(jar, partial, overwrite: true);
        using (var zip = ZipFile.Open(partial, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("META-INF/MANIFEST.MF") ?? throw new ClassDataException($"{jar} has no META-INF/MANIFEST.MF");
            string manifest;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                manifest = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("META-INF/MANIFEST.MF").Open(), new UTF8Encoding(false));
            writer.Write(JarsOnly(manifest));
        }

        File.Move(partial, launchJar, overwrite: true);
    }

    /// <summary>The manifest with only the .jar entries of its Class-Path, folded again at 72 bytes per line (it is ASCII: a character is a byte).</summary>
    internal static string JarsOnly(string manifest)
    {
        var lines = new List<string>();
        foreach (var line in manifest.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            // A line starting with a space continues the one before.
            if (line.StartsWith(' ') && lines.Count > 0)
            {
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var kept = line.StartsWith(ClassPath, StringComparison.Ordinal)
                ? $"{ClassPath} {string.Join(' ', line[ClassPath.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(e => e.EndsWith(".jar", StringComparison.Ordinal)))}"
                : line;
            text.Append(kept.AsSpan(0, Math.Min(72, kept.Length))).Append("\r\n");
            for (var at = 72; at < kept.Length; at += 71)
            {
                text.Append(' ').Append(kept.AsSpan(at, Math.Min(71, kept.Length - at))).Append("\r\n");
            }
        }

        return text.Append("\r\n").ToString();
    }
}
