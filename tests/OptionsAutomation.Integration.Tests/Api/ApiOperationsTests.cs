using System.Net;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Web.Metrics;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary><c>/health</c>, <c>/metrics</c> and the OpenAPI document, and how the API answers when things break.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiOperationsTests(PostgresServer server) : ApiTestBase(server)
{
    private readonly PostgresServer _server = server;

    [Fact]
    public async Task Health_ReportsEveryCheck_AndIsDegradedWhileTheSchedulerStandsBy()
    {
        using var response = await Api.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await ApiHarness.ReadJsonAsync(response);
        var checks = health.GetProperty("checks");
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("ok", checks.GetProperty("database").GetProperty("status").GetString());
        var scheduler = checks.GetProperty("scheduler");
        Assert.Equal(("standby", false), (scheduler.GetProperty("status").GetString(), scheduler.GetProperty("clustered").GetBoolean()));
        Assert.Contains(scheduler.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("job").GetString() == "exit-rules");
        Assert.Equal("disabled", checks.GetProperty("telegram").GetProperty("status").GetString());
        var freshness = checks.GetProperty("data_freshness");
        var spy = Assert.Single(freshness.GetProperty("tickers").EnumerateArray());
        Assert.Equal(("ok", "SPY", ApiHarness.Close, 0.0, false), (freshness.GetProperty("status").GetString(), spy.GetProperty("ticker").GetString(),
            spy.GetProperty("quote_at").GetDateTimeOffset(), spy.GetProperty("age_seconds").GetDouble(), spy.GetProperty("stale").GetBoolean()));
        Assert.Equal(("ok", 0), (checks.GetProperty("orders").GetProperty("status").GetString(), checks.GetProperty("orders").GetProperty("working").GetInt32()));
    }

    [Fact]
    public async Task Health_AnOrderWorkingPastTheFillTimeoutAndTwoRecoveryRuns_IsStuck()
    {
        // Created 3 minutes before the clock: past 30 s of fill timeout and 2 minutes of recovery; the other one is fresh.
        await Db.ExecuteAsync("""
            INSERT INTO orders (client_order_id, request_id, intent, status, legs, quantity, created_at, updated_at)
            VALUES ('open-stuck', 'stuck', 'OPEN', 'SUBMITTED', '[]', 1, '2021-03-01T20:57:00Z', '2021-03-01T20:57:00Z'),
                   ('open-fresh', 'fresh', 'OPEN', 'PENDING', '[]', 1, '2021-03-01T20:59:50Z', '2021-03-01T20:59:50Z')
            """);

        var health = await ApiHarness.ReadJsonAsync(await Api.Http.GetAsync("/health"));

        var orders = health.GetProperty("checks").GetProperty("orders");
        Assert.Equal(("stuck", 2), (orders.GetProperty("status").GetString(), orders.GetProperty("working").GetInt32()));
        Assert.Equal(["open-stuck"], orders.GetProperty("stuck").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("degraded", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_ArePrometheusText_WithPositionsPnlOrdersDenialsAlertsAndJobRuns()
    {
        await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None);
        using var approved = await Api.PostAsync("/api/proposals/prop-20210301-SPY-CSP/approve");
        var spy = await OpenCspAsync("api-metrics");
        await CloseAsync(spy.PositionId, 0.75m, ApiHarness.Close.AddHours(-1));
        await Db.ExecuteAsync("""
            INSERT INTO audit_events (occurred_at, actor, event_type, entity_type, entity_id, data)
            VALUES (now(), 'test', 'risk.denied', 'proposal', 'p', '{"denial": "MAX_POSITIONS_REACHED: open=5, max=5"}')
            """);
        Api.Get<AppMetrics>().JobRan("exit-rules", TimeSpan.FromSeconds(1.5), succeeded: true);
        Api.Get<AppMetrics>().JobRan("exit-rules", TimeSpan.FromSeconds(200), succeeded: false);
        var pending = await Db.CountAsync("outbox", "delivered_at IS NULL");

        using var response = await Api.Http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        string[] expected =
        [
            "# HELP optauto_positions_open Open positions",
            "# TYPE optauto_positions_open gauge",
            "optauto_positions_open 1",
            "# TYPE optauto_pnl_realized_dollars gauge",
            "optauto_pnl_realized_dollars 75",
            "# TYPE optauto_alerts_pending gauge",
            $"optauto_alerts_pending {pending}",
            "# TYPE optauto_orders_total counter",
            "optauto_orders_total{status=\"submitted\"} 1",
            "optauto_orders_total{status=\"filled\"} 1",
            "# TYPE optauto_risk_denials_total counter",
            "optauto_risk_denials_total{code=\"MAX_POSITIONS_REACHED\"} 1",
            "# TYPE optauto_job_runs_total counter",
            "optauto_job_runs_total{job=\"exit-rules\",outcome=\"success\"} 1",
            "optauto_job_runs_total{job=\"exit-rules\",outcome=\"failure\"} 1",
            "# TYPE optauto_job_duration_seconds histogram",
            "optauto_job_duration_seconds_bucket{job=\"exit-rules\",le=\"1\"} 0",
            "optauto_job_duration_seconds_bucket{job=\"exit-rules\",le=\"2.5\"} 1",
            "optauto_job_duration_seconds_bucket{job=\"exit-rules\",le=\"120\"} 1",
            "optauto_job_duration_seconds_bucket{job=\"exit-rules\",le=\"+Inf\"} 2",
            "optauto_job_duration_seconds_sum{job=\"exit-rules\"} 201.5",
            "optauto_job_duration_seconds_count{job=\"exit-rules\"} 2",
        ];
        Assert.All(expected, line => Assert.Contains(line, lines));
        Assert.Contains(lines, l => l.StartsWith("optauto_pnl_unrealized_dollars ", StringComparison.Ordinal));
        // Only our Meter: no prometheus-net defaults (process, .NET runtime) and no other meter's instruments.
        Assert.All(lines.Where(l => l.Length > 0 && !l.StartsWith('#')), l => Assert.StartsWith("optauto_", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoints()
    {
        var document = await Api.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/positions", paths);
        Assert.Contains("/api/positions/{id}/close", paths);
        Assert.Contains("/api/proposals/{id}/approve", paths);
        Assert.Contains("/health", paths);
        Assert.Equal("OptionsAutomation Position Service", document.GetProperty("info").GetProperty("title").GetString());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        var paths2 = document.GetProperty("paths");
        Assert.True(paths2.GetProperty("/api/proposals/{id}/approve").GetProperty("post").GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.True(paths2.GetProperty("/api/auth").GetProperty("get").GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.False(paths2.GetProperty("/api/positions").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task AStatementThatFails_Is500WithoutInternals_AndNoDatabase503()
    {
        await Db.ExecuteAsync("DROP VIEW v_performance_metrics");
        using var broken = await Api.Http.GetAsync("/api/metrics");
        var problem = await ApiProblems.ReadAsync(broken, HttpStatusCode.InternalServerError);
        Assert.Equal("An unexpected error occurred; it has been logged.", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("v_performance_metrics", problem.ToString(), StringComparison.Ordinal);

        await _server.DropDatabaseAsync(Db.ConnectionString);
        using var positions = await Api.Http.GetAsync("/api/positions");
        Assert.Equal("Database unavailable", (await ApiProblems.ReadAsync(positions, HttpStatusCode.ServiceUnavailable)).GetProperty("title").GetString());
        using var health = await Api.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = await ApiHarness.ReadJsonAsync(health);
        Assert.Equal(("unhealthy", "down"), (report.GetProperty("status").GetString(), report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString()));
        Assert.Equal("ok", report.GetProperty("checks").GetProperty("data_freshness").GetProperty("status").GetString());
    }
}
