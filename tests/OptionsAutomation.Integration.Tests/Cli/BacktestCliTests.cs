namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto backtest</c> as a real process on the history the build ships. It needs no database, so the process gets a
/// connection string nothing listens on: touching it would exit 3, not 0.
/// </summary>
[Trait("Category", "Cli")]
[Collection(BacktestSweepCliTests.Collection)]
public sealed class BacktestCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task March2021_TwiceGivesTheSameBytes_WithStatsEquityTradesAndSettings()
    {
        string[] args = ["backtest", "--from", "2021-03-01", "--to", "2021-03-31", "--json", "--ExitRules:ProfitTargetFraction=0.25"];

        var first = (await _cli.RunAsync(args)).Succeeded();
        var second = (await _cli.RunAsync(args)).Succeeded();

        Assert.Equal(first.Stdout, second.Stdout);
        var json = first.Json();
        Assert.Equal(23, json.GetProperty("equity").GetArrayLength());
        Assert.Equal(23, json.GetProperty("run").GetProperty("real_chain_sessions").GetInt32());
        var trades = json.GetProperty("trades");
        var stats = json.GetProperty("stats");
        Assert.Equal(trades.GetArrayLength(), stats.GetProperty("trades").GetInt32());
        Assert.True(trades.GetArrayLength() > 0, first.Stdout);
        foreach (var name in new[] { "cagr", "total_return", "annual_volatility", "sharpe", "sortino", "calmar", "max_drawdown", "win_rate", "profit_factor", "avg_days_held", "trades_by_exit_reason", "assignments" })
        {
            Assert.True(stats.TryGetProperty(name, out _), name);
        }

        // The override reached the exit rules the run used, and the settings say so.
        Assert.Equal(0.25m, json.GetProperty("settings").GetProperty("trading").GetProperty("exits").GetProperty("profit_target_fraction").GetDecimal());
        Assert.Contains(json.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.StartsWith("chains: real SPY end-of-day quotes on 23 session(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrossedQuotesOnTheRealChain_DoNotSendACloseForACredit_SoTradingIsNotHalted()
    {
        // On 2021-12-27 the real chain's quotes for a spread this run holds are crossed between strikes: closing it at the
        // quotes would have been a credit of 0.13. Sent, it filled, the book refused the credit and the unbooked fill
        // halted trading for the rest of the run; now the close is not sent that day and the rules try again the next.
        var json = (await _cli.RunAsync("backtest", "--from", "2021-12-01", "--to", "2022-01-31", "--json",
            "--ExitRules:ProfitTargetFraction=0.75", "--ExitRules:ExitAtDaysToExpiry=7")).Succeeded().Json();

        Assert.Equal("ACTIVE", json.GetProperty("run").GetProperty("trading_state_at_end").GetString());
        Assert.All(json.GetProperty("trades").EnumerateArray(), t => Assert.True(t.GetProperty("exit_price").GetDecimal() >= 0m, t.ToString()));
        Assert.Contains(json.GetProperty("trades").EnumerateArray(), t => t.GetProperty("exit_date").GetString()!.CompareTo("2021-12-27") > 0);
    }

    [Fact]
    public async Task PutWriteProfile_AppliesItsSettingsUnderTheCommandLine()
    {
        var run = (await _cli.RunAsync("backtest", "--profile", "putwrite", "--from", "2018-11-16", "--to", "2018-12-21", "--json",
            "--Proposals:MaxDaysToExpiry=36")).Succeeded();

        var json = run.Json();
        var trading = json.GetProperty("settings").GetProperty("trading");
        Assert.Equal("putwrite", json.GetProperty("settings").GetProperty("profile").GetString());
        Assert.True(trading.GetProperty("exits").GetProperty("hold_to_expiration").GetBoolean());
        Assert.Equal(100m, trading.GetProperty("sizing").GetProperty("collateral_per_trade_pct").GetDecimal());
        // The command line wins over the profile (40).
        Assert.Equal(36, trading.GetProperty("proposals").GetProperty("max_days_to_expiry").GetInt32());
        var put = json.GetProperty("trades")[0];
        Assert.Equal((273m, 3, 4.42m, 32.3m, "assigned"), (put.GetProperty("short_strike").GetDecimal(), put.GetProperty("quantity").GetInt32(),
            put.GetProperty("credit").GetDecimal(), put.GetProperty("exit_price").GetDecimal(), put.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task TradesFile_HasOneRowPerRoundTrip_AndNoTemporaryFileIsLeft()
    {
        var path = Path.Combine(_cli.WorkDirectory, "trades.csv");

        var run = (await _cli.RunAsync("backtest", "--from", "2021-03-01", "--to", "2021-03-31", "--json", "--trades", path)).Succeeded();

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal("position_id,request_id,ticker,strategy,entry_date,exit_date,expiration,short_strike,long_strike,quantity,credit,exit_price,exit_reason,fees,pnl,days_held", lines[0]);
        Assert.Equal(run.Json().GetProperty("trades").GetArrayLength(), lines.Length - 1);
        Assert.StartsWith("1,prop-20210301-SPY-CSP,SPY,CSP,2021-03-01,2021-03-10,2021-03-31,370,,1,3.67,2.19,21dte,1.3,146.7,9", lines[1], StringComparison.Ordinal);
        Assert.Equal(["trades.csv"], Directory.GetFiles(_cli.WorkDirectory).Select(Path.GetFileName));
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["backtest", "--from", "2021-03-31", "--to", "2021-03-01"], "error: --from 2021-03-31 is after --to 2021-03-01" },
        { ["backtest", "--from", "2021-02-30"], "error: --from '2021-02-30' is not a date in the form YYYY-MM-DD" },
        { ["backtest", "--from", "2025-12-01", "--to", "2026-01-30"], "error: the market history covers 2000-01-03 to 2025-12-31; --from and --to must lie inside it." },
        { ["backtest", "--from", "2021-03-06", "--to", "2021-03-07"], "error: there is no NYSE session from 2021-03-06 to 2021-03-07." },
        { ["backtest", "--profile", "nosuch"], "error: --profile nosuch: unknown profile; the profiles are default, putwrite." },
        { ["backtest", "--profile", "putwrite", "--Backtest:ApprovalShare=0.5"], "error: --profile putwrite cannot be run with a different Backtest:ApprovalShare: the index sells every month's put." },
        { ["backtest", "--profile", "putwrite", "--Backtest:Strategies:1=VPC"], "error: --profile putwrite cannot be run with a different Backtest:Strategies: the index sells cash-secured puts (CSP) only." },
        { ["backtest", "--profile", "putwrite", "--ExitRules:HoldToExpiration=false"], "error: --profile putwrite cannot be run with a different ExitRules:HoldToExpiration: the index holds every put to expiration, with no exit rule." },
        { ["backtest", "--profile", "putwrite", "--Proposals:EntrySchedule=Daily"], "error: --profile putwrite cannot be run with a different Proposals:EntrySchedule: the index sells only on the monthly roll." },
        { ["backtest", "--underlying", "QQQ"], "error: --underlying QQQ: the market history holds SPY only." },
        { ["backtest", "--Backtest:ApprovalShare=1.5"], "error: Backtest:ApprovalShare must be from 0 to 1, was 1.5." },
        { ["backtest", "--starting-equity", "0"], "error: --starting-equity must be above 0." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Backtest_WithBadInput_ExitsOneWithErrorOnStderrAndNothingOnStdout(string[] args, string expected)
    {
        var result = (await _cli.RunAsync(args)).WasRefused();

        Assert.True(result.Stderr.StartsWith(expected, StringComparison.Ordinal), $"stderr should start with \"{expected}\".{Environment.NewLine}{result}");
        Assert.Equal("", result.Stdout);
    }

    public void Dispose() => _cli.Dispose();
}
