using System.Net;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>
/// <c>GET /api/risk</c> answers the risk job's last stored snapshot instead of revaluing the book per request, with
/// its <c>as_of</c> (when it was computed), as long as it is at most <c>Risk:SnapshotMaxAgeMinutes</c> (10) old;
/// <c>POST /api/risk/recompute</c> (token required) runs the check now and
/// stores the snapshot the next GET answers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiRiskSnapshotTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task Risk_AnswersTheLastStoredSnapshot_AndRecomputeRefreshesIt()
    {
        await OpenCspAsync("api-risk-stored", strike: 370m);
        // Two stored snapshots of the real report, with equities no computation now would give: the later one must answer.
        var computed = await Api.Get<PortfolioRiskService>().ReportAsync(ApiHarness.Close, CancellationToken.None);
        var (earlier, later) = (ApiHarness.Close.AddMinutes(-9), ApiHarness.Close.AddMinutes(-5));
        await Db.InsertRiskSnapshotAsync(earlier, DomainJson.Serialize(computed with { AsOf = earlier, Equity = 11_111.11m }));
        await Db.InsertRiskSnapshotAsync(later, DomainJson.Serialize(computed with { AsOf = later, Equity = 12_345.67m }));

        var stored = await Api.GetJsonAsync("/api/risk");

        Assert.Equal((later, 12_345.67m), (stored.GetProperty("as_of").GetDateTimeOffset(), stored.GetProperty("equity").GetDecimal()));
        Assert.Equal(1, stored.GetProperty("positions").GetArrayLength());
        Assert.Equal(computed.Var.Historical!.Var, stored.GetProperty("var").GetProperty("historical").GetProperty("var").GetDecimal());

        using (var anonymous = await Api.PostAsync("/api/risk/recompute", token: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        Assert.Equal(2, await Db.CountAsync("risk_snapshots"));
        using var recompute = await Api.PostAsync("/api/risk/recompute");
        Assert.Equal(HttpStatusCode.OK, recompute.StatusCode);
        var fresh = await ApiHarness.ReadJsonAsync(recompute);
        Assert.Equal((ApiHarness.Close, computed.Equity), (fresh.GetProperty("as_of").GetDateTimeOffset(), fresh.GetProperty("equity").GetDecimal()));
        Assert.Equal(1, await Db.CountAsync("risk_snapshots", $"taken_at = '{ApiHarness.Close:O}' AND equity = {computed.Equity}"));

        var after = await Api.GetJsonAsync("/api/risk");
        Assert.Equal((ApiHarness.Close, computed.Equity), (after.GetProperty("as_of").GetDateTimeOffset(), after.GetProperty("equity").GetDecimal()));
    }

    [Fact]
    public async Task Risk_RecomputesOnTheSpot_OnceTheStoredSnapshotIsOlderThanTheLimit()
    {
        await OpenCspAsync("api-risk-stale", strike: 370m);
        var computed = await Api.Get<PortfolioRiskService>().ReportAsync(ApiHarness.Close, CancellationToken.None);
        await Db.InsertRiskSnapshotAsync(ApiHarness.Close, DomainJson.Serialize(computed with { Equity = 12_345.67m }));
        var clock = (FakeTimeProvider)Api.Get<TimeProvider>();

        clock.Advance(TimeSpan.FromMinutes(10));
        var atTheLimit = await Api.GetJsonAsync("/api/risk");
        Assert.Equal((ApiHarness.Close, 12_345.67m), (atTheLimit.GetProperty("as_of").GetDateTimeOffset(), atTheLimit.GetProperty("equity").GetDecimal()));

        clock.Advance(TimeSpan.FromMinutes(1));
        var stale = await Api.GetJsonAsync("/api/risk");

        Assert.Equal((ApiHarness.Close.AddMinutes(11), computed.Equity), (stale.GetProperty("as_of").GetDateTimeOffset(), stale.GetProperty("equity").GetDecimal()));
        Assert.Equal(1, stale.GetProperty("positions").GetArrayLength());
        Assert.Equal(1, await Db.CountAsync("risk_snapshots")); // a read stores nothing: only the job and recompute do
    }

    [Fact]
    public async Task RiskAtAnInstant_IsComputedThen_NotTheStoredSnapshot()
    {
        await OpenCspAsync("api-risk-at", strike: 370m);
        await Db.InsertRiskSnapshotAsync(ApiHarness.Close.AddMinutes(-30), DomainJson.Serialize(
            (await Api.Get<PortfolioRiskService>().ReportAsync(ApiHarness.Close, CancellationToken.None)) with { Equity = 12_345.67m }));

        var at = await Api.GetJsonAsync($"/api/risk?at={ApiHarness.Close.AddMinutes(-1):yyyy-MM-ddTHH:mm:ssZ}");

        Assert.Equal(ApiHarness.Close.AddMinutes(-1), at.GetProperty("as_of").GetDateTimeOffset());
        Assert.NotEqual(12_345.67m, at.GetProperty("equity").GetDecimal());
    }
}
