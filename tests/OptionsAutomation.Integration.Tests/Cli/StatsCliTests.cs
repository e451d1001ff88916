using System.Text.Json;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto stats</c> as a real process on CSV files written for the test. The verb needs no database, so the process
/// gets a connection string nothing listens on: touching it would exit 3, not 0 or 1.
/// </summary>
[Trait("Category", "Cli")]
public sealed class StatsCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";

    private readonly OptautoProcess _cli = new(NoDatabase);

    /// <summary>
    /// empyrical's mixed_returns (a missing first period, then 1, 10, −4, 2, 3, 2, 1, −10 %) against the values its test
    /// suite publishes (to 1e-8); VaR, CVaR, skew, kurtosis and tail ratio by hand over the eight present returns.
    /// </summary>
    [Fact]
    public async Task Stats_EmpyricalMixedReturns_Json_MatchesPublishedValues()
    {
        var path = WriteCsv("mixed.csv",
            ["date,return", "2000-01-30,", "2000-01-31,0.01", "2000-02-01,0.10", "2000-02-02,-0.04", "2000-02-03,0.02",
             "2000-02-04,0.03", "2000-02-05,0.02", "2000-02-06,0.01", "2000-02-07,-0.10"]);

        var result = (await _cli.RunAsync("stats", "--returns", path, "--json")).Succeeded();

        Assert.Equal("", result.Stderr);
        var json = result.Json();
        Assert.Equal(
            [
                "periods", "periods_per_year", "risk_free", "total_return", "annual_return", "annual_volatility", "sharpe_ratio",
                "sortino_ratio", "downside_risk", "calmar_ratio", "max_drawdown", "max_drawdown_peak", "max_drawdown_trough",
                "max_drawdown_recovery", "max_drawdown_duration_periods", "max_drawdown_recovery_periods", "var_95", "cvar_95",
                "skew", "kurtosis", "tail_ratio", "required_return", "omega_ratio", "stability_of_timeseries", "ulcer_index",
                "ulcer_performance_index", "var",
            ],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal((9L, 252L), (json.Int("periods"), json.Int("periods_per_year")));
        Assert.Equal(1.9135925373194231, Num(json, "annual_return"), 1e-8);
        Assert.Equal(0.9136465399704637, Num(json, "annual_volatility"), 1e-8);
        Assert.Equal(1.7238613961706866, Num(json, "sharpe_ratio"), 1e-8);
        Assert.Equal(2.605531251673693, Num(json, "sortino_ratio"), 1e-8);
        Assert.Equal(0.60448325038829653, Num(json, "downside_risk"), 1e-8);
        Assert.Equal(19.135925373194233, Num(json, "calmar_ratio"), 1e-8);
        Assert.Equal(-0.1, Num(json, "max_drawdown"), 1e-8);
        Assert.Equal(0.03893, Num(json, "total_return"), 1e-4);
        Assert.Equal(-0.079, Num(json, "var_95"), 1e-12);
        Assert.Equal(-0.10, Num(json, "cvar_95"), 1e-12);
        Assert.Equal(0.0755 / 0.079, Num(json, "tail_ratio"), 1e-12);
        Assert.Equal(("2000-02-06", "2000-02-07", 1L), (json.Str("max_drawdown_peak"), json.Str("max_drawdown_trough"), json.Int("max_drawdown_duration_periods")));
        Assert.True(json.IsNull("max_drawdown_recovery"));
    }

    /// <summary>
    /// The quant's additions against empyrical's published values: alpha and beta of mixed_returns against
    /// negative_returns without its first day, omega with a required return of 1,000% a year, stability, and the rolling
    /// Sharpe over 6 periods; VaR at 99% historical by hand (the 1st percentile of the eight present returns:
    /// −0.10 + 0.07 × 0.06 = −0.0958).
    /// </summary>
    [Fact]
    public async Task Stats_BenchmarkWindowAndConfidence_Json_MatchesPublishedValues()
    {
        var mixed = WriteCsv("mixed.csv",
            ["date,return", "2000-01-30,", "2000-01-31,0.01", "2000-02-01,0.10", "2000-02-02,-0.04", "2000-02-03,0.02",
             "2000-02-04,0.03", "2000-02-05,0.02", "2000-02-06,0.01", "2000-02-07,-0.10"]);
        var negative = WriteCsv("negative.csv",
            ["date,return", "2000-01-31,-0.06", "2000-02-01,-0.07", "2000-02-02,-0.01", "2000-02-03,-0.09", "2000-02-04,-0.02",
             "2000-02-05,-0.06", "2000-02-06,-0.08", "2000-02-07,-0.05"]);

        var json = (await _cli.RunAsync(
            "stats", "--returns", mixed, "--benchmark", negative, "--window", "6", "--var-confidence", "0.99", "--required-return", "10", "--json"))
            .Succeeded().Json();

        var benchmark = json.GetProperty("benchmark");
        Assert.Equal(-0.9997853834885004, Num(benchmark, "alpha"), 1e-8);
        Assert.Equal(-0.71296296296296313, Num(benchmark, "beta"), 1e-8);
        Assert.Equal(8L, benchmark.Int("periods"));
        Assert.Equal(0.83354263497557934, Num(json, "omega_ratio"), 1e-8);
        Assert.Equal(0.1529973665111273, Num(json, "stability_of_timeseries"), 1e-8);
        var rolling = json.GetProperty("rolling");
        Assert.Equal(6L, rolling.Int("window"));
        var points = rolling.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(["2000-02-04", "2000-02-05", "2000-02-06", "2000-02-07"], points.Select(p => p.Str("date")));
        Assert.Equal([7.57445259, 8.22784105, 8.22784105, -3.1374751], points.Select(p => Math.Round(Num(p, "sharpe_ratio"), 8)));
        var var99 = json.GetProperty("var");
        Assert.Equal(0.99, Num(var99, "confidence"), 1e-15);
        Assert.Equal(-0.0958, Num(var99, "historical"), 1e-12);
    }

    [Theory]
    [InlineData("--var-confidence", "99", "--var-confidence must be between 0 and 1")]
    [InlineData("--window", "0", "--window must be at least 1.")]
    public async Task Stats_BadAnalyticsOption_RefusedSayingWhy(string option, string value, string reason)
    {
        var path = WriteCsv("flat.csv", ["date,return", "2026-01-02,0.01", "2026-01-05,0.01"]);

        var result = (await _cli.RunAsync("stats", "--returns", path, option, value)).WasRefused();

        Assert.Equal("", result.Stdout);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Equity 100, 110, 99, 104.5, 110, 121 → five weekly returns 10%, −10%, 5.5…%, 5.26…%, 10%: total 21%, annual
    /// 1.21^(52/5) − 1; the −10% fall from Jan 9 to Jan 16 recovers on Jan 30 (3 periods from the peak, 2 from the trough).
    /// </summary>
    [Fact]
    public async Task Stats_EquityFileWeekly_ConvertsToReturnsAndAnnualisesByPeriodsPerYear()
    {
        var path = WriteCsv("equity.csv",
            ["Date,Equity", "2026-01-02,100", "2026-01-09,110", "2026-01-16,99", "2026-01-23,104.5", "2026-01-30,110", "2026-02-06,121"]);

        var json = (await _cli.RunAsync("stats", "--returns", path, "--periods-per-year", "52", "--json")).Succeeded().Json();

        Assert.Equal((5L, 52L), (json.Int("periods"), json.Int("periods_per_year")));
        Assert.Equal(0.21, Num(json, "total_return"), 1e-12);
        Assert.Equal(Math.Pow(1.21, 52.0 / 5) - 1, Num(json, "annual_return"), 1e-9);
        Assert.Equal(-0.10, Num(json, "max_drawdown"), 1e-12);
        Assert.Equal(("2026-01-09", "2026-01-16", "2026-01-30"), (json.Str("max_drawdown_peak"), json.Str("max_drawdown_trough"), json.Str("max_drawdown_recovery")));
        Assert.Equal((3L, 2L), (json.Int("max_drawdown_duration_periods"), json.Int("max_drawdown_recovery_periods")));
    }

    /// <summary>One return: no spread, so volatility, Sharpe and Sortino are "NaN" in JSON; the run still succeeds.</summary>
    [Fact]
    public async Task Stats_OneReturn_PrintsNaNNotAnError()
    {
        var path = WriteCsv("one.csv", ["date,return", "2026-01-02,0.01"]);

        var json = (await _cli.RunAsync("stats", "--returns", path, "--json")).Succeeded().Json();

        Assert.Equal(("NaN", "NaN", "NaN"), (json.Str("annual_volatility"), json.Str("sharpe_ratio"), json.Str("sortino_ratio")));
        Assert.Equal(0.01, Num(json, "total_return"), 1e-15);
    }

    [Fact]
    public async Task Stats_HumanOutput_ShowsPercentagesAndRatios()
    {
        var path = WriteCsv("flat.csv", ["date,return", "2026-01-02,0.01", "2026-01-05,0.01", "2026-01-06,0.01"]);

        var result = (await _cli.RunAsync("stats", "--returns", path)).Succeeded();

        Assert.Contains("total_return", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("3.03%", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"sortino_ratio\s+inf", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "date,value", "2026-01-02,1" }, "line 1: the header must name date and either return or equity")]
    [InlineData(new[] { "date,return", "2026-01-02,0.01", "2026-01-02,0.02" }, "line 3: date 2026-01-02 does not come after 2026-01-02")]
    [InlineData(new[] { "date,return", "2026-01-02,1%" }, "line 2: return '1%' is not a number")]
    [InlineData(new[] { "date,equity", "2026-01-02,100", "2026-01-05,0" }, "line 3: equity '0' is not an amount above zero.")]
    [InlineData(new[] { "date,return" }, "the file has no data rows.")]
    [InlineData(new[] { "date,return,note", "2026-01-02,0.01,\"two\nlines\"", "2026-01-05,abc,x" }, "line 4: return 'abc' is not a number")]
    [InlineData(new[] { "date,return", "2026-01-02,0.0\"1" }, "line 2: field '0.0\"1' has a quote but is not quoted;")]
    [InlineData(new[] { "date,return", "2026-01-02,\"0,01\"" }, "line 2: return '0,01' is not a number")]
    [InlineData(new[] { "date,return", "2026-01-02,0.01,0.02" }, "line 2: has 3 fields, the header has 2.")]
    public async Task Stats_BadFile_ExitsOneWithTheLineAndNothingOnStdout(string[] lines, string reason)
    {
        var path = WriteCsv("bad.csv", lines);

        var result = (await _cli.RunAsync("stats", "--returns", path, "--json")).WasRefused();

        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"error: {path}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>RFC 4180 quoting: quoted names and values, commas, doubled quotes and a line break inside a field.</summary>
    [Fact]
    public async Task Stats_QuotedFields_ReadAsTheSameSeries()
    {
        var plain = WriteCsv("plain.csv", ["date,return", "2026-01-02,0.01", "2026-01-05,", "2026-01-06,-0.02", "2026-01-07,0.03"]);
        var quoted = WriteCsv("quoted.csv",
            ["\"date\",\"return\",note", "\"2026-01-02\",\"0.01\",\"new year, quiet\"", "2026-01-05,\"\",\"closed, \"\"snow\"\"\"",
             "2026-01-06, \"-0.02\" ,\"two", "lines\"", "2026-01-07,0.03,"]);

        var expected = (await _cli.RunAsync("stats", "--returns", plain, "--json")).Succeeded();
        var result = (await _cli.RunAsync("stats", "--returns", quoted, "--json")).Succeeded();

        Assert.Equal("", result.Stderr);
        Assert.Equal(4L, result.Json().Int("periods"));
        Assert.Equal(1.01 * 0.98 * 1.03 - 1, Num(result.Json(), "total_return"), 1e-12);
        Assert.Equal(expected.Stdout, result.Stdout);
    }

    [Fact]
    public async Task Stats_PeriodsPerYearZero_Refused()
    {
        var path = WriteCsv("ok.csv", ["date,return", "2026-01-02,0.01"]);

        var result = (await _cli.RunAsync("stats", "--returns", path, "--periods-per-year", "0")).WasRefused();

        Assert.Equal("error: --periods-per-year must be above 0.", result.Stderr.TrimEnd());
    }

    public void Dispose() => _cli.Dispose();

    private static double Num(JsonElement json, string name) => json.GetProperty(name).GetDouble();

    /// <summary>Writes the file into the process's working directory and returns its name, relative to that directory.</summary>
    private string WriteCsv(string name, string[] lines)
    {
        File.WriteAllLines(Path.Combine(_cli.WorkDirectory, name), lines);
        return name;
    }
}
