using System.CommandLine;
using OptionsAutomation.Core;
using OptionsAutomation.Core.TradeJournal;
using OptionsAutomation.Infrastructure.Postgres;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto journal add|edit|list|show</c>: notes with a sentiment tag on positions and proposals. An edit keeps the
/// earlier text; <c>show</c> prints every version.
/// </summary>
internal static class JournalCommands
{
    private const string CliActor = "cli";

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var journal = new Command("journal", "Trade journal: notes and sentiment on positions and proposals");
        journal.Add(Add(overrides));
        journal.Add(Edit(overrides));
        journal.Add(List(overrides));
        journal.Add(Show(overrides));
        return journal;
    }

    private static Option<string?> Sentiment() =>
        new("--sentiment") { Description = $"A tag: {string.Join(", ", JournalNote.SuggestedSentiments)} or your own" };

    private static Command Add(IReadOnlyList<string> overrides)
    {
        var target = new Argument<string>("ID") { Description = "A position id or a proposal's request id" };
        var text = new Option<string>("--text") { Description = "The note", Required = true };
        var sentiment = Sentiment();
        var json = CliOptions.Json();
        var command = new Command("add", "Write a note on a position or proposal") { target, text, sentiment, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var note = JournalNote.Of(parse.GetRequiredValue(text), parse.GetValue(sentiment));
            var entry = await services.Get<PostgresJournalNotes>().AddAsync(
                parse.GetRequiredValue(target), note, CliActor, "cli", services.Get<TimeProvider>().GetUtcNow(), cancellationToken).ConfigureAwait(false);
            Print(entry, parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Edit(IReadOnlyList<string> overrides)
    {
        var entryId = CliOptions.WholeArgument<long>("ENTRY_ID", "The journal entry to edit");
        var text = new Option<string>("--text") { Description = "The note as it should read now", Required = true };
        var sentiment = Sentiment();
        var json = CliOptions.Json();
        var command = new Command("edit", "Edit a note (its earlier text is kept as a version)") { entryId, text, sentiment, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var note = JournalNote.Of(parse.GetRequiredValue(text), parse.GetValue(sentiment));
            var entry = await services.Get<PostgresJournalNotes>().EditAsync(
                parse.GetRequiredValue(entryId), note, CliActor, services.Get<TimeProvider>().GetUtcNow(), cancellationToken).ConfigureAwait(false);
            Print(entry, parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    private static Command List(IReadOnlyList<string> overrides)
    {
        var position = CliOptions.OptionalNumber<long>("--position", "Only this position's notes (and its proposal's)");
        var search = new Option<string?>("--search") { Description = "Words any version of the note contains (\"a phrase\", -not, or)" };
        var limit = CliOptions.Number<int>("--limit", "At most this many", defaultValue: 50);
        var json = CliOptions.Json();
        var command = new Command("list", "Journal entries, newest first") { position, search, limit, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var entries = await services.Get<PostgresJournalNotes>().ListAsync(
                parse.GetValue(position), parse.GetValue(search), Math.Max(1, parse.GetValue(limit)), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(entries);
            }
            else if (entries.Count == 0)
            {
                // An empty table would look like a failure; say what was looked for instead.
                AnsiConsole.WriteLine(parse.GetValue(position) is null && parse.GetValue(search) is null
                    ? "No journal entries yet. Write one with: optauto journal add ID --text TEXT"
                    : "No journal entries match.");
            }
            else
            {
                Table(entries);
                AnsiConsole.WriteLine($"{entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}");
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Show(IReadOnlyList<string> overrides)
    {
        var entryId = CliOptions.WholeArgument<long>("ENTRY_ID", "The journal entry");
        var json = CliOptions.Json();
        var command = new Command("show", "One entry with every version of its note") { entryId, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var id = parse.GetRequiredValue(entryId);
            var entry = await services.Get<PostgresJournalNotes>().FindAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new JournalSubjectNotFoundException($"no journal entry {id}.");
            Print(entry, parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>Entries as they read now, one row each (also under <c>positions show</c>).</summary>
    public static void Table(IReadOnlyList<JournalEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("Journal", "Position", "Proposal", "Phase", "Sentiment", "Note", "Versions", "Written (UTC)", "By");
        foreach (var e in entries)
        {
            table.AddRow(
                CliOutput.Format(e.EntryId), CliOutput.Format(e.PositionId), Markup.Escape(e.RequestId ?? "-"), e.Phase.ToCode(),
                Markup.Escape(e.Current.Sentiment ?? "-"), Markup.Escape(e.Current.Text), CliOutput.Format(e.Versions.Count),
                CliOutput.Format(e.Current.WrittenAt), Markup.Escape(e.Current.WrittenBy));
        }

        FittedTable.Write(table);
    }

    private static void Print(JournalEntry entry, bool json)
    {
        if (json)
        {
            CliOutput.Json(entry);
            return;
        }

        var on = string.Join(", ", new[] { entry.PositionId is { } p ? $"position {p}" : null, entry.RequestId is { } r ? $"proposal {r}" : null }.OfType<string>());
        AnsiConsole.MarkupLine(Markup.Escape($"Journal entry {entry.EntryId} on {on}, written {entry.Phase.ToCode()} the trade"));
        var table = new Table().AddColumns("Version", "Sentiment", "Note", "Written (UTC)", "By");
        foreach (var v in entry.Versions)
        {
            table.AddRow(CliOutput.Format(v.Version), Markup.Escape(v.Sentiment ?? "-"), Markup.Escape(v.Text), CliOutput.Format(v.WrittenAt), Markup.Escape(v.WrittenBy));
        }

        FittedTable.Write(table);
    }
}
