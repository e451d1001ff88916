using System.Text.Json;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Infrastructure.Backtest;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>Sizing:KellyBacktestRecord</c>: the trades file a real <c>optauto backtest --trades</c> writes, read back as kelly's
/// record, and a file that cannot be read refusing start-up. No database (nothing listens on the connection string).
/// </summary>
[Trait("Category", "Cli")]
[Collection(BacktestSweepCliTests.Collection)]
public sealed class KellyBacktestRecordCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task ABacktestsTradesFile_ReadsBackAsTheRecord_WithWhatEachTradeCommitted()
    {
        var file = Path.Combine(_cli.WorkDirectory, "spring-2021.csv");
        var backtest = (await _cli.RunAsync(["backtest", "--from", "2021-03-01", "--to", "2021-06-30", "--json", "--trades", file])).Succeeded().Json();
        var trades = backtest.GetProperty("trades").Items().Where(t => t.GetProperty("expiration").ValueKind != JsonValueKind.Null).ToList();

        var record = KellyBacktestRecordCsv.Read(file, 100);

        Assert.Equal(13, trades.Count);
        Assert.Equal(trades.Count, record.Trades.Count);
        Assert.Equal("spring-2021.csv (13 option trade(s), closed 2021-03-10 to 2021-06-24)", record.Source);
        foreach (var (trade, row) in trades.Zip(record.Trades))
        {
            var quantity = trade.Dec("quantity");
            // A CSP commits its strike; a VPC its width less the credit; × 100 × quantity (what the book stores for the position).
            var committed = trade.Str("strategy") == "CSP"
                ? trade.Dec("short_strike") * 100m * quantity
                : (trade.Dec("short_strike") - trade.Dec("long_strike") - trade.Dec("credit")) * 100m * quantity;
            Assert.Equal((trade.Dec("pnl"), committed, DateOnly.Parse(trade.Str("exit_date")!, System.Globalization.CultureInfo.InvariantCulture)), (row.Pnl, row.AtRisk, row.ExitDate));
        }

        // By hand, the first trade: one 370 put of 2021-03-31 sold 2021-03-01 for 3.67, closed 2021-03-10 at 21 DTE for
        // 146.70 after fees; it committed 370 × 100 = 37,000.
        Assert.Equal(new(StrategyType.CashSecuredPut, new DateOnly(2021, 3, 10), 146.7m, 37_000m), record.Trades[0]);
        // And the first spread: four 385/380 put spreads sold for 0.81, closed 2021-03-26 for 57.60; (5 − 0.81) × 100 × 4 = 1,676.
        Assert.Equal(new(StrategyType.VerticalPutCredit, new DateOnly(2021, 3, 26), 57.6m, 1_676m), record.Trades[3]);
    }

    [Fact]
    public async Task ARecordThatCannotBeRead_StopsStartUp()
    {
        var result = (await _cli.RunAsync(["sizing", "evaluate", "--from", "2021-03-01", "--to", "2021-03-31", "--Sizing:KellyBacktestRecord=nosuch.csv"])).WasRefused();

        Assert.Contains("Sizing:KellyBacktestRecord: nosuch.csv: file not found.", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void ABadRow_RefusesTheWholeFile()
    {
        var file = Path.Combine(_cli.WorkDirectory, "bad.csv");
        File.WriteAllText(file, "strategy,exit_date,short_strike,long_strike,quantity,credit,pnl\nVPC,2021-03-17,385,380,4,1.2,88\nVPC,2021-03-18,385,380,four,1.2,88\n");

        var error = Assert.Throws<MarketHistoryFileException>(() => KellyBacktestRecordCsv.Read(file, 100));

        Assert.Equal($"{file} line 3: quantity 'four' is not a number.", error.Message);
    }

    public void Dispose() => _cli.Dispose();
}
