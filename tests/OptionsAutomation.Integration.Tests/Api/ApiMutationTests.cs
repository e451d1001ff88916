using System.Net;
using System.Text;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>
/// The POST endpoints with the right token: approval and rejection through <see cref="ApprovalService"/> (once), the
/// manual close through the exit path, and the trading state; 409 where the state forbids, 400 on bad bodies.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiMutationTests(PostgresServer server) : ApiTestBase(server)
{
    private const string RequestId = "prop-20210301-SPY-CSP";

    [Fact]
    public async Task Approve_ExecutesOnce_ARepeatAnswersTheSame_AndRejectingAfterwardsIs409()
    {
        await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None);

        using var first = await Api.PostAsync($"/api/proposals/{RequestId}/approve");
        using var second = await Api.PostAsync($"/api/proposals/{RequestId}/approve");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var answer = await ApiHarness.ReadJsonAsync(first);
        Assert.Equal((RequestId, "EXECUTED", 3.67m), (answer.GetProperty("request_id").GetString(), answer.GetProperty("status").GetString(), answer.GetProperty("fill_price").GetDecimal()));
        Assert.Equal(answer.ToString(), (await ApiHarness.ReadJsonAsync(second)).ToString());
        Assert.Equal(1, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("trade_requests", "status = 'EXECUTED' AND decided_by = 'api'"));

        using var reject = await Api.PostAsync($"/api/proposals/{RequestId}/reject", new { reason = "too late" });
        var problem = await ApiProblems.ReadAsync(reject, HttpStatusCode.Conflict);
        Assert.Equal(("Proposal not rejected", "EXECUTED", answer.GetProperty("position_id").GetInt64()),
            (problem.GetProperty("title").GetString(), problem.GetProperty("proposal_status").GetString(), problem.GetProperty("position_id").GetInt64()));
    }

    [Fact]
    public async Task OneHundredFiftyConcurrentApprovals_OverHttp_OneOrder_EveryCallerTheSameAnswer_No5xx()
    {
        await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 150).Select(async _ =>
        {
            using var response = await Api.PostAsync($"/api/proposals/{RequestId}/approve");
            return ((int)response.StatusCode, (await ApiHarness.ReadJsonAsync(response)).ToString());
        }));

        Assert.All(answers, a => Assert.Equal(200, a.Item1));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        Assert.Equal(1, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("paper_orders"));
        Assert.Equal(1, await Db.CountAsync("positions"));
    }

    [Fact]
    public async Task Reject_WithAReason_IsKept_AndApprovingARejectedProposalIs409()
    {
        await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None);

        using var reject = await Api.PostAsync($"/api/proposals/{RequestId}/reject", new { reason = "not today" });
        using var bare = await Api.PostAsync($"/api/proposals/{RequestId}/reject");
        using var approve = await Api.PostAsync($"/api/proposals/{RequestId}/approve");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (reject.StatusCode, bare.StatusCode));
        Assert.Equal("REJECTED", (await ApiHarness.ReadJsonAsync(reject)).GetProperty("status").GetString());
        Assert.Equal(1, await Db.CountAsync("trade_requests", "status = 'REJECTED' AND decided_by = 'api' AND decision_reason = 'not today'"));
        var problem = await ApiProblems.ReadAsync(approve, HttpStatusCode.Conflict);
        Assert.Equal(("REJECTED", "rejected by api: not today"), (problem.GetProperty("proposal_status").GetString(), problem.GetProperty("detail").GetString()));
        Assert.Equal(0, await Db.CountAsync("orders"));
        using var unknown = await Api.PostAsync("/api/proposals/prop-nope/approve");
        await ApiProblems.ReadAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Close_SendsAClosingOrderAndClosesOnTheFill_ASecondCloseIs409_AnUnknownId404()
    {
        await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None);
        using var approved = await Api.PostAsync($"/api/proposals/{RequestId}/approve");
        var positionId = (await ApiHarness.ReadJsonAsync(approved)).GetProperty("position_id").GetInt64();

        using var close = await Api.PostAsync($"/api/positions/{positionId}/close");
        using var again = await Api.PostAsync($"/api/positions/{positionId}/close");
        using var unknown = await Api.PostAsync("/api/positions/999999/close");

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var closed = await ApiHarness.ReadJsonAsync(close);
        Assert.Equal(("CLOSED", "manual"), (closed.GetProperty("status").GetString(), closed.GetProperty("exit_reason").GetString()));
        Assert.Equal(1, await Db.CountAsync("trade_history", $"position_id = {positionId} AND executed_by = 'manual'"));
        Assert.Equal(1, await Db.CountAsync("orders", $"position_id = {positionId} AND intent = 'CLOSE' AND status = 'FILLED'"));
        var problem = await ApiProblems.ReadAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(("Position not open", $"position {positionId} is CLOSED, not OPEN; nothing was changed."),
            (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
        await ApiProblems.ReadAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TradingState_IsSetAuditedAndAlerted_BadBodiesAre400_AndABreakerThatIsNotTrippedRefusesAReset()
    {
        using var halt = await Api.PostAsync("/api/trading-state", new { state = "halted", reason = "api test" });

        Assert.Equal(HttpStatusCode.OK, halt.StatusCode);
        var state = await ApiHarness.ReadJsonAsync(halt);
        Assert.Equal(("HALTED", "api test", "api"), (state.GetProperty("trading_state").GetString(), state.GetProperty("state_reason").GetString(),
            state.GetProperty("state_changed_by").GetString()));
        Assert.Equal("HALTED", (await Api.GetJsonAsync("/api/trading-state")).GetProperty("trading_state").GetString());
        Assert.Contains((await Api.GetJsonAsync("/api/alerts")).EnumerateArray(), a => a.GetProperty("text").GetString()!.Contains("HALTED", StringComparison.Ordinal));

        using var wrongState = await Api.PostAsync("/api/trading-state", new { state = "PAUSED" });
        Assert.Equal("state 'PAUSED' is not one of ACTIVE, REDUCING, HALTED.", (await ApiProblems.ReadAsync(wrongState, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        using var noBody = await Api.PostAsync("/api/trading-state");
        await ApiProblems.ReadAsync(noBody, HttpStatusCode.BadRequest);
        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/trading-state") { Content = new StringContent("{\"state\":", Encoding.UTF8, "application/json") };
        malformed.Headers.Authorization = new("Bearer", ApiHarness.Token);
        using var malformedAnswer = await Api.Http.SendAsync(malformed);
        await ApiProblems.ReadAsync(malformedAnswer, HttpStatusCode.BadRequest);

        using var reset = await Api.PostAsync("/api/risk/breaker/reset");
        Assert.Equal("Breaker reset refused", (await ApiProblems.ReadAsync(reset, HttpStatusCode.Conflict)).GetProperty("title").GetString());
    }
}
