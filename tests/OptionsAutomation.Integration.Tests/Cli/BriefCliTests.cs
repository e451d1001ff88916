using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto brief</c> as a real process: the default watchlist, the synthetic market, the shipped VIX file.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class BriefCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task Brief_Json_OfAPastDay_FlagsThe21DteExit_AndReadsTheVix()
    {
        var put = await SeedSpyCspAsync("brief-1", new DateOnly(2026, 3, 20), 580m, 1.50m, DateTimeOffset.Parse(OpenedAt, System.Globalization.CultureInfo.InvariantCulture));

        var brief = (await Cli.RunAsync("brief", "--date", "2026-02-27", "--json")).Succeeded().Json();

        // A past day is as of 09:00 New York (14:00Z in February).
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 14, 0, 0, TimeSpan.Zero), brief.GetProperty("as_of").GetDateTimeOffset());
        Assert.Equal(["IWM", "QQQ", "SPY"], brief.GetProperty("underlyings").EnumerateArray().Select(u => u.Str("symbol")));
        // vix_daily.csv: 18.63 on 2026-02-26; the 252 closes before range 13.47-52.33: (18.63 - 13.47) / 38.86 = 0.1328.
        var vix = brief.GetProperty("vix");
        Assert.Equal(("2026-02-26", 18.63m, 0.1328m), (vix.Str("date"), vix.Dec("level"), vix.Dec("iv_rank")));
        var open = Assert.Single(brief.GetProperty("open").EnumerateArray());
        var spy = brief.GetProperty("underlyings").EnumerateArray().Single(u => u.Str("symbol") == "SPY");
        // 2026-03-20 is 21 days after 2026-02-27: the 21-DTE rule fires that day. The distance is from SPY's latest price.
        Assert.Equal((put.PositionId, 21L), (open.GetProperty("position_id").GetInt64(), open.Int("days_to_expiry")));
        Assert.Equal(spy.Dec("last") - 580m, open.Dec("distance_to_short"));
        var near = Assert.Single(open.GetProperty("near").EnumerateArray());
        Assert.Equal(("21dte", "at the 21-DTE exit"), (near.Str("rule"), near.Str("detail")));
        Assert.Empty(brief.GetProperty("expiring_today").EnumerateArray());
        Assert.True(brief.GetProperty("screener").GetProperty("screens_today").GetBoolean());
    }

    [Fact]
    public async Task Brief_HumanOutput_HasTheTables()
    {
        var result = (await Cli.RunAsync("brief", "--date", "2026-02-27")).Succeeded();

        Assert.Contains("Morning brief 2026-02-27", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"VIX\s*│\s*18\.63", result.Stdout);
        Assert.Contains("Expiring today: none", result.Stdout, StringComparison.Ordinal);
    }
}
