using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace OptionsAutomation.Benchmarks;

/// <summary>
/// A job for runs that take seconds, on one core: the benchmark process is pinned to CPU 0 (affinity mask 1), so its
/// thread, the JIT's background compilation and the garbage collector all share that one core, as a machine with one
/// core would. One launch, one warm-up and five measured iterations of one call each: the figures are a min, median and
/// max of five, not a statistic that needs a hundred calls of a six-second operation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OneCoreRunAttribute() : JobConfigBaseAttribute(
    Job.Default
        .WithId("OneCore")
        .WithAffinity(1)
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(5)
        .WithInvocationCount(1)
        .WithUnrollFactor(1));
