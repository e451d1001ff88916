using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>
/// <c>optauto_lot_changes_total</c> on <c>/metrics</c>, counted from what the book keeps: a lot opened as a scale-in's
/// fill opens it (linked to its position), and a closing order for part of a position with reason <c>scale_out</c>
/// through the exit path on the SPY 2021 chains and the paper broker.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LotChangeMetricsTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task ScaleInsAndScaleOuts_AreCountedByKind()
    {
        var first = await OpenAsync("metrics-first", 4, null);
        await OpenAsync("metrics-lot", 1, first.PositionId);
        var before = await MetricLinesAsync();

        var check = await Api.Get<ExitService>().CloseManuallyAsync(first.PositionId, "test", 2, ExitReason.ScaleOut, walk: false, CancellationToken.None);

        Assert.Equal(2, check.Closed!.Trade.Quantity);
        Assert.Contains("optauto_lot_changes_total{kind=\"scale_in\"} 1", before);
        Assert.Contains("optauto_lot_changes_total{kind=\"scale_out\"} 0", before);
        var after = await MetricLinesAsync();
        Assert.Contains("# TYPE optauto_lot_changes_total counter", after);
        Assert.Contains("optauto_lot_changes_total{kind=\"scale_in\"} 1", after);
        Assert.Contains("optauto_lot_changes_total{kind=\"scale_out\"} 1", after);
    }

    private async Task<string[]> MetricLinesAsync()
    {
        using var response = await Api.Http.GetAsync("/metrics");
        return (await response.Content.ReadAsStringAsync()).Split('\n');
    }

    /// <summary>An SPY 370 put of 2021-04-16 (listed in the 2021-03-01 chain) sold at 5.00.</summary>
    private async Task<Position> OpenAsync(string requestId, int quantity, long? scales) =>
        (await Api.Get<PositionManager>().OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = "SPY",
            Expiration = new DateOnly(2021, 4, 16),
            ShortStrike = 370m,
            Credit = 5.00m,
            Quantity = quantity,
            OpenedAt = ApiHarness.Close.AddDays(-10),
            ScalesPositionId = scales,
            Actor = "test",
        })).Position;
}
