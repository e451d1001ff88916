using System.Globalization;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// What people read: tables at the output width (COLUMNS for redirected output, 160 without it) or one record per
/// block when they do not fit, <c>audit tail</c> one line per event, and a "did you mean" for a mistyped name.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class CliOutputCliTests(PostgresServer server) : CliTestBase(server)
{
    private static readonly DateTimeOffset Opened = DateTimeOffset.Parse(OpenedAt, CultureInfo.InvariantCulture);

    private static string[] Lines(string text) => text.Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private OptautoProcess CliAtColumns(string columns) =>
        new(Db.ConnectionString, new Dictionary<string, string> { ["COLUMNS"] = columns });

    private async Task<long[]> SeedThreeAsync()
    {
        long[] ids = new long[3];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (await SeedCspAsync($"seed-{i + 1}", "SPY", DateOnly.Parse(Expiration, CultureInfo.InvariantCulture), 580m - i, 1.50m, Opened)).PositionId;
        }

        return ids;
    }

    [Fact]
    public async Task PositionsList_At80Columns_PrintsOneRecordPerBlockWithNothingCut()
    {
        var ids = await SeedThreeAsync();
        using var narrow = CliAtColumns("80");

        var result = (await narrow.RunAsync("positions", "list")).Succeeded();

        var lines = Lines(result.Stdout);
        Assert.DoesNotContain("…", result.Stdout, StringComparison.Ordinal);
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"line longer than 80: '{line}'{Environment.NewLine}{result}"));
        foreach (var id in ids)
        {
            Assert.Contains($"ID          {id}", lines);
        }

        Assert.Equal(3, lines.Count(l => l == "Status      OPEN"));
        Assert.Equal(["Strikes     580.00", "Strikes     579.00", "Strikes     578.00"], lines.Where(l => l.StartsWith("Strikes", StringComparison.Ordinal)));
        Assert.Equal("3 position(s)", lines[^1]);
    }

    [Fact]
    public async Task PositionsList_RedirectedWithoutColumns_PrintsTheTableWithWholeHeaders()
    {
        await SeedThreeAsync();
        using var redirected = CliAtColumns("");

        var result = (await redirected.RunAsync("positions", "list")).Succeeded();

        Assert.Contains("│ ID │ Ticker │ Strategy │ Status │ Expiration │ Strikes │ Qty │ Credit │ Target │ Stop   │ Realized │", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("…", result.Stdout, StringComparison.Ordinal);
        Assert.All(Lines(result.Stdout), line => Assert.True(line.Length <= 160, $"line longer than 160: '{line}'"));
        Assert.Equal(3, Lines(result.Stdout).Count(l => l.Contains("│ SPY    │ CSP      │ OPEN   │", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("80")]
    [InlineData("")]
    public async Task AuditTail_PrintsOneLinePerEventCutToTheWidth(string columns)
    {
        await SeedThreeAsync();
        using var cli = CliAtColumns(columns);
        var width = columns.Length == 0 ? 160 : int.Parse(columns, CultureInfo.InvariantCulture);

        var result = (await cli.RunAsync("audit", "tail", "--n", "3")).Succeeded();

        var lines = Lines(result.Stdout);
        Assert.True(lines.Length == 5, $"expected a header, 3 events and the count.{Environment.NewLine}{result}");
        Assert.Matches(@"^event_id\s+occurred_at\s+actor\s+event_type\s+entity\s+data$", lines[0]);
        Assert.All(lines[1..4], line =>
        {
            Assert.Matches(@"^\d+\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z\s+test-seed\s+position\.opened\s+position:\d+\s+\{", line);
            Assert.True(line.Length <= width && line.EndsWith('…'), $"not cut to {width}: '{line}'");
        });
        Assert.Equal("3 event(s)", lines[4]);
    }

    [Fact]
    public async Task AuditTail_FullAndJson_GiveTheWholePayload()
    {
        await SeedThreeAsync();

        var full = (await Cli.RunAsync("audit", "tail", "--n", "1", "--full")).Succeeded();
        var json = (await Cli.RunAsync("audit", "tail", "--n", "3", "--json")).Succeeded().Json();

        Assert.Contains("request_id   seed-3", full.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"request_id\": \"seed-3\",", full.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"symbol\": \"SPY   260320P00578000\",", full.Stdout, StringComparison.Ordinal);
        Assert.EndsWith($"}}{Environment.NewLine}{Environment.NewLine}1 event(s){Environment.NewLine}", full.Stdout, StringComparison.Ordinal);
        var events = json.Items();
        Assert.Equal(["seed-1", "seed-2", "seed-3"], events.Select(e => e.GetProperty("data").Str("request_id")));
        Assert.Equal([580m, 579m, 578m], events.Select(e => e.GetProperty("data").Dec("short_strike")));
    }

    public static TheoryData<string[], string> Mistyped => new()
    {
        { ["posiitons", "list"], "error: unknown command 'posiitons' for 'optauto'. Did you mean 'optauto positions'?" },
        { ["proposal", "list"], "error: unknown command 'proposal' for 'optauto'. Did you mean 'optauto proposals'?" },
        { ["positions", "lst"], "error: unknown command 'lst' for 'optauto positions'. Did you mean 'optauto positions list'?" },
        { ["audit", "tial"], "error: unknown command 'tial' for 'optauto audit'. Did you mean 'optauto audit tail'?" },
        { ["positions", "list", "--statsu", "open"], "error: unknown option '--statsu' for 'optauto positions list'. Did you mean '--status'?" },
    };

    [Theory]
    [MemberData(nameof(Mistyped))]
    public async Task MistypedName_ExitsOneWithTheCorrection(string[] args, string expected)
    {
        var result = (await Cli.RunAsync(args)).WasRefused();

        Assert.Equal(expected, Lines(result.Stderr)[0]);
        Assert.Equal(2, Lines(result.Stderr).Length);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task UnrelatedWord_ExitsOneWithoutAGuess()
    {
        var result = (await Cli.RunAsync("xyzzy")).WasRefused();

        Assert.Contains("error: Unrecognized command or argument 'xyzzy'.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", result.Stderr, StringComparison.Ordinal);
    }
}
