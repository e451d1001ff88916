using System.Net;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary><c>GET /api/brief</c> over HTTP: the brief of the 2021-03-01 session from Postgres, the SPY chains and the shipped VIX file.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiBriefTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task TheBriefOfADay_HasTheVixOfTheSessionBefore_AndTheOpenPut()
    {
        var put = await OpenCspAsync("api-brief", strike: 370m);

        var brief = await Api.GetJsonAsync("/api/brief?date=2021-03-01");

        // Today by the API's clock (stopped at the close): the brief is as of now.
        Assert.Equal(("2021-03-01", ApiHarness.Close), (brief.Str("date"), brief.GetProperty("as_of").GetDateTimeOffset()));
        // vix_daily.csv: 27.95 on 2021-02-26; the 252 closes before 2021-03-01 range 19.97-82.69: (27.95 - 19.97) / 62.72 = 0.1272.
        var vix = brief.GetProperty("vix");
        Assert.Equal(("2021-02-26", 27.95m, 0.1272m), (vix.Str("date"), vix.Dec("level"), vix.Dec("iv_rank")));
        var open = Assert.Single(brief.GetProperty("open").EnumerateArray());
        // Expiring 2021-04-16: 46 days after 2021-03-01.
        Assert.Equal((put.PositionId, 46L, 370m), (open.GetProperty("position_id").GetInt64(), open.Int("days_to_expiry"), open.Dec("short_strike")));
        Assert.Equal(["SPY CSP"], brief.GetProperty("screener").GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("SPY", Assert.Single(brief.GetProperty("underlyings").EnumerateArray()).Str("symbol"));
        // The risk report's exposure limit: the put's 37,000 collateral, priced from the chain (no problem reported).
        Assert.Contains(brief.GetProperty("limits").EnumerateArray(), l => l.Str("name") == "exposure" && l.Dec("value") == 37_000m);
        Assert.DoesNotContain(brief.GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith("risk:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABadDate_Is400()
    {
        using var response = await Api.Http.GetAsync("/api/brief?date=2021-02-30");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
