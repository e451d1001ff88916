using System.Net;
using System.Text.Json;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>The GET endpoints over real HTTP: the CLI's JSON names, values from seeded rows, filters and their refusals.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiReadTests(PostgresServer server) : ApiTestBase(server)
{
    /// <summary>15:00 New York on Friday 2021-02-26.</summary>
    private static readonly DateTimeOffset Friday = new(2021, 2, 26, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Positions_ListOpenByDefault_FilterByStatusAndTicker_AndShowByIdOrRequestId()
    {
        var spy = await OpenCspAsync("api-spy");
        var qqq = await OpenCspAsync("api-qqq", "QQQ", strike: 300m);
        await CloseAsync(spy.PositionId, 0.75m, Friday);

        var open = await Api.GetJsonAsync("/api/positions");
        Assert.Equal([qqq.PositionId], open.EnumerateArray().Select(p => p.GetProperty("position_id").GetInt64()));
        var closed = Assert.Single((await Api.GetJsonAsync("/api/positions?status=closed&ticker=spy")).EnumerateArray());
        Assert.Equal(("CLOSED", "manual", 75.00m, 50.00m), (closed.GetProperty("status").GetString(), closed.GetProperty("exit_reason").GetString(),
            closed.GetProperty("realized_pnl").GetDecimal(), closed.GetProperty("pnl_percent").GetDecimal()));
        Assert.Equal(2, (await Api.GetJsonAsync("/api/positions?status=ALL")).GetArrayLength());

        var byId = await Api.GetJsonAsync($"/api/positions/{qqq.PositionId}");
        var byRequest = await Api.GetJsonAsync("/api/positions/api-qqq");
        Assert.Equal(("api-qqq", "QQQ", "CSP", "OPEN", 75.00m, 300.00m), (byId.GetProperty("request_id").GetString(), byId.GetProperty("ticker").GetString(),
            byId.GetProperty("strategy_type").GetString(), byId.GetProperty("status").GetString(), byId.GetProperty("profit_target").GetDecimal(),
            byId.GetProperty("stop_loss").GetDecimal()));
        Assert.Equal(byId.ToString(), byRequest.ToString());
    }

    [Fact]
    public async Task ClosedTradeReports_AgreeWithTheRows_AndTheEquityCurveCarriesTheDrawdown()
    {
        var win = await OpenCspAsync("api-win");
        var loss = await OpenCspAsync("api-loss", strike: 570m);
        await CloseAsync(win.PositionId, 0.75m, Friday);
        await CloseAsync(loss.PositionId, 3.50m, ApiHarness.Close.AddHours(-1));

        var trades = (await Api.GetJsonAsync("/api/trades")).EnumerateArray().ToList();
        Assert.Equal([75.00m, -200.00m], trades.Select(t => t.GetProperty("pnl_realized").GetDecimal()));
        Assert.Equal(["WIN", "LOSS"], trades.Select(t => t.GetProperty("win_loss").GetString()));
        Assert.Single((await Api.GetJsonAsync("/api/trades?from=2021-03-01&to=2021-03-01")).EnumerateArray());

        var day = Assert.Single((await Api.GetJsonAsync("/api/pnl/daily?date=2021-02-26")).EnumerateArray());
        Assert.Equal(("SPY", 1, 75.00m), (day.GetProperty("ticker").GetString(), day.GetProperty("trades_count").GetInt32(), day.GetProperty("total_pnl").GetDecimal()));

        var metrics = await Api.GetJsonAsync("/api/metrics");
        Assert.Equal((2, 1, -125.00m), (metrics.GetProperty("total_trades").GetInt32(), metrics.GetProperty("total_wins").GetInt32(), metrics.GetProperty("total_pnl").GetDecimal()));

        var report = await Api.GetJsonAsync("/api/report");
        Assert.Equal(2, report.GetProperty("trade_statistics").GetProperty("trades").GetInt32());
        Assert.Equal(99875.00m, report.GetProperty("closing_equity").GetDecimal());
        Assert.True(report.GetProperty("return_statistics").TryGetProperty("sharpe_ratio", out _));
        Assert.Equal("by_ticker", report.GetProperty("attribution").EnumerateObject().First().Name);

        var compare = await Api.GetJsonAsync("/api/compare");
        var csp = Assert.Single(compare.GetProperty("by_strategy").EnumerateArray());
        Assert.Equal(("CSP", 2, 50.00m, -125.00m, -62.50m), (csp.GetProperty("key").GetString(), csp.GetProperty("trades").GetInt32(),
            csp.GetProperty("win_rate").GetDecimal(), csp.GetProperty("total_pnl").GetDecimal(), csp.GetProperty("average_pnl").GetDecimal()));
        Assert.Equal(-125.00m, compare.GetProperty("total").GetProperty("total_pnl").GetDecimal());

        var equity = await Api.GetJsonAsync("/api/equity");
        Assert.Equal((100000m, 99875.00m), (equity.GetProperty("opening_equity").GetDecimal(), equity.GetProperty("closing_equity").GetDecimal()));
        var points = equity.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([new DateOnly(2021, 2, 26), new DateOnly(2021, 3, 1)], points.Select(p => DateOnly.Parse(p.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([0m, -0.001999m], points.Select(p => p.GetProperty("drawdown").GetDecimal()));
        Assert.Equal((-0.001999m, -0.001999m, 100075.00m), (equity.GetProperty("current_drawdown").GetDecimal(), equity.GetProperty("max_drawdown").GetDecimal(),
            points[1].GetProperty("peak").GetDecimal()));
    }

    [Fact]
    public async Task ProposalsRiskAndTradingState_ReadAsTheCliPrintsThem()
    {
        await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None);
        await OpenCspAsync("api-risk", strike: 370m);

        var proposal = Assert.Single((await Api.GetJsonAsync("/api/proposals?status=proposed&limit=10")).EnumerateArray());
        Assert.Equal(("prop-20210301-SPY-CSP", "PROPOSED", "SPY"), (proposal.GetProperty("request_id").GetString(), proposal.GetProperty("status").GetString(),
            proposal.GetProperty("ticker").GetString()));
        Assert.Equal("PROPOSED", (await Api.GetJsonAsync("/api/proposals/prop-20210301-SPY-CSP")).GetProperty("status").GetString());

        var risk = await Api.GetJsonAsync("/api/risk");
        Assert.Equal(ApiHarness.Close, risk.GetProperty("as_of").GetDateTimeOffset());
        Assert.Equal(1, risk.GetProperty("positions").GetArrayLength());
        Assert.NotEqual(0, risk.GetProperty("limits").GetArrayLength());
        var stress = await Api.GetJsonAsync("/api/risk/stress?at=2021-03-01T21:00:00Z");
        Assert.Equal(1, stress.GetProperty("positions").GetInt32());
        Assert.Contains(stress.GetProperty("scenarios").EnumerateArray(), s => s.GetProperty("underlying_move_percent").GetDecimal() == -10m);

        var state = await Api.GetJsonAsync("/api/trading-state");
        Assert.Equal(("ACTIVE", false), (state.GetProperty("trading_state").GetString(), state.GetProperty("breaker_tripped").GetBoolean()));
        Assert.Equal(JsonValueKind.Array, (await Api.GetJsonAsync("/api/alerts?pending=true&limit=5")).ValueKind);
        Assert.True((await Api.GetJsonAsync("/api/info")).GetProperty("mutations_enabled").GetBoolean());
    }

    [Theory]
    [InlineData("/api/positions?status=bogus", "status 'bogus' is not one of open, closed, all.")]
    [InlineData("/api/trades?from=2021-13-01", "from '2021-13-01' is not a date in the form YYYY-MM-DD.")]
    [InlineData("/api/report?from=2021-03-02&to=2021-03-01", "from 2021-03-02 is after to 2021-03-01.")]
    [InlineData("/api/compare?from=2021-03-02&to=2021-03-01", "from 2021-03-02 is after to 2021-03-01.")]
    [InlineData("/api/risk?at=2021-03-01T16:00:00", "at '2021-03-01T16:00:00' is not an ISO 8601 instant with Z or an offset (e.g. 2026-02-20T14:17:00Z).")]
    [InlineData("/api/proposals?status=DONE", "status 'DONE' is not one of PROPOSED, APPROVED, EXECUTING, EXECUTED, REJECTED, EXPIRED, FAILED.")]
    [InlineData("/api/alerts?limit=0", "limit must be between 1 and 500, was 0.")]
    public async Task BadQueryValues_Are400ProblemDetails_NamingTheValue(string path, string detail)
    {
        using var response = await Api.Http.GetAsync(path);
        var problem = await ApiProblems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(("Bad request", detail), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task UnknownPositionOrProposal_Is404_AndAQueryOfTheWrongType400()
    {
        using var position = await Api.Http.GetAsync("/api/positions/999999");
        Assert.Equal("position 999999 not found.", (await ApiProblems.ReadAsync(position, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        using var proposal = await Api.Http.GetAsync("/api/proposals/prop-nope");
        Assert.Equal("proposal prop-nope not found.", (await ApiProblems.ReadAsync(proposal, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        using var route = await Api.Http.GetAsync("/api/nothing-here");
        await ApiProblems.ReadAsync(route, HttpStatusCode.NotFound);
        using var limit = await Api.Http.GetAsync("/api/alerts?limit=ten");
        await ApiProblems.ReadAsync(limit, HttpStatusCode.BadRequest);
    }
}
