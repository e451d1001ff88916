namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto ledger replay</c> as a real process on a CSV written for the test. The verb needs no database, so the
/// process gets a connection string nothing listens on: touching it would exit 3, not 0 or 1.
/// </summary>
[Trait("Category", "Cli")]
public sealed class LedgerCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";
    private const string Header = "time,symbol,side,quantity,price,fee";

    private readonly OptautoProcess _cli = new(NoDatabase);

    // SPY shares: buy 100 @ 10 and 100 @ 12, sell 150 @ 15 → FIFO 100 × 5 + 50 × 3 = 650, 50 left @ 12; average cost
    // 150 × (15 − 11) = 600, 50 left @ 11. Fees 1.00 + 1.00 + 1.50 = 3.50.
    // The README's put, written unpadded then padded (one instrument, multiplier 100): sold @ 1.50, bought back @ 0.75
    // → +75, fees 1.30, net 73.70.
    // QQQ flips: long 100 @ 10, sell 150 @ 12 (fee 1.50) → only the closing 100 realize, 100 × 2 = 200; short 50 @ 12.
    private static readonly string[] Fills =
    [
        Header,
        "2026-02-20T15:00:00Z,SPY,buy,100,10,1.00",
        "2026-02-20T15:01:00Z,SPY,buy,100,12,1.00",
        "2026-02-20T15:02:00Z,SPY,sell,150,15,1.50",
        "2026-02-20T15:03:00Z,SPY260320P00580000,sell,1,1.50,0.65",
        "2026-02-27T14:00:00-05:00,SPY   260320P00580000,buy,1,0.75,0.65",
        "2026-02-27T19:30:00Z,QQQ,buy,100,10,",
        "2026-02-27T19:31:00Z,QQQ,sell,150,12,1.50",
    ];

    [Fact]
    public async Task Replay_Json_PrintsEachSymbolsPositionRealizedPnlAndRealizingFills()
    {
        var fifo = (await _cli.RunAsync("ledger", "replay", "--fills", WriteCsv("fills.csv", Fills), "--json")).Succeeded();
        var average = (await _cli.RunAsync("ledger", "replay", "--fills", "fills.csv", "--method", "average", "--json")).Succeeded();
        var configured = (await _cli.RunAsync("ledger", "replay", "--fills", "fills.csv", "--json", "--Positions:RealizedPnlMethod=average")).Succeeded();

        Assert.Equal("", fifo.Stderr);
        var symbols = fifo.Json().GetProperty("symbols").Items();
        Assert.Equal(["QQQ", "SPY", "SPY   260320P00580000"], symbols.Select(s => s.Str("symbol")));
        Assert.Equal(
            ["symbol", "quantity", "average_price", "realized_pnl", "fees", "net_realized_pnl", "realizing_fills"],
            symbols[0].EnumerateObject().Select(p => p.Name));

        var (qqq, spy, put) = (symbols[0], symbols[1], symbols[2]);
        Assert.Equal((-50L, 12m, 200m, 1.50m, 198.50m), (qqq.Int("quantity"), qqq.Dec("average_price"), qqq.Dec("realized_pnl"), qqq.Dec("fees"), qqq.Dec("net_realized_pnl")));
        var flip = qqq.GetProperty("realizing_fills").Items().Single();
        Assert.Equal(["time", "side", "quantity", "price", "realized_pnl"], flip.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2026-02-27T19:31:00Z", "sell", 100L, 12m, 200m), (flip.Str("time"), flip.Str("side"), flip.Int("quantity"), flip.Dec("price"), flip.Dec("realized_pnl")));

        Assert.Equal((50L, 12m, 650m, 3.50m, 646.50m), (spy.Int("quantity"), spy.Dec("average_price"), spy.Dec("realized_pnl"), spy.Dec("fees"), spy.Dec("net_realized_pnl")));
        Assert.Equal((0L, 75m, 1.30m, 73.70m), (put.Int("quantity"), put.Dec("realized_pnl"), put.Dec("fees"), put.Dec("net_realized_pnl")));
        Assert.True(put.IsNull("average_price"));
        var buyBack = put.GetProperty("realizing_fills").Items().Single();
        Assert.Equal(("2026-02-27T19:00:00Z", "buy", 75m), (buyBack.Str("time"), buyBack.Str("side"), buyBack.Dec("realized_pnl")));

        var spyAverage = average.Json().GetProperty("symbols").Items()[1];
        Assert.Equal((50L, 11m, 600m), (spyAverage.Int("quantity"), spyAverage.Dec("average_price"), spyAverage.Dec("realized_pnl")));
        Assert.Equal(average.Stdout, configured.Stdout);
    }

    [Fact]
    public async Task Replay_BadRow_ExitsOneNamingFileAndLineWithNothingOnStdout()
    {
        var path = WriteCsv("bad.csv", [.. Fills[..3], "2026-02-20T15:02:00Z,SPY,short,150,15,1.50"]);

        var result = (await _cli.RunAsync("ledger", "replay", "--fills", path, "--json")).WasRefused();

        Assert.Equal("", result.Stdout);
        Assert.Equal($"error: {path} line 4: side 'short' is neither buy nor sell.", result.Stderr.TrimEnd());
    }

    /// <summary>
    /// RFC 4180 quoting: a padded symbol and numbers in quotes, a note column holding commas, doubled quotes and a line
    /// break; the replay is the one of the same fills unquoted, and a later bad row still names its own line.
    /// </summary>
    [Fact]
    public async Task Replay_QuotedFields_ReplayAsTheSameFills_AndABadRowAfterAMultiLineFieldNamesItsLine()
    {
        var plain = WriteCsv("plain.csv", [Header, Fills[4], Fills[5]]);
        string[] quoted =
        [
            "\"time\",symbol,side,quantity,price,fee,\"note\"",
            "2026-02-20T15:03:00Z,\"SPY   260320P00580000\",sell,\"1\",\"1.50\",0.65,\"opened, per \"\"plan A\"\"\"",
            "2026-02-27T14:00:00-05:00,SPY260320P00580000,\"buy\",1,0.75,\"0.65\",\"closed at 50%,",
            "second line of the note\"",
        ];

        var expected = (await _cli.RunAsync("ledger", "replay", "--fills", plain, "--json")).Succeeded();
        var result = (await _cli.RunAsync("ledger", "replay", "--fills", WriteCsv("quoted.csv", quoted), "--json")).Succeeded();
        var bad = (await _cli.RunAsync("ledger", "replay", "--fills", WriteCsv("bad.csv", [.. quoted, "2026-02-27T15:00:00Z,SPY,buy,1,\"1,5\",,"]), "--json")).WasRefused();

        Assert.Equal("", result.Stderr);
        var put = result.Json().GetProperty("symbols").Items().Single();
        Assert.Equal(("SPY   260320P00580000", 75m, 73.70m), (put.Str("symbol"), put.Dec("realized_pnl"), put.Dec("net_realized_pnl")));
        Assert.Equal(expected.Stdout, result.Stdout);
        Assert.Equal("error: bad.csv line 5: price '1,5' is not a number.", bad.Stderr.TrimEnd());
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>Writes the file into the process's working directory and returns its name, relative to that directory.</summary>
    private string WriteCsv(string name, string[] lines)
    {
        File.WriteAllLines(Path.Combine(_cli.WorkDirectory, name), lines);
        return name;
    }
}
