using BenchmarkDotNet.Running;
using OptionsAutomation.Benchmarks;

// Runs the benchmarks chosen by BenchmarkDotNet's arguments (--filter, --job, --list, …); scripts/bench.sh is the front door.
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, BenchmarkConfig.Create());
