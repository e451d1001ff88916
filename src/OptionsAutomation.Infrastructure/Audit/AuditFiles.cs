using System.Globalization;

namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>
/// The export directory: <c>audit-YYYY-MM-DD.jsonl</c> per UTC date of <c>occurred_at</c> (UTC, like every stored
/// instant: a date that never shifts with daylight saving or the reader's zone), lines in <c>event_id</c> order.
/// </summary>
internal static class AuditFiles
{
    public static string PathFor(string directory, DateTimeOffset occurredAt) =>
        Path.Combine(directory, $"audit-{occurredAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.jsonl");

    /// <summary>
    /// The exporter's position, derived from the files themselves so it can never disagree with them after a
    /// crash: the highest <c>event_id</c> on the last line of any file (0 when there is none). Every file is in
    /// id order, but an event dated before an earlier-exported one goes to an older file, so all last lines count,
    /// not only the newest file's. A line cut short by a crash is removed first (see <see cref="AuditFileTail"/>).
    /// </summary>
    public static long LastExportedId(string directory) =>
        Directory.EnumerateFiles(directory, "audit-*.jsonl")
            .Select(path => AuditFileTail.LastEventId(path) ?? 0L)
            .DefaultIfEmpty(0L)
            .Max();
}
