using System.Net;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary><c>/api/report/weekly</c> and <c>/monthly</c> over real HTTP: the CLI's JSON from seeded rows, and refusals.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiPeriodReportTests(PostgresServer server) : ApiTestBase(server)
{
    /// <summary>SPY's raw closes on Fri 2021-02-26 and Mon 2021-03-01 (data/market/spy_daily.csv, to 4 places).</summary>
    private const decimal SpyFeb26 = 380.3600m;
    private const decimal SpyMar1 = 389.5800m;

    /// <summary>
    /// +75 closed Fri Feb 26 and −200 Mon Mar 1 (the harness's today, at its close). This week so far is Monday alone,
    /// opening at 100,075; the week before holds the win; February holds the win too.
    /// </summary>
    [Fact]
    public async Task WeekSoFar_LastWeekAndTheMonth_FromTheRows()
    {
        var win = await OpenCspAsync("rep-win");
        var loss = await OpenCspAsync("rep-loss", strike: 570m);
        await CloseAsync(win.PositionId, 0.75m, new DateTimeOffset(2021, 2, 26, 20, 0, 0, TimeSpan.Zero));
        await CloseAsync(loss.PositionId, 3.50m, ApiHarness.Close.AddHours(-1));

        var week = await Api.GetJsonAsync("/api/report/weekly");
        Assert.Equal(("week of 2021-03-01", "2021-03-01", -200.00m, 100_075m), (week.Str("label"), week.Str("through"), week.Dec("pnl"), week.Dec("opening_equity")));
        Assert.Equal((99_875.0 / 100_075) - 1, week.GetProperty("return").GetDouble(), 1e-12);
        Assert.Equal((double)(SpyMar1 / SpyFeb26) - 1, week.GetProperty("benchmark").GetProperty("return").GetDouble(), 1e-12);
        Assert.StartsWith("Weekly report — week of 2021-03-01: 2021-03-01 to 2021-03-01, 1 session(s) so far", week.GetProperty("summary")[0].GetString(), StringComparison.Ordinal);

        var lastWeek = await Api.GetJsonAsync("/api/report/weekly?date=2021-02-26");
        Assert.Equal(("2021-02-22", 75.00m, "manual"), (lastWeek.Str("first"), lastWeek.Dec("pnl"), lastWeek.GetProperty("best_trade").Str("exit_reason")));

        var february = await Api.GetJsonAsync("/api/report/monthly?date=2021-02-01");
        Assert.Equal(("monthly", "February 2021", 75.00m, 19), (february.Str("kind"), february.Str("label"), february.Dec("pnl"), february.GetProperty("exposure").GetArrayLength()));
    }

    [Theory]
    [InlineData("/api/report/weekly?date=2021-13-01", "date '2021-13-01' is not a date in the form YYYY-MM-DD.")]
    [InlineData("/api/report/monthly?date=2021-04-01", "April 2021 has not begun (today is 2021-03-01 in New York).")]
    public async Task BadDate_Is400NamingIt(string path, string detail)
    {
        using var response = await Api.Http.GetAsync(path);
        var problem = await ApiProblems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }
}
