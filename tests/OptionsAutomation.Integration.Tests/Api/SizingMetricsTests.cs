using System.Globalization;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Web.Metrics;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>The sizing histograms on <c>/metrics</c>, from a real screener run (the SPY 370 put of 2021-03-01, fixed sizing).</summary>
[Collection(PostgresCollection.Name)]
public sealed class SizingMetricsTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task EachSizing_IsInTheContractsAndEquityFractionHistograms_ByStrategy()
    {
        var run = await Api.Get<ProposalService>().RunAsync(ApiHarness.Close, CancellationToken.None);
        var sizing = Assert.Single(run.Sizings);
        Api.Get<AppMetrics>().Sized(sizing);

        using var response = await Api.Http.GetAsync("/metrics");

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        // One CSP of 37,000 collateral on 100,000: 1 contract, 0.37 of equity.
        Assert.Equal((1, 0.37m), (sizing.Contracts, sizing.FractionOfEquity));
        const string Tags = "requested=\"fixed\",strategy=\"fixed\"";
        string[] expected =
        [
            "# TYPE optauto_sizing_contracts histogram",
            $"optauto_sizing_contracts_bucket{{{Tags},le=\"0\"}} 0",
            $"optauto_sizing_contracts_bucket{{{Tags},le=\"1\"}} 1",
            $"optauto_sizing_contracts_sum{{{Tags}}} 1",
            $"optauto_sizing_contracts_count{{{Tags}}} 1",
            "# TYPE optauto_sizing_equity_fraction histogram",
            $"optauto_sizing_equity_fraction_bucket{{{Tags},le=\"0.3\"}} 0",
            $"optauto_sizing_equity_fraction_bucket{{{Tags},le=\"0.5\"}} 1",
            string.Create(CultureInfo.InvariantCulture, $"optauto_sizing_equity_fraction_sum{{{Tags}}} 0.37"),
        ];
        Assert.All(expected, line => Assert.Contains(line, lines));
    }
}
