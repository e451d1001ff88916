using System.Text.Json;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;
using SkiaSharp;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto publish</c> as a real process: the static site's three files, its figures, and no sizes unless configured.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class PublishCliTests(PostgresServer server) : CliTestBase(server), IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"optauto-site-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public async Task TheSite_HasThePageTheCardAndTheFigures_WithoutSizes()
    {
        await SeedTwoTradesAsync();

        var stdout = (await Cli.RunAsync("publish", "--out", _out, "--date", "2026-02-11")).Succeeded().Stdout;

        Assert.Contains("Published performance to 2026-02-11", stdout, StringComparison.Ordinal);
        var figures = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "performance.json"))).RootElement;
        Assert.Equal(("2026-02-11", false), (figures.Str("as_of"), figures.GetProperty("shows_sizes").GetBoolean()));
        var statistics = figures.GetProperty("statistics");
        Assert.Equal((2L, 1L, 50m, -125.00m), (statistics.Int("trades"), statistics.Int("wins"), statistics.Dec("win_rate"), statistics.Dec("total_pnl")));
        Assert.Equal([75.00m, -200.00m], figures.GetProperty("trades").Items().Select(t => t.Dec("pnl")));
        Assert.Equal(99_875.00m, figures.GetProperty("equity").Dec("closing_equity"));
        var page = await File.ReadAllTextAsync(Path.Combine(_out, "index.html"));
        var embedded = System.Text.RegularExpressions.Regex.Match(page, "<script type=\"application/json\" id=\"performance-data\">(.*?)</script>").Groups[1].Value;
        Assert.Equal(2, JsonDocument.Parse(embedded).RootElement.GetProperty("trades").GetArrayLength());
        foreach (var text in new[] { await File.ReadAllTextAsync(Path.Combine(_out, "performance.json")), embedded })
        {
            Assert.DoesNotContain("quantity", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']?(https?:)?//", page); // self-contained: nothing from a CDN
        Assert.Contains("src=\"card.png\"", page, StringComparison.Ordinal);
        using var card = SKBitmap.Decode(Path.Combine(_out, "card.png"));
        Assert.Equal(800, card.Width);
    }

    [Fact]
    public async Task ShowSizes_PutsTheQuantitiesIn()
    {
        await SeedTwoTradesAsync();

        (await Cli.RunAsync("publish", "--out", _out, "--date", "2026-02-11", "--Publishing:ShowSizes=true")).Succeeded();

        var figures = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "performance.json"))).RootElement;
        Assert.True(figures.GetProperty("shows_sizes").GetBoolean());
        Assert.Equal([1L, 1L], figures.GetProperty("trades").Items().Select(t => t.Int("quantity")));
    }

    [Fact]
    public async Task ADayWithoutAScorecard_IsRefused_AndNothingIsWritten()
    {
        Assert.Contains("has no scorecard", (await Cli.RunAsync("publish", "--out", _out, "--date", "2026-02-07")).WasRefused().Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }

    /// <summary>Two SPY CSPs opened 2026-02-02: +75 closed on the 9th, −200 on the 11th.</summary>
    private async Task SeedTwoTradesAsync()
    {
        var winner = await SeedSpyCspAsync("p-1", new DateOnly(2026, 3, 20), 580m, 1.50m, NewYork("2026-02-02", 10));
        var loser = await SeedSpyCspAsync("p-2", new DateOnly(2026, 3, 20), 560m, 2.00m, NewYork("2026-02-02", 10));
        var positions = Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow));
        await positions.CloseAsync(winner.PositionId, new PositionExit(0.75m, ExitReason.ProfitTarget, NewYork("2026-02-09", 14), ExecutedBy.Manual, "test-seed"));
        await positions.CloseAsync(loser.PositionId, new PositionExit(4.00m, ExitReason.StopLoss, NewYork("2026-02-11", 14), ExecutedBy.Manual, "test-seed"));
    }
}
