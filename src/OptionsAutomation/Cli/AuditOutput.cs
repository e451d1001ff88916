using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Cli;

/// <summary>
/// How <c>audit tail</c> prints events for people: one line per event with the payload cut to the width (a payload
/// can run to hundreds of lines once wrapped), or with <c>--full</c> every field and the indented payload.
/// </summary>
internal static class AuditOutput
{
    private const string Ellipsis = "…";

    /// <summary>Header and one line per event, each at most <paramref name="width"/> characters; the cut end shows "…".</summary>
    public static IEnumerable<string> Summary(IReadOnlyList<AuditRecord> events, int width)
    {
        string[] header = ["event_id", "occurred_at", "actor", "event_type", "entity"];
        var rows = events.Select(e => new[]
        {
            CliOutput.Format(e.EventId), CliOutput.Format(e.OccurredAt), e.Actor, e.EventType, $"{e.EntityType}:{e.EntityId}",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        yield return Fit(Line(header, widths) + "  data", width);
        for (var i = 0; i < events.Count; i++)
        {
            yield return Fit(Line(rows[i], widths) + "  " + Compact(events[i].Data), width);
        }
    }

    /// <summary>Every field of each event, the payload indented, events separated by a blank line.</summary>
    public static string Full(IReadOnlyList<AuditRecord> events)
    {
        var text = new StringBuilder();
        foreach (var e in events)
        {
            text.Append("event_id     ").Append(CliOutput.Format(e.EventId)).Append('\n')
                .Append("occurred_at  ").Append(CliOutput.Format(e.OccurredAt)).Append('\n')
                .Append("actor        ").Append(e.Actor).Append('\n')
                .Append("event_type   ").Append(e.EventType).Append('\n')
                .Append("entity       ").Append(e.EntityType).Append(':').Append(e.EntityId).Append('\n')
                .Append("request_id   ").Append(CliOutput.Format(e.RequestId)).Append('\n')
                .Append("position_id  ").Append(CliOutput.Format(e.PositionId)).Append('\n')
                .Append("data         ").Append(JsonSerializer.Serialize(e.Data, Indented).Replace("\n", "\n             ", StringComparison.Ordinal)).Append("\n\n");
        }

        return text.ToString();
    }

    // For reading on a console: '+' and non-ASCII stay as typed instead of \uXXXX escapes meant for HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions OneLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i])));

    /// <summary>The payload on one line without the spaces jsonb puts after ':' and ','.</summary>
    private static string Compact(JsonElement data) => JsonSerializer.Serialize(data, OneLine);

    private static string Fit(string line, int width)
    {
        var trimmed = line.TrimEnd();
        return trimmed.Length <= width ? trimmed : trimmed[..Math.Max(0, width - Ellipsis.Length)] + Ellipsis;
    }
}
