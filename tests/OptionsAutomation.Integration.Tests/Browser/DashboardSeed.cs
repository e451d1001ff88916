using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// What the dashboard shows in the browser tests, seeded through the worker's own services: two closed trades in
/// February 2021 (an equity curve, a gain day and a loss day), two open put spreads with manual marks, and the
/// morning proposal of 2021-03-01 (the SPY 370 put, which the paper broker fills at 3.67).
/// </summary>
internal static class DashboardSeed
{
    public const string ProposalId = "prop-20210301-SPY-CSP";

    private static readonly DateOnly Expiration = new(2021, 4, 16);

    /// <summary>Returns the open positions' ids with the unrealized P&amp;L each must show.</summary>
    public static async Task<IReadOnlyList<(long PositionId, string Pnl)>> SeedAsync(DashboardServer server)
    {
        // The proposal first: the screener passes over a ticker that already holds a position.
        var run = await server.Get<ProposalService>().RunAsync(DashboardServer.Close, CancellationToken.None);
        Assert.Equal(ProposalId, Assert.Single(run.Proposals).RequestId);

        var positions = server.Get<PositionManager>();
        await CloseAsync(positions, "seed-iwm", "IWM", 200m, credit: 1.00m, exit: 0.50m, closedOn: new DateTimeOffset(2021, 2, 10, 18, 0, 0, TimeSpan.Zero));
        await CloseAsync(positions, "seed-qqq", "QQQ", 300m, credit: 1.00m, exit: 2.10m, closedOn: new DateTimeOffset(2021, 2, 17, 18, 0, 0, TimeSpan.Zero));

        var marks = server.Get<MarkToMarketService>();
        var winner = await OpenSpreadAsync(positions, "seed-qqq-vpc", "QQQ", 320m, 315m, credit: 1.20m);
        var loser = await OpenSpreadAsync(positions, "seed-iwm-vpc", "IWM", 215m, 210m, credit: 1.00m);
        await marks.MarkManuallyAsync(winner, 0.80m, "test", CancellationToken.None);
        await marks.MarkManuallyAsync(loser, 1.45m, "test", CancellationToken.None);
        return [(winner, "+$40.00"), (loser, "-$45.00")];
    }

    /// <summary>One day of history: a put opened in February and closed on 2021-03-01 for a gain of about $50.</summary>
    public static Task CloseOneTradeAsync(DashboardServer server) =>
        CloseAsync(server.Get<PositionManager>(), "seed-one-day", "IWM", 200m, credit: 1.00m, exit: 0.50m, closedOn: new DateTimeOffset(2021, 3, 1, 18, 0, 0, TimeSpan.Zero));

    private static async Task CloseAsync(PositionManager positions, string requestId, string ticker, decimal strike, decimal credit, decimal exit, DateTimeOffset closedOn)
    {
        var opened = await positions.OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = ticker,
            Expiration = Expiration,
            ShortStrike = strike,
            Credit = credit,
            Quantity = 1,
            OpenedAt = closedOn.AddDays(-20),
            Actor = "test",
        });
        await positions.CloseAsync(opened.Position.PositionId, new PositionExit(exit, ExitReason.Manual, closedOn, ExecutedBy.Manual, "test"));
    }

    private static async Task<long> OpenSpreadAsync(PositionManager positions, string requestId, string ticker, decimal shortStrike, decimal longStrike, decimal credit)
    {
        var opened = await positions.OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.VerticalPutCredit,
            Ticker = ticker,
            Expiration = Expiration,
            ShortStrike = shortStrike,
            LongStrike = longStrike,
            Credit = credit,
            Quantity = 1,
            OpenedAt = new DateTimeOffset(2021, 2, 22, 15, 0, 0, TimeSpan.Zero),
            Actor = "test",
        });
        return opened.Position.PositionId;
    }
}
