using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Benchmarks.Cli;

/// <summary>
/// What a user waits for when typing an <c>optauto</c> command: each call launches a new process and waits for it to
/// exit. The floor is a bare .NET console of our own (<c>BareConsole</c>) launched the same way, <c>dotnet app.dll</c>.
/// <c>optauto</c> is run as the README tells users to, through scripts/optauto (bash, its freshness check, then the
/// ReadyToRun publish); the plain build, <c>dotnet src/OptionsAutomation/bin/Release/net10.0/optauto.dll</c>, shows what
/// ReadyToRun saves. A second floor for the read verbs is a console that only opens an Npgsql data source and reads
/// the positions with Dapper (<c>BareRead</c>, ReadyToRun too): what any .NET reader of this table pays. The read verbs query a private database seeded with 50 open positions (a large retail book) and
/// the proposals of one screener run. "Cold" is a new process each call with the file cache warm (the warm-up launches
/// load it), as on a second command typed.
/// </summary>
[SingleCallJob(warmupCount: 2, iterationCount: 15)]
public class CliColdStartBenchmarks
{
    private const int OpenPositions = 50;

    private readonly Dictionary<string, string> _environment = new() { ["DOTNET_NOLOGO"] = "1" };
    private string _work = "";
    private string _bare = "";
    private string _bareRead = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _work = Directory.CreateTempSubdirectory("optauto-bench-cli-").FullName;
        string connectionString;
        await using (var database = await BenchDatabase.CreateAsync("optauto_bench_cli").ConfigureAwait(false))
        {
            connectionString = database.ConnectionString;
        }

        _environment["ConnectionStrings__Postgres"] = connectionString;
        _environment["Serilog__WriteTo__File__Args__path"] = Path.Combine(_work, "logs", "optauto-.json");
        await SeedAsync(connectionString).ConfigureAwait(false);

        var bareOutput = Path.Combine(_work, "bare");
        Run("dotnet", "build", Path.Combine(Checkout.Root, "tests", "OptionsAutomation.Benchmarks", "Cli", "BareConsole", "BareConsole.csproj"),
            "-c", "Release", "-o", bareOutput, "--nologo", "-v", "quiet");
        _bare = Path.Combine(bareOutput, "BareConsole.dll");
        var bareReadOutput = Path.Combine(_work, "bare-read");
        Run("dotnet", "publish", Path.Combine(Checkout.Root, "tests", "OptionsAutomation.Benchmarks", "Cli", "BareRead", "BareRead.csproj"),
            "-c", "Release", "--use-current-runtime", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", bareReadOutput, "--nologo", "-v", "quiet");
        _bareRead = Path.Combine(bareReadOutput, "BareRead.dll");
        Run(Launcher, "--version"); // publishes the ReadyToRun build if it is missing or stale: not part of a measurement
        Expect(Run("dotnet", PlainBuild, "positions", "list"), $"{OpenPositions} position(s)");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Benchmark(Baseline = true, Description = "bare .NET console (dotnet app.dll)")]
    public string BareConsole() => Expect(Run("dotnet", _bare), "bare");

    [Benchmark(Description = "bare Npgsql + Dapper read of positions (ReadyToRun)")]
    public string BareRead() => Expect(Run("dotnet", _bareRead), $"{OpenPositions} position(s)");

    [Benchmark(Description = "optauto --help")]
    public string Help() => Expect(Run(Launcher, "--help"), "Usage:");

    [Benchmark(Description = "optauto positions list (50 open)")]
    public string PositionsList() => Expect(Run(Launcher, "positions", "list"), $"{OpenPositions} position(s)");

    [Benchmark(Description = "optauto proposals list")]
    public string ProposalsList() => Expect(Run(Launcher, "proposals", "list"), "PROPOSED");

    [Benchmark(Description = "plain build: dotnet optauto.dll --help")]
    public string PlainHelp() => Expect(Run("dotnet", PlainBuild, "--help"), "Usage:");

    [Benchmark(Description = "plain build: dotnet optauto.dll positions list")]
    public string PlainPositionsList() => Expect(Run("dotnet", PlainBuild, "positions", "list"), $"{OpenPositions} position(s)");

    private static string Launcher => Path.Combine(Checkout.Root, "scripts", "optauto");

    private static string PlainBuild => Path.Combine(Checkout.Root, "src", "OptionsAutomation", "bin", "Release", "net10.0", "optauto.dll");

    /// <summary>One screener run (proposals on the synthetic market) and then the open book, through the CLI's own services.</summary>
    private static async Task SeedAsync(string connectionString)
    {
        await using var services = CliServices.CreateUnlogged([$"--ConnectionStrings:Postgres={connectionString}"]);
        var now = services.Get<TimeProvider>().GetUtcNow();
        var proposed = await services.Get<ProposalService>().RunAsync(now, CancellationToken.None).ConfigureAwait(false);
        if (proposed.Proposals.Count == 0)
        {
            throw new InvalidOperationException("the screener proposed nothing to list.");
        }

        var expiration = DateOnly.FromDateTime(now.UtcDateTime).AddDays(40);
        var tickers = new[] { "SPY", "QQQ", "IWM" };
        for (var i = 0; i < OpenPositions; i++)
        {
            var shortStrike = 400m + i;
            await services.Get<PositionManager>().OpenAsync(new OpenPositionRequest
            {
                RequestId = $"bench-cli-{i}",
                Strategy = StrategyType.VerticalPutCredit,
                Ticker = tickers[i % tickers.Length],
                Expiration = expiration,
                ShortStrike = shortStrike,
                LongStrike = shortStrike - 5m,
                Credit = 1.50m,
                Quantity = 1,
            }, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string Expect(string output, string text) =>
        output.Contains(text, StringComparison.Ordinal) ? output : throw new InvalidOperationException($"expected '{text}' in:{Environment.NewLine}{output}");

    /// <summary>Runs a process to its end in the benchmark's own directory; its standard output, or an exception naming the failure.</summary>
    private string Run(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _work };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? stdout
            : throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
    }
}
