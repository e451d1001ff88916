using System.Diagnostics;

namespace OptionsAutomation.Benchmarks.ExitSweep;

/// <summary>
/// The process's peak working set and GC heap after a class's benchmarks ran: BenchmarkDotNet runs each benchmark and
/// parameter in a process of its own, so the line in its log is that sweep's memory (docs/benchmarks.md quotes it).
/// </summary>
internal static class SweepMemory
{
    public static void Report(string what)
    {
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine(FormattableString.Invariant(
            $"// sweep memory, {what}: peak working set {process.PeakWorkingSet64 / 1_048_576.0:0} MiB, GC heap {info.HeapSizeBytes / 1_048_576.0:0} MiB (peak committed {info.TotalCommittedBytes / 1_048_576.0:0} MiB)"));
    }
}
