using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace OptionsAutomation.Benchmarks;

/// <summary>
/// A job whose every measured iteration is one call (no batching, no pilot): for operations of milliseconds to a second
/// whose spread is the point — a process launch, an approval — so the min, median, percentiles and max are of single calls.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SingleCallJobAttribute(int warmupCount, int iterationCount) : JobConfigBaseAttribute(
    Job.Default
        .WithId("SingleCall")
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(warmupCount)
        .WithIterationCount(iterationCount)
        .WithInvocationCount(1)
        .WithUnrollFactor(1));
