using System.Net;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Integration.Tests.Adjustments;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary><c>/api/adjustments</c> under the proposal endpoints' rules, and the adjustment counter on <c>/metrics</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiAdjustmentTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task ListApproveAndReject_NeedTheTokenToAct_ExecuteOnce_AndAreCountedByKindAndOutcome()
    {
        var position = await OpenFromChainAsync();
        var journal = Api.Get<ITradingJournal>();
        var close = await AdjustmentSeed.PendingAsync(journal, position, AdjustmentKind.Close, ApiHarness.Close);

        var listed = await Api.GetJsonAsync("/api/adjustments?status=PENDING");
        Assert.Equal([close.Id], listed.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(("CLOSE", "HIGH"), (listed[0].GetProperty("kind").GetString(), listed[0].GetProperty("urgency").GetString()));

        using (var anonymous = await Api.PostAsync($"/api/adjustments/{close.Id}/approve", token: null))
        {
            await ApiProblems.ReadAsync(anonymous, HttpStatusCode.Unauthorized);
        }

        Assert.Equal(1, await Db.CountAsync("adjustments", "status = 'PENDING'"));

        using var approved = await Api.PostAsync($"/api/adjustments/{close.Id}/approve");
        var outcome = await ApiHarness.ReadJsonAsync(approved);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("EXECUTED", outcome.GetProperty("adjustment").GetProperty("status").GetString());
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {position.PositionId} AND status = 'CLOSED' AND exit_reason = 'adjustment'"));

        // A repeat answers what the first did (200, as for proposals) and sends nothing: the opening order and one close.
        using var again = await Api.PostAsync($"/api/adjustments/{close.Id}/approve");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(outcome.GetProperty("message").GetString(), (await ApiHarness.ReadJsonAsync(again)).GetProperty("message").GetString());
        Assert.Equal(2, await Db.CountAsync("orders"));

        var second = await OpenCspAsync("api-adjust-2", strike: 370m);
        var reduce = await AdjustmentSeed.PendingAsync(journal, second, AdjustmentKind.Reduce, ApiHarness.Close);
        using var rejected = await Api.PostAsync($"/api/adjustments/{reduce.Id}/reject", new { reason = "holding" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(1, await Db.CountAsync("adjustments", $"id = {reduce.Id} AND status = 'REJECTED' AND outcome = 'holding'"));
        using (var late = await Api.PostAsync($"/api/adjustments/{reduce.Id}/approve"))
        {
            Assert.Equal("REJECTED", (await ApiProblems.ReadAsync(late, HttpStatusCode.Conflict)).GetProperty("adjustment_status").GetString());
        }

        using (var missing = await Api.PostAsync("/api/adjustments/999999/reject"))
        {
            await ApiProblems.ReadAsync(missing, HttpStatusCode.NotFound);
        }

        var metrics = (await (await Api.Http.GetAsync("/metrics")).Content.ReadAsStringAsync()).Split('\n');
        string[] expected =
        [
            "# TYPE optauto_adjustments_total counter",
            "optauto_adjustments_total{kind=\"close\",outcome=\"recommended\"} 1",
            "optauto_adjustments_total{kind=\"close\",outcome=\"approved\"} 1",
            "optauto_adjustments_total{kind=\"close\",outcome=\"executed\"} 1",
            "optauto_adjustments_total{kind=\"reduce\",outcome=\"recommended\"} 1",
            "optauto_adjustments_total{kind=\"reduce\",outcome=\"rejected\"} 1",
        ];
        Assert.All(expected, line => Assert.Contains(line, metrics));
    }

    /// <summary>The SPY 370 put proposed from the 2021-03-01 chain and opened through the paper broker (so it can be closed there).</summary>
    private async Task<Position> OpenFromChainAsync()
    {
        var proposal = Assert.Single((await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None)).Proposals);
        await Api.Get<ApprovalService>().ApproveAsync(proposal.RequestId, "test", CancellationToken.None);
        return Assert.Single(await Api.Get<IPositionStore>().ListAsync(PositionStatusFilter.Open, null, CancellationToken.None));
    }
}
