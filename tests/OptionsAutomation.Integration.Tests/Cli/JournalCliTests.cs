using System.Globalization;
using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto journal</c> as a real process against Postgres: notes, edits that keep history, search, and the audit rows.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class JournalCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task AddThenEdit_KeepsBothVersions_AuditsEach_AndSearchFindsTheOldWords()
    {
        var position = await SeedSpyCspAsync("j-1", new DateOnly(2026, 3, 20), 580m, 1.50m, NewYork("2026-02-02", 10));

        var added = (await Cli.RunAsync("journal", "add", position.PositionId.ToString(CultureInfo.InvariantCulture),
            "--text", "Support at 575 should hold", "--sentiment", "Confident", "--json")).Succeeded().Json();
        var id = added.Int("entry_id");
        Assert.Equal(("during", "cli", position.PositionId), (added.Str("phase"), added.Str("source"), added.Int("position_id")));

        var edited = (await Cli.RunAsync("journal", "edit", id.ToString(CultureInfo.InvariantCulture),
            "--text", "VIX jumped; less sure now", "--sentiment", "worried", "--json")).Succeeded().Json();

        var versions = edited.GetProperty("versions").Items();
        Assert.Equal([(1L, "Support at 575 should hold", "confident"), (2L, "VIX jumped; less sure now", "worried")],
            versions.Select(v => (v.Int("version"), v.Str("text"), v.Str("sentiment"))));
        Assert.Equal(1, await Db.CountAsync("audit_events", $"event_type = 'journal_note_added' AND entity_id = '{id}' AND position_id = {position.PositionId}"));
        Assert.Equal(1, await Db.CountAsync("audit_events", $"event_type = 'journal_note_edited' AND entity_id = '{id}' AND data ->> 'previous_sentiment' = 'confident'"));

        var bySupport = (await Cli.RunAsync("journal", "list", "--search", "support", "--json")).Succeeded().Json().Items();
        Assert.Equal([id], bySupport.Select(e => e.Int("entry_id")));
        Assert.Empty((await Cli.RunAsync("journal", "list", "--search", "earnings", "--json")).Succeeded().Json().Items());
        Assert.Equal("No journal entries match.", (await Cli.RunAsync("journal", "list", "--search", "earnings")).Succeeded().Stdout.Trim());
        Assert.Contains("1 entry", (await Cli.RunAsync("journal", "list")).Succeeded().Stdout, StringComparison.Ordinal);
        var show = (await Cli.RunAsync("journal", "show", id.ToString(CultureInfo.InvariantCulture))).Succeeded().Stdout;
        Assert.Contains("Support at 575 should hold", show, StringComparison.Ordinal);
        Assert.Contains("less sure now", show, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_AreAppendOnly_InTheDatabase()
    {
        var position = await SeedSpyCspAsync("j-2", new DateOnly(2026, 3, 20), 580m, 1.50m, NewYork("2026-02-02", 10));
        (await Cli.RunAsync("journal", "add", position.PositionId.ToString(CultureInfo.InvariantCulture), "--text", "first")).Succeeded();

        var update = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecuteAsync("UPDATE journal_entry_versions SET text = 'rewritten'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecuteAsync("DELETE FROM journal_entry_versions"));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await Db.CountAsync("journal_entry_versions", "text = 'first'"));
    }

    [Fact]
    public async Task ListByPositionAndPositionsShow_TheClosedPositionsNote_IsWrittenAfter()
    {
        var position = await SeedSpyCspAsync("j-3", new DateOnly(2026, 3, 20), 580m, 1.50m, NewYork("2026-02-02", 10));
        var other = await SeedSpyCspAsync("j-4", new DateOnly(2026, 3, 20), 570m, 1.50m, NewYork("2026-02-02", 10));
        await Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow))
            .CloseAsync(position.PositionId, new PositionExit(0.75m, ExitReason.ProfitTarget, NewYork("2026-02-09", 14), ExecutedBy.Manual, "test"));
        (await Cli.RunAsync("journal", "add", position.PositionId.ToString(CultureInfo.InvariantCulture), "--text", "Took it at half")).Succeeded();
        (await Cli.RunAsync("journal", "add", other.PositionId.ToString(CultureInfo.InvariantCulture), "--text", "Not this one")).Succeeded();

        var entries = (await Cli.RunAsync("journal", "list", "--position", position.PositionId.ToString(CultureInfo.InvariantCulture), "--json"))
            .Succeeded().Json().Items();

        var entry = Assert.Single(entries);
        Assert.Equal(("after", "Took it at half"), (entry.Str("phase"), entry.GetProperty("versions").Items()[0].Str("text")));
        var shown = (await Cli.RunAsync("positions", "show", position.PositionId.ToString(CultureInfo.InvariantCulture), "--json")).Succeeded().Json();
        Assert.Equal([entry.Int("entry_id")], shown.GetProperty("journal").Items().Select(e => e.Int("entry_id")));
        Assert.Contains("Took it at half", (await Cli.RunAsync("positions", "show", position.PositionId.ToString(CultureInfo.InvariantCulture))).Succeeded().Stdout,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "journal", "add", "999999", "--text", "x" }, "no position or proposal '999999' to write a note on.")]
    [InlineData(new[] { "journal", "add", "no-such-request", "--text", "x" }, "no position or proposal 'no-such-request' to write a note on.")]
    [InlineData(new[] { "journal", "add", "1", "--text", "   " }, "a journal note needs some text.")]
    [InlineData(new[] { "journal", "add", "1", "--text", "x", "--sentiment", "very worried" }, "sentiment 'very worried' is not a tag")]
    [InlineData(new[] { "journal", "edit", "424242", "--text", "x" }, "no journal entry 424242.")]
    public async Task BadInput_RefusedSayingWhy_NothingWritten(string[] args, string reason)
    {
        var result = (await Cli.RunAsync(args)).WasRefused();

        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await Db.CountAsync("journal_entries"));
    }

    /// <summary>Two closed trades, one noted "worried" while open and one "confident" only after the close: hindsight is not a mood.</summary>
    [Fact]
    public async Task Compare_BySentiment_UsesNotesWrittenBeforeTheClose()
    {
        var worried = await SeedSpyCspAsync("j-5", new DateOnly(2026, 3, 20), 580m, 1.50m, NewYork("2026-02-02", 10));
        var calm = await SeedSpyCspAsync("j-6", new DateOnly(2026, 3, 20), 570m, 1.50m, NewYork("2026-02-02", 10));
        (await Cli.RunAsync("journal", "add", worried.PositionId.ToString(CultureInfo.InvariantCulture), "--text", "Too close", "--sentiment", "worried")).Succeeded();
        var positions = Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow));
        await positions.CloseAsync(worried.PositionId, new PositionExit(3.50m, ExitReason.StopLoss, NewYork("2026-02-09", 14), ExecutedBy.Manual, "test"));
        await positions.CloseAsync(calm.PositionId, new PositionExit(0.75m, ExitReason.ProfitTarget, NewYork("2026-02-10", 14), ExecutedBy.Manual, "test"));
        (await Cli.RunAsync("journal", "add", calm.PositionId.ToString(CultureInfo.InvariantCulture), "--text", "Easy", "--sentiment", "confident")).Succeeded();

        var rows = (await Cli.RunAsync("compare", "--json")).Succeeded().Json().GetProperty("by_sentiment").Items();

        Assert.Equal([("none", 1L, 75.00m), ("worried", 1L, -200.00m)], rows.Select(r => (r.Str("key"), r.Int("trades"), r.Dec("total_pnl"))));
    }
}
