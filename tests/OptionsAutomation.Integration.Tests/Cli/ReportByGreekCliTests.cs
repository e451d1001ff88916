using System.Globalization;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto report</c>'s attribution by Greek, read from <c>risk_snapshots</c> rows seeded as the risk job stores them
/// (the report jsonb), including a row stored before snapshots kept the spot, Greeks and legs.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class ReportByGreekCliTests(PostgresServer server) : CliTestBase(server)
{
    /// <summary>
    /// One short SPY 560 put. Tue Feb 10 15:00 New York: spot 580, σ 20%, Greeks per 1 of SPY × shares Δ 25.89465,
    /// Γ −0.876418, Θ +14.443657 a day, vega −59.773129 a point, market value −596.19. Wed Feb 11 15:00: spot 574.20,
    /// σ 21.5%, market value −842.38. By hand: delta 25.89465 × −5.80 = −150.19; gamma ½ × −0.876418 × 5.80² = −14.74;
    /// theta 14.443657 × 1 day = 14.44; vega −59.773129 × 1.5 points = −89.66; actual −842.38 + 596.19 = −246.19;
    /// residual −246.19 − (−239.15) = −6.04. Thu Feb 12 is an old-format row (skipped); Feb 6 and Feb 16 are outside the range.
    /// </summary>
    [Fact]
    public async Task Report_Json_AttributesTheSnapshotsOfTheRangeByGreek()
    {
        await SeedSnapshotAsync("2026-02-06T20:00:00Z", Position(580, 0.20, -596.19m));
        await SeedSnapshotAsync("2026-02-10T20:00:00Z", Position(580, 0.20, -596.19m));
        await SeedSnapshotAsync("2026-02-11T20:00:00Z", Position(574.20, 0.215, -842.38m));
        await SeedSnapshotAsync("2026-02-12T20:00:00Z", """{"position_id": 7, "ticker": "SPY", "strategy_type": "CSP", "market_value": -700.00}""");
        await SeedSnapshotAsync("2026-02-16T20:00:00Z", Position(590, 0.18, -300.00m));

        var json = (await Cli.RunAsync("report", "--from", "2026-02-09", "--to", "2026-02-13", "--json")).Succeeded().Json();

        var greeks = json.GetProperty("attribution_by_greek");
        Assert.Equal((3L, 1L, 1L), (greeks.Int("snapshots"), greeks.Int("intervals"), greeks.Int("skipped")));
        var total = greeks.GetProperty("total");
        Assert.Equal(
            (-150.19m, -14.74m, 14.44m, -89.66m, -6.04m, -240.15m, -246.19m),
            (total.Dec("delta"), total.Dec("gamma"), total.Dec("theta"), total.Dec("vega"), total.Dec("residual"), total.Dec("explained"), total.Dec("actual")));
        var spy = Assert.Single(greeks.GetProperty("by_ticker").Items());
        Assert.Equal(("SPY", 1L, -246.19m), (spy.Str("ticker"), spy.Int("intervals"), spy.GetProperty("pnl").Dec("actual")));
    }

    [Fact]
    public async Task Report_Human_PrintsTheByGreekBlock()
    {
        await SeedSnapshotAsync("2026-02-10T20:00:00Z", Position(580, 0.20, -596.19m));
        await SeedSnapshotAsync("2026-02-11T20:00:00Z", Position(574.20, 0.215, -842.38m));

        var result = (await Cli.RunAsync("report")).Succeeded();

        Assert.Contains("Open positions by Greek: 1 position interval(s) over 2 risk snapshot(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"total\s*│\s*1\s*│\s*-150\.19\s*│\s*-14\.74\s*│\s*14\.44\s*│\s*-89\.66\s*│\s*-6\.04\s*│\s*-246\.19", result.Stdout);
    }

    private static string Position(double spot, double volatility, decimal marketValue) => string.Create(CultureInfo.InvariantCulture,
        $$"""
        {"position_id": 7, "ticker": "SPY", "strategy_type": "CSP", "quantity": 1, "market_value": {{marketValue}}, "spot": {{spot}},
         "greeks": {"delta": 25.89465, "gamma": -0.876418, "theta": 14.443657, "vega": -59.773129},
         "legs": [{"right": "put", "strike": 560, "implied_volatility": {{volatility}}, "vega": -59.773129}]}
        """);

    private Task SeedSnapshotAsync(string takenAt, string position) =>
        Db.InsertRiskSnapshotAsync(DateTimeOffset.Parse(takenAt, CultureInfo.InvariantCulture), $"{{\"positions\": [{position}]}}");
}
