using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace OptionsAutomation.Benchmarks.ExitSweep;

/// <summary>
/// The pipeline benchmarks' job: each call is a whole sweep (milliseconds at 1,000 positions, seconds at 100,000) over a
/// database, so one launch, one warm-up and five measured iterations of one call each — a min, median and max of five,
/// as issue 15 measured.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PipelineRunAttribute() : JobConfigBaseAttribute(
    Job.Default
        .WithId("Pipeline")
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(5)
        .WithInvocationCount(1)
        .WithUnrollFactor(1));
