using System.Globalization;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Integration.Tests.Telegram;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.EndToEnd;

/// <summary>
/// Approved by the Telegram button, the worker is killed (-9) while its opening order walks, after the broker accepted a
/// replace; the next worker's start-up recovery finishes that same order at the broker. One placement, and the position
/// is the server's fills.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
[Trait("Category", "Slow")]
public sealed class TradeStationCrashTests(PostgresServer server) : TsEndToEndBase(server)
{
    [Fact]
    public async Task KilledMidWalk_TheRestartedWorkerFinishesTheOrder_WithoutASecondPlacement()
    {
        using var optauto = Optauto();
        var proposal = (await optauto.RunAsync("proposals", "run", "--json")).Succeeded().Json().GetProperty("proposals")[0];
        var requestId = proposal.GetProperty("request_id").GetString()!;
        var quantity = proposal.GetProperty("quantity").GetInt32();
        var clientOrderId = $"open-{requestId}";
        // The first replace (1.78) is enough: one spread at the next status read, the rest at the one after.
        Ts.FillWhenLimitReaches(-1.78m, [1, quantity - 1], 3.98m, 2.20m);

        var (first, _) = StartWorker(optauto);
        // The worker posts the proposal's card from the outbox; Alice presses APPROVE.
        await WaitForAsync(() => Task.FromResult(Card(requestId) is not null), first, "the proposal card in the chat");
        var card = Card(requestId)!;
        var approve = card.Body.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString()!;
        Bot.AddUpdate(BotUpdates.Press(1, BotHarness.Alice, approve, BotHarness.ChatId, 1, "alice", DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await WaitForAsync(() => Task.FromResult(Ts.Calls("PUT", "/orderexecution/orders").Count >= 1 && Ts.Orders.Single().Status == "FPR"), first, "the first replace and a partial fill");
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();

        Assert.Equal(1, await Db.CountAsync("orders", $"client_order_id = '{clientOrderId}' AND status NOT IN ('FILLED', 'CANCELLED')"));
        Assert.Equal(0, await Db.CountAsync("positions"));

        var (second, api) = StartWorker(optauto);
        api.Dispose();
        await WaitForAsync(async () => await Db.CountAsync("trade_requests", $"request_id = '{requestId}' AND status = 'EXECUTED'") == 1, second, "recovery to execute the proposal");
        await StopAsync(second);

        var order = Assert.Single(Ts.Orders);
        Assert.Single(Ts.Calls("POST", "/orderexecution/orders"));
        Assert.Equal("FLL", order.Status);
        Assert.Equal(1, await Db.CountAsync("orders", $"client_order_id = '{clientOrderId}' AND status = 'FILLED' AND filled_quantity = {quantity}"));
        // The position equals the server's book: short 585s and long 580s, the quantity ordered, at the fill prices.
        var held = Ts.Positions.ToDictionary(p => p.Symbol, p => (p.Quantity, p.AveragePrice));
        Assert.Equal((string.Create(CultureInfo.InvariantCulture, $"-{quantity}"), "3.98"), held[ShortSymbol]);
        Assert.Equal((quantity.ToString(CultureInfo.InvariantCulture), "2.20"), held[LongSymbol]);
        Assert.Equal(1, await Db.CountAsync("positions", $"request_id = '{requestId}' AND status = 'OPEN' AND quantity = {quantity} AND entry_price = 1.78"));
        Assert.Equal(2 * quantity * 0.60m, await Db.ScalarAsync<decimal>($"SELECT sum(fees) FROM fills WHERE client_order_id = '{clientOrderId}'"));
        // The start-up reconciliation ran beside the recovery of a partly filled order and took it for in flight: no alert.
        Assert.Equal(0, await Db.CountAsync("outbox", "payload->>'kind' = 'broker_mismatch'"));
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'ACTIVE'"));
        // What the worker and the broker now hold agree: reconciliation finds nothing.
        var reconcile = (await optauto.RunAsync("broker", "reconcile", "--json")).Succeeded().Json().GetProperty("report");
        Assert.True(reconcile.GetProperty("matches").GetBoolean(), reconcile.ToString());
        AssertNoSecretIn(optauto);
    }

    /// <summary>The proposal's card: the message with buttons whose text names the proposal.</summary>
    private BotApiRequest? Card(string requestId) =>
        Bot.Calls("sendMessage").FirstOrDefault(c => c.Body.TryGetProperty("reply_markup", out _)
            && c.Body.GetProperty("text").GetString()!.Contains(requestId, StringComparison.Ordinal));
}
