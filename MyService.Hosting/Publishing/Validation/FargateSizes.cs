using System.Globalization;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>The task sizes Fargate accepts: memory (MiB) per CPU value, from 0.25 up to 16 vCPU.</summary>
internal static class FargateSizes
{
    private static readonly SortedDictionary<int, int[]> MemoryByCpu = new()
    {
        [256] = [512, 1024, 2048],
        [512] = Steps(1024, 4096, 1024),
        [1024] = Steps(2048, 8192, 1024),
        [2048] = Steps(4096, 16384, 1024),
        [4096] = Steps(8192, 30720, 1024),
        [8192] = Steps(16384, 61440, 4096),
        [16384] = Steps(32768, 122880, 8192),
    };

    public static bool IsValid(int cpu, int memory) => MemoryByCpu.TryGetValue(cpu, out var memories) && memories.Contains(memory);

    /// <summary>What to change, in words: the memory values for this CPU, or the CPU values that allow this memory.</summary>
    public static string FixFor(int cpu, int memory)
    {
        if (!MemoryByCpu.TryGetValue(cpu, out var memories))
        {
            return $"use a Fargate CPU value: {string.Join(", ", MemoryByCpu.Keys)}.";
        }

        var cpus = MemoryByCpu.Where(p => p.Value.Contains(memory)).Select(p => p.Key.ToString(CultureInfo.InvariantCulture)).ToList();
        var raise = cpus.Count > 0 ? $", or keep memory {memory} with cpu {string.Join(" or ", cpus)}" : "";
        return $"with cpu {cpu} use memory {Describe(memories)}{raise}.";
    }

    private static string Describe(int[] values) =>
        values.Length <= 4 ? string.Join(", ", values) : $"{values[0]} to {values[^1]} in steps of {values[1] - values[0]}";

    private static int[] Steps(int from, int to, int step) => [.. Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step))];
}
