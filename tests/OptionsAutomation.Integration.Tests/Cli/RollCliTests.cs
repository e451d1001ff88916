using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto positions roll</c> as a real process, on the synthetic market (quotes at any instant) and the paper broker,
/// allowed outside a session: a two-contract SPY VPC about 8% out of the money is rolled a month out at the same strikes.
/// The prices are the market's at run time, so the test checks the booking against the stored broker fills themselves;
/// <c>positions show</c> then names the chain both ways.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class RollCliTests(PostgresServer server) : CliTestBase(server)
{
    protected override IReadOnlyDictionary<string, string> CliEnvironment { get; } = new Dictionary<string, string>
    {
        ["Execution__AllowOutsideSession"] = "true",
        ["Execution__FillTimeoutSeconds"] = "20",
        ["Execution__PriceWalk__StepSeconds"] = "2",
    };

    [Fact]
    public async Task ARoll_IsOneFourLegOrder_BookedFromTheBrokersFills_AndARepeatSendsNothing()
    {
        var near = MonthlyExpiration(2);
        var far = MonthlyExpiration(3);
        var spot = (await new SyntheticMarketData(new SyntheticMarketDataSettings()).GetUnderlyingQuoteAsync("SPY", DateTimeOffset.UtcNow, CancellationToken.None))!.Last;
        var shortStrike = decimal.Round(spot * 0.92m);
        var longStrike = shortStrike - 10m;
        var old = (await Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow)).OpenAsync(new OpenPositionRequest
        {
            RequestId = "vpc-to-roll",
            Strategy = StrategyType.VerticalPutCredit,
            Ticker = "SPY",
            Expiration = near,
            ShortStrike = shortStrike,
            LongStrike = longStrike,
            Credit = 2.00m,
            Quantity = 2,
            OpenedAt = DateTimeOffset.UtcNow.AddDays(-1),
            Actor = "test-seed",
        })).Position;
        string[] roll =
        [
            "positions", "roll", $"{old.PositionId}", "--expiration", $"{far:yyyy-MM-dd}", "--short-strike", $"{shortStrike}", "--long-strike", $"{longStrike}",
            "--min-credit", "0.01", "--client-order-id", "roll-cli-1", "--json",
        ];

        var rolled = (await Cli.RunAsync(roll)).Succeeded().Json();

        var newId = rolled.Int("new_position_id");
        Assert.Equal((old.PositionId, "FILLED", 2L), (rolled.Int("old_position_id"), rolled.GetProperty("order").Str("status"), rolled.GetProperty("order").Int("filled_quantity")));
        Assert.Equal(1, await Db.CountAsync("orders",
            $"client_order_id = 'roll-cli-1' AND intent = 'ROLL' AND status = 'FILLED' AND filled_quantity = 2 AND jsonb_array_length(legs) = 4 AND fill_price <= -0.01 AND position_id = {old.PositionId}"));
        // Our fills are the broker's, leg for leg, each against the position it closed or opened.
        var ours = await Db.ListAsync<string>("SELECT concat_ws(' ', broker_fill_id, symbol, quantity, price, fees) FROM fills WHERE client_order_id = 'roll-cli-1' ORDER BY broker_fill_id");
        Assert.Equal(4, ours.Count);
        Assert.Equal(await Db.ListAsync<string>("SELECT concat_ws(' ', fill_id, symbol, contracts, price, fee) FROM paper_fills ORDER BY fill_id"), ours);
        Assert.Equal(2, await Db.CountAsync("fills", $"position_id = {old.PositionId} AND symbol LIKE '%{near:yyMMdd}P%'"));
        Assert.Equal(2, await Db.CountAsync("fills", $"position_id = {newId} AND symbol LIKE '%{far:yyMMdd}P%'"));
        // The old legs closed at their fills' net debit per share, the new position's credit is the new legs' net per share.
        var debit = await Db.ScalarAsync<decimal>($"SELECT round(sum(CASE side WHEN 'BUY' THEN price ELSE -price END * quantity) / 2, 4) FROM fills WHERE position_id = {old.PositionId}");
        var credit = await Db.ScalarAsync<decimal>($"SELECT round(sum(CASE side WHEN 'SELL' THEN price ELSE -price END * quantity) / 2, 4) FROM fills WHERE position_id = {newId}");
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {old.PositionId} AND status = 'CLOSED' AND exit_reason = 'roll' AND exit_price = {debit}"));
        Assert.Equal(1, await Db.CountAsync("trade_history",
            $"position_id = {old.PositionId} AND client_order_id = 'roll-cli-1' AND exit_reason = 'roll' AND quantity = 2 AND exit_price = {debit} " +
            $"AND pnl_realized = round((2.00 - {debit}) * 100 * 2 - fees, 2)"));
        Assert.Equal(1, await Db.CountAsync("positions",
            $"position_id = {newId} AND status = 'OPEN' AND expiration = '{far:yyyy-MM-dd}' AND short_strike = {shortStrike} AND long_strike = {longStrike} " +
            $"AND quantity = 2 AND entry_price = {credit} AND rolled_from_position_id = {old.PositionId}"));
        Assert.True(credit - debit >= 0.01m, $"net credit {credit - debit}");
        // The chain reads both ways from `positions show`.
        var shownOld = (await Cli.RunAsync("positions", "show", $"{old.PositionId}", "--json")).Succeeded().Json();
        var shownNew = (await Cli.RunAsync("positions", "show", $"{newId}", "--json")).Succeeded().Json();
        Assert.Equal((newId, old.PositionId), (shownOld.Int("rolled_to_position_id"), shownNew.Int("rolled_from_position_id")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shownOld.GetProperty("rolled_from_position_id").ValueKind);
        Assert.Matches($@"rolled_to_position_id\s+{newId}\b", (await Cli.RunAsync("positions", "show", $"{old.PositionId}")).Succeeded().Stdout);

        var again = (await Cli.RunAsync(roll)).Succeeded().Json();

        Assert.Equal(newId, again.Int("new_position_id"));
        Assert.Equal(1, await Db.CountAsync("paper_orders"));
        Assert.Equal(1, await Db.CountAsync("orders"));
        Assert.Equal(4, await Db.CountAsync("fills"));
    }

    [Fact]
    public async Task ACspRollWithALongStrike_IsRefused_AndNothingIsSent()
    {
        var old = await SeedSpyCspAsync("csp-to-roll", MonthlyExpiration(2), 500m, 3.00m, DateTimeOffset.UtcNow.AddDays(-1));

        var refused = (await Cli.RunAsync("positions", "roll", $"{old.PositionId}", "--expiration", $"{MonthlyExpiration(3):yyyy-MM-dd}",
            "--short-strike", "500", "--long-strike", "490", "--min-credit", "0.10")).WasRefused();

        Assert.Equal($"position {old.PositionId} not rolled: INVALID_ROLL: a CSP rolls into a CSP: it takes no long strike", refused.Stdout.Trim());
        Assert.Equal(0, await Db.CountAsync("orders"));
    }

    /// <summary>The third Friday of the month <paramref name="months"/> from now: listed by the synthetic market, so every leg is quoted.</summary>
    private static DateOnly MonthlyExpiration(int months)
    {
        var month = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(months);
        var first = new DateOnly(month.Year, month.Month, 1);
        return first.AddDays((((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7) + 14);
    }
}
