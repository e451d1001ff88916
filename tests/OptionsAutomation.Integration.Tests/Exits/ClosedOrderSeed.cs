using OptionsAutomation.Core.Positions;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// A position closed through a real closing order: a two-contract SPY 580 CSP (credit 1.50) closed by hand on Friday
/// 2026-02-27 at 10:35 New York, the put quoted 1.10/1.20. The paper broker fills one contract per evaluation
/// (partial, then filled) at the ask less a penny, 1.19, charging 0.65 per contract.
/// </summary>
internal static class ClosedOrderSeed
{
    public static readonly DateTimeOffset ClosedAt = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);

    public static async Task<Position> CloseCspThroughBrokerAsync(TestDatabase db, string requestId)
    {
        var h = new ExitHarness(db, new RealTimersClock(ClosedAt), paper: new PaperBrokerSettings { FeePerContract = 0.65m, PriceImprovement = 0.01m, MaxContractsPerFill = 1 });
        var position = (await h.OpenCspAsync(requestId, 580m, 1.50m, new DateOnly(2026, 4, 17), new DateTimeOffset(2026, 2, 20, 14, 17, 0, TimeSpan.Zero), quantity: 2)).Position;
        h.QuoteShortPut(position, 1.10m, 1.20m, ClosedAt.AddMinutes(-1));
        var check = await h.Exits.CloseManuallyAsync(position.PositionId, "alice", CancellationToken.None);
        Assert.True(check.Closed is not null, $"the close did not fill: {check.OrderError}");
        return position;
    }
}
