using System.Net.Http.Json;
using System.Text.Json;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.EndToEnd;

/// <summary>
/// Issue 11, end to end on the loopback TradeStation server with the worker as a process: the morning proposal from the
/// broker's chain, approval over the HTTP API, the opening order walked until the server fills it in parts, the position
/// from those fills, the 50% profit rule once the quotes fall, the closing order walked and filled, the trade booked
/// and alerted.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
[Trait("Category", "Slow")]
public sealed class TradeStationHappyPathTests(PostgresServer server) : TsEndToEndBase(server)
{
    [Fact]
    public async Task ProposalApprovalWalkFillsExitAndClose_OnTheWireAndInPostgres()
    {
        // A key with rotating refresh tokens: every process (the CLI verbs, the worker) takes the stored one in turn.
        Ts.RotateRefreshTokens = true;
        using var optauto = Optauto();

        // 09:15: the screener reads SPY's chain from the broker and proposes the 585/580 VPC.
        var run = (await optauto.RunAsync("proposals", "run", "--json")).Succeeded().Json();
        var proposal = Assert.Single(run.GetProperty("proposals").Items());
        var requestId = proposal.Str("request_id")!;
        Assert.Equal(("SPY", "VPC", 585m, 580m), (proposal.Str("ticker"), proposal.Str("strategy_type"), proposal.Dec("short_strike"), proposal.Dec("long_strike")));
        Assert.Equal(1.80m, proposal.Dec("net_credit"));
        // Sized at 2% of the broker's equity (101,250.50) over the 3.20 a spread can lose: 6.
        var quantity = (int)proposal.Int("quantity");
        Assert.Equal(6, quantity);

        // The server fills once the credit has walked down to 1.75: two spreads, then the rest.
        Ts.FillWhenLimitReaches(-1.75m, [2, quantity - 2], 3.95m, 2.20m);
        Assert.Contains(Ts.Requests, r => r.Path == "/v3/marketdata/stream/options/chains/SPY");
        var (worker, api) = StartWorker(optauto);
        using (api)
        {
            await WaitForAsync(async () => (await TryGetAsync(api, "/health")) is not null, worker, "the worker's API");
            using var approved = await api.PostAsync($"/api/proposals/{requestId}/approve", null);
            var outcome = await approved.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(approved.IsSuccessStatusCode, outcome.ToString());
            Assert.Equal("EXECUTED", outcome.Str("status"));

            // On the wire: confirm, one placement, replaces at the walked prices until the fill, never a second POST.
            var open = Assert.Single(Ts.Orders);
            Assert.Equal(["POST orderconfirm", "POST orders", .. Enumerable.Repeat($"PUT orders/{open.OrderId}", 2)], OrderTraffic());
            Assert.Equal(["-1.80"], Ts.Calls("POST", "/orderexecution/orders").Select(r => r.Json.GetProperty("LimitPrice").GetString()));
            Assert.Equal(["-1.78", "-1.75"], Ts.Calls("PUT", "/orderexecution/orders").Select(r => r.Json.GetProperty("LimitPrice").GetString()));
            Assert.Equal("FLL", open.Status);

            // The position is what the fills say: the quantity, a 1.75 credit, commissions on every contract.
            Assert.Equal(1, await Db.CountAsync("positions", $"request_id = '{requestId}' AND status = 'OPEN' AND quantity = {quantity} AND entry_price = 1.75"));
            Assert.Equal(2 * quantity * 0.60m, await Db.ScalarAsync<decimal>($"SELECT sum(fees) FROM fills WHERE client_order_id = 'open-{requestId}'"));
            Assert.Equal(2, await Db.CountAsync("audit_events", $"entity_id = 'open-{requestId}' AND event_type = 'order.repriced'"));

            // The market falls back: the spread's mid is 0.60, past the 50% target of 0.875. The close walks from 0.60
            // to the natural 0.65 (0.61, 0.62, 0.64) and fills at 0.64.
            Quote("1.00", "1.05", "0.40", "0.45");
            Ts.FillWhenLimitReaches(0.64m, [quantity], 1.04m, 0.40m);
            var exits = (await optauto.RunAsync("exits", "check", "--json")).Succeeded().Json();
            var exit = Assert.Single(exits.Items());
            Assert.Equal(("EXIT", "profit_target", "CLOSED"), (exit.Str("decision"), exit.Str("reason"), exit.Str("outcome")));
            Assert.Equal(0.64m, exit.Dec("exit_price"));
            Assert.Equal(((1.75m - 0.64m) * 100m * quantity) - (4 * quantity * 0.60m), exit.Dec("realized_pnl"));

            var close = Ts.Orders[0];
            Assert.NotEqual(open.OrderId, close.OrderId);
            Assert.Equal(
                ["POST orderconfirm", "POST orders", .. Enumerable.Repeat($"PUT orders/{open.OrderId}", 2), "POST orderconfirm", "POST orders", .. Enumerable.Repeat($"PUT orders/{close.OrderId}", 3)],
                OrderTraffic());
            Assert.Equal(["0.60", "0.61", "0.62", "0.64"], Ts.Calls("POST", "/orderexecution/orders").Skip(1).Select(r => r.Json.GetProperty("LimitPrice").GetString())
                .Concat(Ts.Calls("PUT", $"/orderexecution/orders/{close.OrderId}").Select(r => r.Json.GetProperty("LimitPrice").GetString())));
            Assert.Equal("FLL", close.Status);
            Assert.Empty(Ts.Positions);

            Assert.Equal(1, await Db.CountAsync("trade_history", $"exit_reason = 'profit_target' AND quantity = {quantity} AND exit_price = 0.64"));
            Assert.Equal(1, await Db.CountAsync("positions", $"request_id = '{requestId}' AND status = 'CLOSED'"));
            Assert.Equal(1, await Db.CountAsync("outbox", "payload->>'kind' = 'exit'"));
            // Every step of both walks is shown with the position.
            var positionId = await Db.ScalarAsync<long>($"SELECT position_id FROM positions WHERE request_id = '{requestId}'");
            var shown = (await optauto.RunAsync("positions", "show", positionId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json")).Succeeded().Json();
            Assert.Equal([-1.78m, -1.75m, 0.61m, 0.62m, 0.64m], shown.GetProperty("price_steps").Items().Select(s => s.Dec("to")));
            // The worker's outbox service delivers it to the chat.
            await WaitForAsync(() => Task.FromResult(Bot.Calls("sendMessage").Any(c => c.Body.GetProperty("text").GetString()!.Contains("exited", StringComparison.Ordinal))), worker, "the exit alert in the chat");
        }

        await StopAsync(worker);
        // Flat at the broker and here: nothing to reconcile. Nothing secret was written anywhere.
        var reconcile = (await optauto.RunAsync("broker", "reconcile", "--json")).Succeeded().Json().GetProperty("report");
        Assert.True(reconcile.GetProperty("matches").GetBoolean(), reconcile.ToString());
        AssertNoSecretIn(optauto);
    }

    private static async Task<string?> TryGetAsync(HttpClient api, string path)
    {
        try
        {
            return await api.GetStringAsync(path);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
