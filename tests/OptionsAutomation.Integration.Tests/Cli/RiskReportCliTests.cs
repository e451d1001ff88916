using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto risk report|stress --json</c> against open positions in Postgres and the synthetic market.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class RiskReportCliTests(PostgresServer server) : CliTestBase(server)
{
    private const string At = "2026-02-27T19:00:00Z";

    [Fact]
    public async Task Report_OfTwoPuts_GivesExposureGreeksAndThreeVars()
    {
        await SeedTwoPutsAsync();

        var report = (await Cli.RunAsync("risk", "report", "--at", At, "--json")).Succeeded().Json();

        var positions = report.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(2, positions.Count);
        // A short put is long delta and short vega; its market value is what buying it back costs.
        Assert.All(positions, p => Assert.True(p.Dec("delta_dollars") > 0 && p.Dec("vega_dollars") < 0 && p.Dec("market_value") < 0));
        Assert.Equal(56_000m + 48_000m, report.GetProperty("exposure").Dec("total"));
        Assert.Equal(104_000m, report.GetProperty("exposure").Dec("collateral"));
        Assert.Equal(["QQQ", "SPY"], report.GetProperty("underlyings").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(1m, report.GetProperty("betas").Dec("SPY"));

        var var = report.GetProperty("var");
        Assert.Equal((0.95, 1, 30), (var.GetProperty("confidence").GetDouble(), var.GetProperty("horizon_days").GetInt32(), var.GetProperty("history_days").GetInt32()));
        foreach (var method in new[] { "historical", "parametric", "monte_carlo" })
        {
            var estimate = var.GetProperty(method);
            Assert.True(estimate.Dec("var") > 0, method);
            Assert.True(estimate.Dec("cvar") >= estimate.Dec("var"), method);
        }

        // Component VaRs add up to the parametric VaR (to rounding).
        Assert.InRange(positions.Sum(p => p.Dec("component_var")) - var.GetProperty("parametric").Dec("var"), -0.02m, 0.02m);
        var limits = report.GetProperty("limits").EnumerateArray().ToDictionary(l => l.Str("name")!);
        Assert.Equal(("OK", 104_000m), (limits["exposure"].Str("state"), limits["exposure"].Dec("value")));
        Assert.Empty(report.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Stress_DownMovesLoseAndUpMovesGain_ForShortPuts()
    {
        await SeedTwoPutsAsync();

        var stress = (await Cli.RunAsync("risk", "stress", "--at", At, "--json")).Succeeded().Json();

        var pnl = stress.GetProperty("scenarios").EnumerateArray().ToDictionary(s => s.Str("name")!, s => s.Dec("pnl"));
        Assert.Equal(10, pnl.Count);
        Assert.True(pnl["spot_down_20"] < pnl["spot_down_10"] && pnl["spot_down_10"] < pnl["spot_down_5"] && pnl["spot_down_5"] < 0);
        Assert.True(pnl["spot_up_5"] > 0 && pnl["one_week_decay"] > 0 && pnl["vol_up_50"] < 0);
        Assert.Equal(2, stress.GetProperty("positions").GetInt32());
    }

    [Fact]
    public async Task Report_WithoutPositions_IsEmptyButValid_AndTextPrintsTheLimits()
    {
        var json = (await Cli.RunAsync("risk", "report", "--at", At, "--json")).Succeeded().Json();
        var text = (await Cli.RunAsync("risk", "report", "--at", At)).Succeeded();

        Assert.Equal(0m, json.GetProperty("exposure").Dec("total"));
        Assert.Equal(JsonValueKind.Object, json.GetProperty("var").GetProperty("parametric").ValueKind);
        Assert.Contains("position_value", text.Stdout, StringComparison.Ordinal);
    }

    private async Task SeedTwoPutsAsync()
    {
        await SeedSpyCspAsync("risk-spy", new DateOnly(2026, 3, 20), 560m, 2.10m, DateTimeOffset.Parse("2026-02-20T15:00:00Z", CultureInfo.InvariantCulture));
        (await Cli.RunAsync(
            "positions", "add", "--ticker", "QQQ", "--strategy", "CSP", "--expiration", "2026-03-20",
            "--short-strike", "480", "--credit", "2.40", "--quantity", "1", "--opened-at", "2026-02-23T15:00:00Z")).Succeeded();
    }
}
