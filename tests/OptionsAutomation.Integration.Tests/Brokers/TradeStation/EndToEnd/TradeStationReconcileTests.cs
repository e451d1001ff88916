using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.EndToEnd;

/// <summary>
/// A trade made by hand at the broker (a short put the worker never ordered): the worker's start-up reconciliation
/// raises one alert naming the symbol and sets trading to REDUCING; <c>broker reconcile --json</c> shows it.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class TradeStationReconcileTests(PostgresServer server) : TsEndToEndBase(server)
{
    [Fact]
    public async Task AManualTradeAtTheBroker_AlertsNamingTheSymbol_AndTradingGoesReducing()
    {
        Ts.AddPosition(new TsPosition(TradeStationServer.SimAccountId, Symbol("570"), "-1", "1.22"));
        using var optauto = Optauto();

        var (worker, api) = StartWorker(optauto);
        api.Dispose();
        await WaitForAsync(async () => await Db.CountAsync("outbox", "payload->>'kind' = 'broker_mismatch'") == 1, worker, "the mismatch alert");
        await WaitForAsync(() => Task.FromResult(Bot.Calls("sendMessage").Any(c => c.Body.GetProperty("text").GetString()!.StartsWith("Broker positions differ", StringComparison.Ordinal))), worker, "the alert in the chat");
        await StopAsync(worker);

        var text = await Db.ScalarAsync<string>("SELECT payload->>'text' FROM outbox WHERE payload->>'kind' = 'broker_mismatch'");
        Assert.StartsWith($"Broker positions differ from ours: SPY {Expiration:yyMMdd}P00570000 ONLY_AT_BROKER ours 0 broker -1. Trading set to REDUCING", text, StringComparison.Ordinal);
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'REDUCING'"));

        var status = (await optauto.RunAsync("trading", "status", "--json")).Succeeded().Json();
        Assert.Equal("REDUCING", status.Str("trading_state"));
        // A difference is a refusal (exit 1) with the report.
        var reconcile = (await optauto.RunAsync("broker", "reconcile", "--json")).WasRefused().Json().GetProperty("report");
        Assert.False(reconcile.GetProperty("matches").GetBoolean());
        var difference = Assert.Single(reconcile.GetProperty("differences").Items());
        Assert.Equal($"SPY   {Expiration:yyMMdd}P00570000", difference.Str("symbol"));
        Assert.Equal(("ONLY_AT_BROKER", 0L, -1L), (difference.Str("kind"), difference.Int("our_contracts"), difference.Int("broker_contracts")));
        // Seen again, the same difference is not alerted twice.
        Assert.Equal(1, await Db.CountAsync("outbox", "payload->>'kind' = 'broker_mismatch'"));
    }
}
