using System.Globalization;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto orders list</c> and the fills of <c>positions show</c> as real processes, after a close that went through
/// the broker (<see cref="ClosedOrderSeed"/>: two contracts, filled one at a time at 1.19, 0.65 per contract).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class OrderCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task OrdersList_ShowsTheClosingOrderWithItsHistoryAndFills_AndOpenExcludesIt()
    {
        var position = await ClosedOrderSeed.CloseCspThroughBrokerAsync(Db, "orders-cli");

        var order = Assert.Single((await Cli.RunAsync("orders", "list", "--json")).Succeeded().Json().Items());
        var id = order.Str("client_order_id")!;
        Assert.StartsWith($"close-{position.PositionId}-", id, StringComparison.Ordinal);
        Assert.Equal(("CLOSE", "FILLED", "manual", "orders-cli"), (order.Str("intent"), order.Str("state"), order.Str("reason"), order.Str("request_id")));
        Assert.Equal((position.PositionId, 2L, 2L), (order.Int("position_id"), order.Int("quantity"), order.Int("filled_quantity")));
        Assert.True(order.IsNull("limit_price"));
        Assert.Equal((1.19m, 1.30m), (order.Dec("fill_price"), order.Dec("fees")));
        Assert.Equal($"paper-{id}", order.Str("broker_order_id"));
        var leg = Assert.Single(order.GetProperty("legs").Items());
        Assert.Equal(("SPY   260417P00580000", "buy_to_close", 1L), (leg.Str("symbol"), leg.Str("side"), leg.Int("ratio")));

        var history = order.GetProperty("history").Items();
        Assert.Equal(["PENDING", "PARTIALLY_FILLED", "FILLED"], history.Select(h => h.Str("status")));
        Assert.Equal(["order.submitted", "order.partially_filled", "order.filled"], history.Select(h => h.Str("event")));
        Assert.Equal([0L, 1L, 2L], history.Select(h => h.Int("filled_quantity")));
        Assert.All(history, h => Assert.Equal("alice", h.Str("actor")));
        // Placed and filled in part at once; the poll a second later filled the rest.
        Assert.Equal([ClosedOrderSeed.ClosedAt, ClosedOrderSeed.ClosedAt, ClosedOrderSeed.ClosedAt.AddSeconds(1)], history.Select(h => h.Instant("at")));

        var fills = order.GetProperty("fills").Items();
        Assert.Equal([$"{id}-1", $"{id}-2"], fills.Select(f => f.Str("broker_fill_id")));
        Assert.All(fills, f => Assert.Equal(("SPY   260417P00580000", "buy", 1L, 1.19m, 0.65m, id),
            (f.Str("symbol"), f.Str("side"), f.Int("quantity"), f.Dec("price"), f.Dec("fee"), f.Str("client_order_id"))));
        Assert.Equal(1.30m, fills.Sum(f => f.Dec("fee")));

        // Filters: a finished order is not open; the position and the request select it, another position nothing.
        Assert.Empty((await Cli.RunAsync("orders", "list", "--open", "--json")).Succeeded().Json().Items());
        var byPosition = (await Cli.RunAsync("orders", "list", "--position", position.PositionId.ToString(CultureInfo.InvariantCulture), "--json")).Succeeded().Json();
        Assert.Equal(id, Assert.Single(byPosition.Items()).Str("client_order_id"));
        var byRequest = (await Cli.RunAsync("orders", "list", "--request-id", "orders-cli", "--json")).Succeeded().Json();
        Assert.Equal(id, Assert.Single(byRequest.Items()).Str("client_order_id"));
        Assert.Empty((await Cli.RunAsync("orders", "list", "--position", "999999", "--json")).Succeeded().Json().Items());

        var table = (await Cli.RunAsync("orders", "list")).Succeeded().Stdout;
        var row = Assert.Single(table.Split('\n'), l => l.Contains(id, StringComparison.Ordinal));
        Assert.Equal([id, "CLOSE", "FILLED", position.PositionId.ToString(CultureInfo.InvariantCulture), "2/2", "-", "1.19", "1.30", "2026-02-27 15:35:00Z"],
            row.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(9));
        Assert.Contains("1 order(s)", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PositionsShow_ListsThePositionsFills()
    {
        var position = await ClosedOrderSeed.CloseCspThroughBrokerAsync(Db, "orders-show");
        var key = position.PositionId.ToString(CultureInfo.InvariantCulture);

        var shown = (await Cli.RunAsync("positions", "show", key, "--json")).Succeeded().Json();
        Assert.Equal(("CLOSED", 1.19m), (shown.Str("status"), shown.Dec("exit_price")));
        var fills = shown.GetProperty("fills").Items();
        Assert.Equal(2, fills.Length);
        Assert.All(fills, f => Assert.Equal(("buy", 1.19m, 0.65m), (f.Str("side"), f.Dec("price"), f.Dec("fee"))));
        Assert.All(fills, f => Assert.StartsWith($"close-{position.PositionId}-", f.Str("client_order_id"), StringComparison.Ordinal));

        var table = (await Cli.RunAsync("positions", "show", key)).Succeeded().Stdout;
        Assert.Contains("SPY   260417P00580000", table, StringComparison.Ordinal);
        Assert.Contains("2 fill(s)", table, StringComparison.Ordinal);
    }
}
