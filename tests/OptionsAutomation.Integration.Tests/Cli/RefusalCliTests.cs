using System.Globalization;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// Bad input: each run exits 1 with a message on stderr that names the problem, prints no position, and
/// leaves the database as it was (one open position seeded in-process before the run).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class RefusalCliTests(PostgresServer server) : CliTestBase(server)
{
    private const string OpenId = "{open-id}";
    private const string PastExpiration = "{past-expiration}";

    /// <summary>Refused by the trading rules: reported as <c>error: …</c>.</summary>
    public static TheoryData<string, string[], string> RuleRefusals => new()
    {
        { "show unknown position id", ["positions", "show", "999999", "--json"], "error: position 999999 not found" },
        { "show unknown request id", ["positions", "show", "no-such-request", "--json"], "error: position no-such-request not found" },
        { "close unknown position id", ["positions", "close", "999999", "--price", "0.75", "--json"], "error: position 999999 not found" },
        { "quantity 0", AddCsp(quantity: "0"), "quantity must be at least 1, was 0" },
        { "quantity -1", AddCsp(quantity: "-1"), "quantity must be at least 1, was -1" },
        { "negative credit", AddCsp(credit: "-1.50"), "credit must be above 0, was -1.50" },
        { "negative close price", ["positions", "close", OpenId, "--price", "-0.75", "--closed-at", ClosedAt, "--json"], "exit price must not be negative, was -0.75" },
        { "VPC long strike = short strike", AddVpc("580"), "long strike 580 must be below the short strike 580" },
        { "VPC long strike > short strike", AddVpc("585"), "long strike 585 must be below the short strike 580" },
        { "expiration in the past", ["positions", "add", "--ticker", "SPY", "--strategy", "CSP", "--expiration", PastExpiration, "--short-strike", "580", "--credit", "1.50", "--quantity", "1", "--json"], "is before the open date" },
        { "unknown strategy", AddCsp(strategy: "XYZ"), "'XYZ' is not a valid StrategyType" },
        { "quantity above Risk:MaxPositionContracts", AddCsp(quantity: "11"), "quantity 11 is above Risk:MaxPositionContracts (10)" },
        { "quantity 1000000", AddCsp(quantity: "1000000"), "quantity 1000000 is above Risk:MaxPositionContracts (10)" },
        { "expiration past the horizon", AddCsp(expiration: "2029-02-21"), "expiration 2029-02-21 is more than Positions:MaxExpirationYears (3) years after the open date; the latest accepted is 2029-02-20" },
    };

    /// <summary>Refused while parsing the options, before anything runs.</summary>
    public static TheoryData<string, string[], string> MalformedInput => new()
    {
        { "expiration 2026-13-45", ["positions", "add", "--ticker", "SPY", "--strategy", "CSP", "--expiration", "2026-13-45", "--short-strike", "580", "--credit", "1.50", "--quantity", "1", "--json"], "'2026-13-45' is not a date in the form YYYY-MM-DD" },
        { "opened-at yesterday", AddCsp(openedAt: "yesterday"), "'yesterday' is not an ISO 8601 instant with Z or an offset" },
        { "opened-at without a zone", AddCsp(openedAt: "2026-02-20T14:17:00"), "'2026-02-20T14:17:00' is not an ISO 8601 instant with Z or an offset" },
        { "credit with a decimal comma", AddCsp(credit: "1,5"), "--credit '1,5' has a comma; use a dot: 1.5." },
        { "credit not a number", AddCsp(credit: "abc"), "--credit 'abc' is not a number; use digits and a dot, e.g. 1.50." },
        { "fees with a decimal comma", [.. AddCsp(), "--fees", "0,65"], "--fees '0,65' has a comma; use a dot: 0.65." },
        { "quantity with a group separator", AddCsp(quantity: "1,000"), "--quantity '1,000' is not a whole number; write it without separators or decimals, e.g. 1000." },
        { "quantity with decimals", AddCsp(quantity: "1.5"), "--quantity '1.5' is not a whole number" },
        { "expiration 9999-12-31", AddCsp(expiration: "9999-12-31"), "--expiration '9999-12-31' is outside the dates the NYSE calendar covers (2000-01-01 to 2100-12-31)." },
        { "opened-at 0001-01-01", AddCsp(openedAt: "0001-01-01T00:00:00Z"), "--opened-at '0001-01-01T00:00:00Z' is outside the dates the NYSE calendar covers" },
        { "opened-at 1999-12-31", AddCsp(openedAt: "1999-12-31T23:59:59Z"), "--opened-at '1999-12-31T23:59:59Z' is outside the dates the NYSE calendar covers" },
        { "close price not a number", ["positions", "close", OpenId, "--price", "abc", "--json"], "--price 'abc' is not a number; use digits and a dot, e.g. 1.50." },
        { "close price with a decimal comma", ["positions", "close", OpenId, "--price", "0,75", "--json"], "--price '0,75' has a comma; use a dot: 0.75." },
        { "close at year 1", ["positions", "close", OpenId, "--price", "0.75", "--closed-at", "0001-01-01T00:00:00Z", "--json"], "--closed-at '0001-01-01T00:00:00Z' is outside the dates the NYSE calendar covers" },
        { "close id not a number", ["positions", "close", "first", "--price", "0.75", "--json"], "id 'first' is not a whole number" },
        { "mark price with a decimal comma", ["positions", "mark", OpenId, "--price", "0,80", "--json"], "--price '0,80' has a comma; use a dot: 0.80." },
    };

    [Theory]
    [MemberData(nameof(RuleRefusals))]
    public async Task Command_WithInputTheRulesRefuse_ExitsOneWithErrorAndWritesNothing(string scenario, string[] args, string expectedMessage)
    {
        var result = await RunAgainstSeededDatabaseAsync(scenario, args, expectedMessage);

        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Parse errors name the option and the value as a person typed them, never a .NET type such as System.Decimal.</summary>
    [Theory]
    [MemberData(nameof(MalformedInput))]
    public async Task Command_WithMalformedNumberDateOrInstant_ExitsOneNamingOptionAndValueAndWritesNothing(string scenario, string[] args, string expectedMessage)
    {
        var result = await RunAgainstSeededDatabaseAsync(scenario, args, expectedMessage);

        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>The contract limit is a setting: raised for the run, the same trade is recorded with its quantity.</summary>
    [Fact]
    public async Task Add_AboveDefaultMaxContractsWithTheSettingRaised_RecordsTheQuantity()
    {
        var position = (await Cli.RunAsync([.. AddCsp(quantity: "11"), "--Risk:MaxPositionContracts=20"])).Succeeded().Json();

        Assert.Equal(11L, position.Int("quantity"));
        Assert.Equal(1.50m, position.Dec("entry_price"));
        Assert.Equal(1L, await Db.CountAsync("positions", "quantity = 11 AND entry_price = 1.50"));
    }

    /// <summary>
    /// The CLI contract: every error goes to stderr as <c>error: …</c>, and with <c>--json</c> stdout carries
    /// only JSON. Option-parse errors should look like every other refusal.
    /// </summary>
    [Fact]
    public async Task Add_WithMalformedExpiration_ReportsErrorPrefixAndKeepsStdoutClean()
    {
        var result = (await Cli.RunAsync(
            "positions", "add", "--ticker", "SPY", "--strategy", "CSP", "--expiration", "2026-13-45",
            "--short-strike", "580", "--credit", "1.50", "--quantity", "1", "--json")).WasRefused();

        Assert.True(result.Stderr.StartsWith("error: ", StringComparison.Ordinal), $"stderr lacks the 'error: ' prefix.{Environment.NewLine}{result}");
        Assert.True(result.Stdout.Length == 0, $"stdout should be empty on a refusal.{Environment.NewLine}{result}");
        Assert.Equal(0L, await Db.CountAsync("positions"));
    }

    private static string[] AddCsp(string quantity = "1", string credit = "1.50", string strategy = "CSP", string openedAt = OpenedAt, string expiration = Expiration) =>
    [
        "positions", "add", "--ticker", "SPY", "--strategy", strategy, "--expiration", expiration, "--short-strike", "580",
        "--credit", credit, "--quantity", quantity, "--opened-at", openedAt, "--json",
    ];

    private static string[] AddVpc(string longStrike) =>
    [
        "positions", "add", "--ticker", "SPY", "--strategy", "VPC", "--expiration", Expiration, "--short-strike", "580",
        "--long-strike", longStrike, "--credit", "1.50", "--quantity", "1", "--opened-at", OpenedAt, "--json",
    ];

    private async Task<CliResult> RunAgainstSeededDatabaseAsync(string scenario, string[] args, string expectedMessage)
    {
        var seeded = await SeedOpenCspAsync("seeded-open");
        // A week before today in New York is a past expiration whenever the test runs.
        var pastExpiration = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] resolved =
        [
            .. args.Select(a => a
                .Replace(OpenId, seeded.PositionId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace(PastExpiration, pastExpiration, StringComparison.Ordinal)),
        ];

        var result = (await Cli.RunAsync(resolved)).WasRefused();

        Assert.True(result.Stderr.Contains(expectedMessage, StringComparison.Ordinal),
            $"[{scenario}] stderr should contain \"{expectedMessage}\".{Environment.NewLine}{result}");
        Assert.DoesNotContain("\"position_id\"", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(1L, await Db.CountAsync("positions"));
        Assert.Equal(1L, await Db.CountAsync("positions", $"position_id = {seeded.PositionId} AND status = 'OPEN' AND exit_price IS NULL"));
        Assert.Equal(0L, await Db.CountAsync("trade_history"));
        Assert.Equal(1L, await Db.CountAsync("audit_events"));
        return result;
    }
}
