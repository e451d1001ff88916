using System.Globalization;
using System.Text.Json;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto backtest sweep</c> as a real process on the shipped history, checked against single <c>backtest</c> runs.
/// No database: the connection string points where nothing listens, so touching it would exit 3, not 0.
/// </summary>
[Trait("Category", "Cli")]
[Collection(Collection)]
public sealed class BacktestSweepCliTests : IDisposable
{
    /// <summary>
    /// The backtest CLI classes run one after another: a sweep keeps both cores busy, and the Ctrl+C tests' interrupt
    /// must land after the process has started its run, not while a neighbour's sweep slows its start-up.
    /// </summary>
    public const string Collection = "backtest CLI";

    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";
    private const string Target = "ExitRules:ProfitTargetFraction";
    private const string Dte = "ExitRules:ExitAtDaysToExpiry";

    private static readonly string[] March2021 = ["--from", "2021-03-01", "--to", "2021-03-31"];

    private static readonly string[] Grid = ["--param", $"{Target}=0.25,0.5", "--param", $"{Dte}=7,21"];

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task TwoByTwoGridOverAMonth_EachCombinationHasTheStatsOfASingleBacktestWithItsOverrides()
    {
        var sweep = (await _cli.RunAsync(["backtest", "sweep", .. Grid, .. March2021, "--json"])).Succeeded().Json();
        var combinations = sweep.GetProperty("combinations").Items();

        Assert.Equal(4, combinations.Length);
        foreach (var combination in combinations)
        {
            var overrides = combination.GetProperty("overrides").Items().Select(o => $"--{o.Str("key")}={o.Str("value")}").ToArray();
            var single = (await _cli.RunAsync(["backtest", .. March2021, "--json", .. overrides])).Succeeded().Json();

            Assert.Equal(Compact(single.GetProperty("stats")), Compact(combination.GetProperty("stats")));
            Assert.Equal(Compact(single.GetProperty("run")), Compact(combination.GetProperty("run")));
        }

        // The overrides reached the runs: 0.25 × 7 DTE and 0.5 × 21 DTE trade differently.
        var (quick, standard) = (Find(combinations, "0.25", "7").GetProperty("stats"), Find(combinations, "0.5", "21").GetProperty("stats"));
        Assert.Equal(6, quick.Int("trades"));
        Assert.Equal(6, quick.GetProperty("trades_by_exit_reason").Int("profit_target"));
        Assert.Equal(4, standard.Int("trades"));
        Assert.Equal(3, standard.GetProperty("trades_by_exit_reason").Int("21dte"));
        Assert.NotEqual(quick.Dec("ending_equity"), standard.Dec("ending_equity"));

        // Sorted by Sharpe, highest first.
        var sharpes = combinations.Select(c => c.GetProperty("stats").GetProperty("sharpe").GetDouble()).ToList();
        Assert.Equal(sharpes.OrderDescending(), sharpes);
        Assert.Equal("sharpe", sweep.Str("sort"));
    }

    [Fact]
    public async Task SameInputs_GiveTheSameBytes_WhateverTheParallelism()
    {
        var one = (await _cli.RunAsync(["backtest", "sweep", .. Grid, .. March2021, "--json", "--parallel", "1"])).Succeeded();
        var two = (await _cli.RunAsync(["backtest", "sweep", .. Grid, .. March2021, "--json", "--parallel", "2"])).Succeeded();
        var four = (await _cli.RunAsync(["backtest", "sweep", .. Grid, .. March2021, "--json", "--parallel", "4"])).Succeeded();

        Assert.Equal(one.Stdout, two.Stdout);
        Assert.Equal(one.Stdout, four.Stdout);
    }

    [Fact]
    public async Task MaxDrawdown_SortsTheLeastDeepFirst()
    {
        var sweep = (await _cli.RunAsync(["backtest", "sweep", .. Grid, .. March2021, "--json", "--sort", "max_drawdown"])).Succeeded().Json();

        var depths = sweep.GetProperty("combinations").Items().Select(c => c.GetProperty("stats").GetProperty("max_drawdown").GetProperty("depth").GetDouble()).ToList();
        Assert.Equal(depths.Select(Math.Abs).Order(), depths.Select(Math.Abs));
        Assert.True(depths[0] > depths[^1], string.Join(", ", depths.Select(d => d.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Table_PrintsOneRowPerCombination_WithTheSweptValuesAndExitCounts()
    {
        var result = (await _cli.RunAsync(["backtest", "sweep", .. Grid, .. March2021])).Succeeded();

        // Headers wrap with the width; the rows do not: one per combination, its values first, its state last.
        var rows = result.Stdout.Split('\n').Where(l => l.Contains('%', StringComparison.Ordinal)).Select(l => l.Split('│').Select(c => c.Trim()).ToArray()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["0.25", "0.5"], rows.Select(r => r[1]).Distinct().Order());
        Assert.Equal(["21", "7"], rows.Select(r => r[2]).Distinct().Order());
        Assert.All(rows, r => Assert.Equal("ACTIVE", r[^2]));
        Assert.Contains("sorted by sharpe, highest first", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("assumed: approval: every proposal approved", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlC_StopsTheSweep_ExitsWith130_AndPrintsNothing()
    {
        // Three runs of the whole history take many seconds.
        using var process = _cli.Start("backtest", "sweep", "--param", $"{Target}=0.25,0.5,0.75", "--json");
        var stdout = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                stdout.Enqueue(line.Data);
            }
        };
        // The sweep logs the real chain's load just before its runs start: a signal then lands mid-run, not in start-up.
        await _cli.WaitUntilLoggedAsync(process, "chain snapshots");
        await OptautoProcess.InterruptAsync(process);

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("backtest sweep stopped: nothing was written.", _cli.StartedStderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.Empty(Directory.GetFiles(_cli.WorkDirectory));
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["--param", "ExitRules:ProfitTargetFractoin=0.25,0.5"], "error: --param ExitRules:ProfitTargetFractoin=0.25,0.5: ExitRules:ProfitTargetFractoin is not a setting; did you mean ExitRules:ProfitTargetFraction?" },
        { ["--param", "ExitRule:ProfitTargetFraction=0.25"], "error: --param ExitRule:ProfitTargetFraction=0.25: ExitRule is not a section of settings; did you mean ExitRules?" },
        { ["--param", "ExitRules=0.25"], "error: --param ExitRules=0.25: ExitRules is a group of settings, not one; name a key under it." },
        { ["--param", "ExitRules:ProfitTargetFraction"], "error: --param ExitRules:ProfitTargetFraction: expected KEY=v1,v2,…" },
        { ["--param", $"{Target}=0.25,abc"], $"error: the sweep was not started; with {Target}=abc: invalid configuration: {Target} = 'abc' (command line --{Target}): expected a number" },
        { ["--param", $"{Target}=0.25,1.5", "--param", $"{Dte}=7,21"], $"error: the sweep was not started; with {Target}=1.5, {Dte}=7: invalid configuration: {Target} must be in (0, 1], was 1.5." },
        { ["--param", $"{Target}=0.25,0.25"], $"error: --param {Target}=0.25,0.25: {Target}=0.25 is given twice." },
        { ["--param", $"{Target}=0.25", "--param", $"{Target.ToLowerInvariant()}=0.5"], $"error: --param {Target.ToLowerInvariant()}=0.5: {Target} is already swept" },
        { ["--param", $"{Target}=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1,0.15", "--param", $"{Dte}=1,2,3,4,5,6,7,8,9,10"], "error: the grid has 110 combinations (11 × 10); a sweep runs at most 100." },
        { ["--param", $"{Target}=0.25", "--sort", "sharp"], "error: --sort sharp: not a statistic; did you mean sharpe?" },
        { ["--param", $"{Target}=0.25", "--parallel", "0"], "error: --parallel must be at least 1." },
        { ["--param", $"{Target}=0.25", "--from", "2021-03-31", "--to", "2021-03-01"], "error: --from 2021-03-31 is after --to 2021-03-01." },
        { ["--param", $"{Target}=0.25", "--profile", "nosuch"], "error: --profile nosuch: unknown profile" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Sweep_WithBadInput_IsRefusedBeforeAnyRun(string[] args, string expected)
    {
        var result = (await _cli.RunAsync(["backtest", "sweep", .. args])).WasRefused();

        Assert.True(result.Stderr.StartsWith(expected, StringComparison.Ordinal), $"stderr should start with \"{expected}\".{Environment.NewLine}{result}");
        Assert.Equal("", result.Stdout);
    }

    private static JsonElement Find(JsonElement[] combinations, string target, string dte) =>
        combinations.Single(c => c.GetProperty("overrides").Items() is var o && o[0].Str("value") == target && o[1].Str("value") == dte);

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    public void Dispose() => _cli.Dispose();
}
