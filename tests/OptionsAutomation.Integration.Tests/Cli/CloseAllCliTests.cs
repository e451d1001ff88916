using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto positions close-all</c> as a real process, on the synthetic market (quotes at any instant) and the paper
/// broker, allowed outside a session so it runs whatever the time: without <c>--confirm</c> it lists and changes nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class CloseAllCliTests(PostgresServer server) : CliTestBase(server)
{
    private const int Unconfirmed = 2;

    protected override IReadOnlyDictionary<string, string> CliEnvironment { get; } = new Dictionary<string, string>
    {
        ["Execution__AllowOutsideSession"] = "true",
    };

    [Fact]
    public async Task WithoutConfirm_ListsAndChangesNothing_WithConfirm_ClosesTheTickersPositions()
    {
        // A monthly expiration two months out: listed by the synthetic market, so every leg is quoted now.
        var month = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2);
        var firstOfMonth = new DateOnly(month.Year, month.Month, 1);
        var expiration = firstOfMonth.AddDays((((int)DayOfWeek.Friday - (int)firstOfMonth.DayOfWeek + 7) % 7) + 14);
        var openedAt = DateTimeOffset.UtcNow.AddHours(-1);
        Position[] spy = [await SeedSpyCspAsync("spy-550", expiration, 550m, 5.00m, openedAt), await SeedSpyCspAsync("spy-540", expiration, 540m, 4.00m, openedAt)];
        var qqq = await SeedCspAsync("qqq-450", "QQQ", expiration, 450m, 5.00m, openedAt);

        var listed = await Cli.RunAsync("positions", "close-all", "--ticker", "SPY");
        var listedJson = await Cli.RunAsync("positions", "close-all", "--ticker", "spy", "--json");

        Assert.True(listed.ExitCode == Unconfirmed, listed.ToString());
        Assert.Equal("nothing was sent: add --confirm to move trading to REDUCING and close these 2 position(s).", listed.Stderr.Trim());
        Assert.Contains("2 position(s)", listed.Stdout, StringComparison.Ordinal);
        Assert.True(listedJson.ExitCode == Unconfirmed, listedJson.ToString());
        Assert.Equal(spy.Select(p => p.PositionId), listedJson.Json().Items().Select(p => p.Int("position_id")));
        Assert.Equal(0, await Db.CountAsync("orders"));
        Assert.Equal(0, await Db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'ACTIVE'"));

        var closed = (await Cli.RunAsync("positions", "close-all", "--ticker", "SPY", "--confirm", "--json")).Succeeded().Json();

        Assert.Equal(("SPY", "REDUCING", true), (closed.Str("ticker"), closed.Str("trading_state"), closed.GetProperty("state_changed").GetBoolean()));
        var outcomes = closed.GetProperty("positions").Items();
        Assert.Equal(spy.Select(p => p.PositionId), outcomes.Select(o => o.Int("position_id")));
        Assert.All(outcomes, o =>
        {
            Assert.Equal("closed", o.Str("outcome"));
            Assert.StartsWith("exit ", o.Str("detail"), StringComparison.Ordinal);
            Assert.EndsWith($", realized {Core.Trading.MoneyText.Signed(o.Dec("realized_pnl"))}", o.Str("detail"), StringComparison.Ordinal);
        });
        Assert.Equal(2, await Db.CountAsync("trade_history", "ticker = 'SPY' AND exit_reason = 'manual' AND executed_by = 'manual'"));
        Assert.Equal(2, await Db.CountAsync("audit_events", "event_type = 'order.submitted' AND actor = 'cli'"));
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {qqq.PositionId} AND status = 'OPEN'"));
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'REDUCING' AND state_changed_by = 'cli'"));

        var again = (await Cli.RunAsync("positions", "close-all", "--ticker", "SPY", "--confirm")).Succeeded();

        Assert.Contains("0 position(s); trading REDUCING", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, await Db.CountAsync("orders"));
    }

    [Fact]
    public async Task Halted_IsRefused_AndABadStrategyTooBeforeAnythingChanges()
    {
        (await Cli.RunAsync("trading", "halt")).Succeeded();

        var halted = (await Cli.RunAsync("positions", "close-all", "--confirm")).WasRefused();
        var badStrategy = (await Cli.RunAsync("positions", "close-all", "--strategy", "IC", "--confirm")).WasRefused();

        Assert.StartsWith("error: TRADING_HALTED:", halted.Stderr, StringComparison.Ordinal);
        Assert.Equal("error: 'IC' is not a valid StrategyType; expected one of: CSP, VPC, STOCK.", badStrategy.Stderr.Trim());
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'HALTED'"));
        Assert.Equal(1, await Db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }
}
