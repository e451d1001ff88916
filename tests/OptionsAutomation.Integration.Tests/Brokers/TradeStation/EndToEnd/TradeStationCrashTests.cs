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
        // The press was answered before the order went out (the spinner stops; the walk takes seconds).
        Assert.Single(Bot.Calls("answerCallbackQuery"));

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
        // The approver hears of it once, from the worker that finished it.
        Assert.Equal(
            $"Proposal {requestId} executed — SPY VPC × {quantity} at a credit of 1.78 — position 1",
            await Db.ScalarAsync<string>($"SELECT payload->>'text' FROM outbox WHERE payload->>'kind' = 'executed' AND payload->>'request_id' = '{requestId}'"));
        // The start-up reconciliation ran beside the recovery of a partly filled order and took it for in flight: no alert.
        Assert.Equal(0, await Db.CountAsync("outbox", "payload->>'kind' = 'broker_mismatch'"));
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'ACTIVE'"));
        // What the worker and the broker now hold agree: reconciliation finds nothing.
        var reconcile = (await optauto.RunAsync("broker", "reconcile", "--json")).Succeeded().Json().GetProperty("report");
        Assert.True(reconcile.GetProperty("matches").GetBoolean(), reconcile.ToString());
        AssertNoSecretIn(optauto);
    }

    [Fact]
    public async Task KilledMidWalkBeforeAnyFill_TheRestartedWorkerCancelsAtTheTimeout_WithoutRepricing()
    {
        // Nothing fills above a 1.70 credit, the end of the walk: killed after the first replace, the order rests at 1.78.
        Ts.FillWhenLimitReaches(-1.70m, [1], 3.90m, 2.20m);
        using var optauto = Optauto(("Execution__FillTimeoutSeconds", "8"));
        var requestId = (await optauto.RunAsync("proposals", "run", "--json")).Succeeded().Json().GetProperty("proposals")[0].GetProperty("request_id").GetString()!;
        using (var approving = optauto.Start("proposals", "approve", requestId))
        {
            await WaitForAsync(() => Task.FromResult(Ts.Calls("PUT", "/orderexecution/orders").Count == 1), approving, "the first replace");
            approving.Kill(entireProcessTree: true);
            await approving.WaitForExitAsync();
        }

        var (worker, api) = StartWorker(optauto);
        api.Dispose();
        await WaitForAsync(async () => await Db.CountAsync("trade_requests", $"request_id = '{requestId}' AND status = 'FAILED'") == 1, worker, "recovery to fail the proposal");
        await StopAsync(worker);

        var order = Assert.Single(Ts.Orders);
        Assert.Equal(("CAN", "-1.78"), (order.Status, order.LimitPrice));
        Assert.Single(Ts.Calls("POST", "/orderexecution/orders"));
        Assert.Single(Ts.Calls("PUT", "/orderexecution/orders"));
        Assert.Single(Ts.Calls("DELETE", "/orderexecution/orders"));
        Assert.Equal(1, await Db.CountAsync("orders", $"client_order_id = 'open-{requestId}' AND status = 'CANCELLED' AND filled_quantity = 0"));
        Assert.Equal(0, await Db.CountAsync("positions"));
        Assert.Empty(Ts.Positions);
    }

    [Fact]
    public async Task KilledWhileTheCloseWalks_TheRestartedWorkerFinishesTheClose_AndBooksTheTrade()
    {
        // Short-lived access tokens: the walks and the recovery refresh them as they go.
        Ts.AccessTokenLifetimeSeconds = 4;
        using var optauto = Optauto();
        var proposal = (await optauto.RunAsync("proposals", "run", "--json")).Succeeded().Json().GetProperty("proposals")[0];
        var requestId = proposal.GetProperty("request_id").GetString()!;
        var quantity = proposal.GetProperty("quantity").GetInt32();
        Ts.FillWhenLimitReaches(-1.80m, [quantity], 4.00m, 2.20m);
        (await optauto.RunAsync("proposals", "approve", requestId, "--json")).Succeeded();
        var positionId = await Db.ScalarAsync<long>($"SELECT position_id FROM positions WHERE request_id = '{requestId}' AND status = 'OPEN' AND entry_price = 1.80");

        // The close walks 0.60 → 0.65; the server takes one spread at 0.61, the rest at the status read after.
        Quote("1.00", "1.05", "0.40", "0.45");
        Ts.FillWhenLimitReaches(0.61m, [1, quantity - 1], 1.01m, 0.40m);
        using (var exits = optauto.Start("exits", "check"))
        {
            await WaitForAsync(() => Task.FromResult(Ts.Orders.Count == 2 && Ts.Orders[0].Status == "FPR"), exits, "the close's first replace and a partial fill");
            exits.Kill(entireProcessTree: true);
            await exits.WaitForExitAsync();
        }

        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {positionId} AND status = 'OPEN'"));
        var (worker, api) = StartWorker(optauto);
        api.Dispose();
        await WaitForAsync(async () => await Db.CountAsync("positions", $"position_id = {positionId} AND status = 'CLOSED'") == 1, worker, "recovery to close the position");
        await StopAsync(worker);

        Assert.Equal(2, Ts.Calls("POST", "/orderexecution/orders").Count);
        Assert.All(Ts.Orders, o => Assert.Equal("FLL", o.Status));
        Assert.Empty(Ts.Positions);
        Assert.Equal(1, await Db.CountAsync("trade_history", $"position_id = {positionId} AND quantity = {quantity} AND exit_price = 0.61 AND exit_reason = 'profit_target'"));
        Assert.Equal(((1.80m - 0.61m) * 100m * quantity) - (4 * quantity * 0.60m), await Db.ScalarAsync<decimal>($"SELECT realized_pnl FROM positions WHERE position_id = {positionId}"));
        Assert.Equal(1, await Db.CountAsync("outbox", "payload->>'kind' = 'exit'"));
        Assert.Equal(0, await Db.CountAsync("outbox", "payload->>'kind' = 'broker_mismatch'"));
        Assert.True(Ts.TokenRequests.Count > 2, $"{Ts.TokenRequests.Count} token request(s)");
        AssertNoSecretIn(optauto);
    }

    /// <summary>The proposal's card: the message with buttons whose text names the proposal.</summary>
    private BotApiRequest? Card(string requestId) =>
        Bot.Calls("sendMessage").FirstOrDefault(c => c.Body.TryGetProperty("reply_markup", out _)
            && c.Body.GetProperty("text").GetString()!.Contains(requestId, StringComparison.Ordinal));
}
