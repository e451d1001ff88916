using System.Net;
using System.Text.Json;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>
/// <c>POST /api/positions/close-all</c>, the emergency reduction over HTTP (guarded by the bearer token like every POST),
/// and the 409 answers of the closing path's refusals (HALTED, a closing order already at work).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiCloseAllTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task WithoutOrWithAWrongToken_Is401_AndNothingChanges()
    {
        var position = await OpenCspAsync("spy-370", strike: 370m, credit: 5.50m);

        using var missing = await Api.PostAsync("/api/positions/close-all", token: null);
        using var wrong = await Api.PostAsync("/api/positions/close-all?ticker=SPY", token: ApiHarness.Token + "x");

        await ApiProblems.ReadAsync(missing, HttpStatusCode.Unauthorized);
        Assert.Equal("The bearer token is not valid.", (await ApiProblems.ReadAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Equal("ACTIVE", (await Api.GetJsonAsync("/api/trading-state")).GetProperty("trading_state").GetString());
        Assert.Equal(0, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {position.PositionId} AND status = 'OPEN'"));
    }

    [Fact]
    public async Task CloseAll_MovesToReducing_ClosesTheMatchingPositions_AndAnswersEachOutcome()
    {
        // The SPY 2021-04-16 puts at the close of 2021-03-01 (asks 5.47, 6.40, 7.54), bought back at the ask with $0.65 a contract.
        var spy = new[] { await OpenCspAsync("spy-370", strike: 370m, credit: 5.50m), await OpenCspAsync("spy-375", strike: 375m, credit: 6.50m),
            await OpenCspAsync("spy-380", strike: 380m, credit: 7.50m) };
        var qqq = await OpenCspAsync("qqq-300", ticker: "QQQ", strike: 300m);

        using var vpcOnly = await Api.PostAsync("/api/positions/close-all?ticker=SPY&strategy=VPC");
        using var spyCsp = await Api.PostAsync("/api/positions/close-all?strategy=VPC", new { ticker = "spy", strategy = "csp" });
        using var badStrategy = await Api.PostAsync("/api/positions/close-all", new { strategy = "IC" });

        Assert.Equal(HttpStatusCode.OK, vpcOnly.StatusCode);
        var none = await ApiHarness.ReadJsonAsync(vpcOnly);
        Assert.Equal(("SPY", "VPC", "REDUCING", true, 0), (none.GetProperty("ticker").GetString(), none.GetProperty("strategy_type").GetString(),
            none.GetProperty("trading_state").GetString(), none.GetProperty("state_changed").GetBoolean(), none.GetProperty("positions").GetArrayLength()));

        Assert.Equal(HttpStatusCode.OK, spyCsp.StatusCode);
        var result = await ApiHarness.ReadJsonAsync(spyCsp);
        Assert.Equal(("SPY", "CSP", "REDUCING", false), (result.GetProperty("ticker").GetString(), result.GetProperty("strategy_type").GetString(),
            result.GetProperty("trading_state").GetString(), result.GetProperty("state_changed").GetBoolean()));
        Assert.Equal(
            [
                (spy[0].PositionId, "SPY", "CSP", "closed", "exit 5.47, realized +$2.35", 2.35m),
                (spy[1].PositionId, "SPY", "CSP", "closed", "exit 6.40, realized +$9.35", 9.35m),
                (spy[2].PositionId, "SPY", "CSP", "closed", "exit 7.54, realized -$4.65", -4.65m),
            ],
            result.GetProperty("positions").EnumerateArray().Select(p => (p.GetProperty("position_id").GetInt64(), p.GetProperty("ticker").GetString(),
                p.GetProperty("strategy_type").GetString(), p.GetProperty("outcome").GetString(), p.GetProperty("detail").GetString(), p.GetProperty("realized_pnl").GetDecimal())));
        Assert.Equal(3, await Db.CountAsync("trade_history", "exit_reason = 'manual' AND executed_by = 'manual'"));
        Assert.Equal(3, await Db.CountAsync("audit_events", "event_type = 'order.submitted' AND actor = 'api'"));
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {qqq.PositionId} AND status = 'OPEN'"));
        Assert.Equal("strategy 'IC' is not one of CSP, VPC, STOCK.", (await ApiProblems.ReadAsync(badStrategy, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Halted_Is409_ForCloseAllAndForAClose_AndNothingIsSent()
    {
        var position = await OpenCspAsync("spy-370", strike: 370m, credit: 5.50m);
        await Api.Get<ITradingControls>().SetStateAsync(TradingState.Halted, "test", "test", ApiHarness.Close, CancellationToken.None);

        using var closeAll = await Api.PostAsync("/api/positions/close-all");
        using var close = await Api.PostAsync($"/api/positions/{position.PositionId}/close");

        var problem = await ApiProblems.ReadAsync(closeAll, HttpStatusCode.Conflict);
        Assert.Equal("Trading halted", problem.GetProperty("title").GetString());
        Assert.StartsWith("TRADING_HALTED:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Trading halted", (await ApiProblems.ReadAsync(close, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal("HALTED", (await Api.GetJsonAsync("/api/trading-state")).GetProperty("trading_state").GetString());
        Assert.Equal(0, await Db.CountAsync("orders"));
    }

    [Fact]
    public async Task AClosingOrderAlreadyAtWork_Is409OrderInProgress()
    {
        var position = await OpenCspAsync("spy-370", strike: 370m, credit: 5.50m);
        // What another worker closing it holds while its order works.
        await using var held = await Api.Get<ICloseLedger>().TryLockCloseAsync(position.PositionId, CancellationToken.None);
        Assert.NotNull(held);

        using var close = await Api.PostAsync($"/api/positions/{position.PositionId}/close");
        using var closeAll = await Api.PostAsync("/api/positions/close-all");

        var problem = await ApiProblems.ReadAsync(close, HttpStatusCode.Conflict);
        Assert.Equal("Order in progress", problem.GetProperty("title").GetString());
        Assert.StartsWith("IN_PROGRESS:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var outcome = Assert.Single((await ApiHarness.ReadJsonAsync(closeAll)).GetProperty("positions").EnumerateArray());
        Assert.Equal(("already_closing", JsonValueKind.Null), (outcome.GetProperty("outcome").GetString(), outcome.GetProperty("realized_pnl").ValueKind));
        Assert.Equal(0, await Db.CountAsync("orders"));
    }
}
