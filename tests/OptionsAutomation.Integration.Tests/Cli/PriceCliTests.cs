using System.Globalization;
using System.Text.Json;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto price</c> run as a real process. The verb is pure computation, so the process is pointed at a database
/// that cannot exist (port 1): any attempt to use it would fail the run.
/// </summary>
[Trait("Category", "Cli")]
public sealed class PriceCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=1";

    /// <summary>J. C. Hull's example (S = 42, K = 40, r = 10%, σ = 20%, T = 0.5: call 4.76, put 0.81).</summary>
    private static readonly string[] HullInputs = ["--spot", "42", "--strike", "40", "--years", "0.5", "--rate", "0.10"];

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task Price_HullExampleAsJson_PrintsValueAndGreeksInQuotedUnits()
    {
        var call = (await _cli.RunAsync(["price", "--type", "call", .. HullInputs, "--vol", "0.20", "--json"])).Succeeded();
        var put = (await _cli.RunAsync(["price", "--type", "put", .. HullInputs, "--vol", "0.20", "--json"])).Succeeded();

        Assert.Equal("", call.Stderr);
        var json = call.Json();
        Assert.Equal(["price", "delta", "gamma", "vega", "theta", "rho"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4.76, Number(json, "price"), 0.005);
        Assert.Equal(0.81, Number(put.Json(), "price"), 0.005);
        // Full precision (40-digit references, see BlackScholesValueTests): per share, per vol point, per day, per 1%.
        Assert.Equal(4.759422392871533, Number(json, "price"), 1e-12);
        Assert.Equal(0.779131290942669, Number(json, "delta"), 1e-12);
        Assert.Equal(0.04996267040591185, Number(json, "gamma"), 1e-12);
        Assert.Equal(0.08813415059602851, Number(json, "vega"), 1e-12);
        Assert.Equal(-0.012490663546829116, Number(json, "theta"), 1e-12);
        Assert.Equal(0.1398204591336028, Number(json, "rho"), 1e-12);
    }

    [Fact]
    public async Task Price_ImpliedVolOfThePrintedPremium_GivesBackTwentyPercent()
    {
        var priced = (await _cli.RunAsync(["price", "--type", "put", .. HullInputs, "--vol", "0.20", "--json"])).Succeeded();
        var premium = Number(priced.Json(), "price");

        var solved = (await _cli.RunAsync(
            ["price", "--type", "put", .. HullInputs, "--premium", premium.ToString("R", CultureInfo.InvariantCulture), "--implied-vol", "--json"])).Succeeded();

        var json = solved.Json();
        Assert.Equal(0.20, Number(json, "implied_vol"), 1e-12);
        Assert.Equal(premium, Number(json, "price"), 1e-10);
        Assert.Equal(Number(priced.Json(), "delta"), Number(json, "delta"), 1e-10);
    }

    [Fact]
    public async Task Price_PremiumAboveWhatTheCallCanPay_ExitsOneGivingTheBounds()
    {
        var result = (await _cli.RunAsync(["price", "--type", "call", .. HullInputs, "--premium", "45", "--implied-vol", "--json"])).WasRefused();

        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: premium 45 is not strictly inside the no-arbitrage bounds of this call", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("below 42 (S·e^(−qT))", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private static double Number(JsonElement json, string name) => json.GetProperty(name).GetDouble();
}
