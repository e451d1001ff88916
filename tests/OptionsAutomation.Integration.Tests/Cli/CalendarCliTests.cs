namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto calendar</c> and <c>optauto calendar holidays</c> as real processes. The verbs need no database,
/// so the process gets a connection string nothing listens on: touching it would exit 3, not 0.
/// </summary>
[Trait("Category", "Cli")]
public sealed class CalendarCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task Calendar_ThanksgivingWeek2026_SkipsThanksgivingAndClosesFridayAt1300Et()
    {
        var result = (await _cli.RunAsync("calendar", "--from", "2026-11-25", "--to", "2026-11-30", "--json")).Succeeded();

        Assert.Equal("", result.Stderr);
        var sessions = result.Json().Items();
        Assert.Equal(["2026-11-25", "2026-11-27", "2026-11-30"], sessions.Select(s => s.Str("date")));
        Assert.Equal([false, true, false], sessions.Select(s => s.GetProperty("early_close").GetBoolean()));

        var friday = sessions[1];
        Assert.Equal("2026-11-27T09:30:00-05:00", friday.GetProperty("open").Str("et"));
        Assert.Equal("2026-11-27T14:30:00Z", friday.GetProperty("open").Str("utc"));
        Assert.Equal("2026-11-27T13:00:00-05:00", friday.GetProperty("close").Str("et"));
        Assert.Equal("2026-11-27T18:00:00Z", friday.GetProperty("close").Str("utc"));
        Assert.Equal("2026-11-30T16:00:00-05:00", sessions[2].GetProperty("close").Str("et"));
        Assert.Equal("2026-11-30T21:00:00Z", sessions[2].GetProperty("close").Str("utc"));
    }

    [Fact]
    public async Task Holidays_2026_ListsTheTenFullDayClosuresWithNames()
    {
        var result = (await _cli.RunAsync("calendar", "holidays", "--year", "2026", "--json")).Succeeded();

        var holidays = result.Json().Items();
        Assert.Equal(
            ["2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"],
            holidays.Select(h => h.Str("date")));
        Assert.Equal("Independence Day (observed)", holidays[6].Str("name"));
        Assert.Equal("Thanksgiving Day", holidays[8].Str("name"));
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["calendar", "--from", "2026-11-30", "--to", "2026-11-25", "--json"], "error: --from 2026-11-30 is after --to 2026-11-25" },
        { ["calendar", "holidays", "--year", "1999", "--json"], "error: --year: 1999 is outside the years the NYSE calendar covers (2000 to 2100)" },
        { ["calendar", "--from", "2026-11-31", "--json"], "error: --from '2026-11-31' is not a date in the form YYYY-MM-DD" },
        { ["calendar", "--from", "1999-12-31", "--json"], "error: --from '1999-12-31' is outside the dates the NYSE calendar covers (2000-01-01 to 2100-12-31)" },
        { ["calendar", "holidays", "--year", "twenty", "--json"], "error: --year 'twenty' is not a whole number" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Calendar_WithBadInput_ExitsOneWithErrorOnStderrAndNothingOnStdout(string[] args, string expected)
    {
        var result = (await _cli.RunAsync(args)).WasRefused();

        Assert.True(result.Stderr.StartsWith(expected, StringComparison.Ordinal), $"stderr should start with \"{expected}\".{Environment.NewLine}{result}");
        Assert.Equal("", result.Stdout);
    }

    public void Dispose() => _cli.Dispose();
}
