using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Infrastructure.Cards;
using OptionsAutomation.Integration.Tests.Support;
using SkiaSharp;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto scorecard</c> as a real process over trades seeded in Postgres: a past session's figures and its card.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class ScorecardCliTests(PostgresServer server) : CliTestBase(server)
{
    /// <summary>
    /// Two SPY CSPs opened Monday 2026-02-02: one closed Monday 2026-02-09 for +75 (1.50 → 0.75), the other stopped out on
    /// the 11th (−200). The scorecard of the 9th shows the winner, 100% of 1 trade, and the other as open (unmarked).
    /// </summary>
    [Fact]
    public async Task APastSession_Json_AndTheCardWrittenToAFile()
    {
        var winner = await SeedSpyCspAsync("s-1", new DateOnly(2026, 3, 20), 580m, 1.50m, NewYork("2026-02-02", 10));
        var loser = await SeedSpyCspAsync("s-2", new DateOnly(2026, 3, 20), 560m, 2.00m, NewYork("2026-02-02", 10));
        var positions = Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow));
        await positions.CloseAsync(winner.PositionId, new PositionExit(0.75m, ExitReason.ProfitTarget, NewYork("2026-02-09", 14), ExecutedBy.Manual, "test-seed"));
        await positions.CloseAsync(loser.PositionId, new PositionExit(4.00m, ExitReason.StopLoss, NewYork("2026-02-11", 14), ExecutedBy.Manual, "test-seed"));
        var file = Path.Combine(Path.GetTempPath(), $"scorecard-{Guid.NewGuid():N}.png");

        try
        {
            var json = (await Cli.RunAsync("scorecard", "--date", "2026-02-09", "--json", "--png", file)).Succeeded().Json();

            Assert.Equal(("2026-02-09", 75.00m), (json.Str("date"), json.Dec("realized_pnl")));
            var trade = Assert.Single(json.GetProperty("closed_trades").Items());
            Assert.Equal((winner.PositionId, "profit_target", 75.00m), (trade.GetProperty("position_id").GetInt64(), trade.Str("exit_reason"), trade.Dec("pnl")));
            Assert.False(trade.TryGetProperty("quantity", out _));
            Assert.Equal((1L, 1L, 1L, 100m, 75.00m), (json.Int("open_positions"), json.Int("unmarked"), json.Int("trades_to_date"), json.Dec("win_rate_to_date"), json.Dec("total_pnl_to_date")));
            var last = json.GetProperty("equity").Items()[^1];
            Assert.Equal(("2026-02-09", 100_075.00m), (last.Str("date"), last.Dec("equity")));
            using var card = SKBitmap.Decode(file);
            Assert.Equal((ScorecardCard.Width, ScorecardCard.Height), (card.Width, card.Height));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Text_IsTheChatMessage()
    {
        var stdout = (await Cli.RunAsync("scorecard", "--date", "2026-02-09")).Succeeded().Stdout;

        Assert.Equal(
            "Scorecard 2026-02-09: 0 trade(s) closed, realized $0.00\nOpen: 0 position(s), max loss $0.00, collateral $0.00, unrealized $0.00\nWin rate to date: no closed trades yet",
            stdout.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ADayThatIsNotASession_IsRefused() =>
        Assert.Contains(
            "2026-02-07 has no scorecard: it is not a NYSE session",
            (await Cli.RunAsync("scorecard", "--date", "2026-02-07")).WasRefused().Stderr,
            StringComparison.Ordinal);
}
