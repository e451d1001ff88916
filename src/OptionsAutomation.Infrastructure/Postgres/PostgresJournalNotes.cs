using System.Globalization;
using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.TradeJournal;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// The trade journal in Postgres (journal_entries, journal_entry_versions). A note and its audit row commit in one
/// transaction; an edit appends a version under a lock on its entry, so two edits at once get versions n and n + 1 and
/// neither is lost.
/// </summary>
public sealed class PostgresJournalNotes(NpgsqlDataSource dataSource)
{
    static PostgresJournalNotes() => DapperConventions.Apply();

    /// <summary>
    /// Writes a note on <paramref name="target"/>: a position id (digits) or a proposal's request id. A note on an
    /// executed proposal also names its position, and a note on a position also names the proposal it came from.
    /// </summary>
    /// <exception cref="JournalSubjectNotFoundException">when no such position or proposal exists.</exception>
    public async Task<JournalEntry> AddAsync(string target, JournalNote note, string actor, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var subject = await SubjectAsync(connection, transaction, target, cancellationToken).ConfigureAwait(false)
            ?? throw new JournalSubjectNotFoundException($"no position or proposal '{target}' to write a note on.");
        var phase = JournalPhases.For(subject.Status is { } status ? DomainCodes.Parse<PositionStatus>(status) : null);
        var entryId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO journal_entries (request_id, position_id, phase, source, created_at, created_by)
            VALUES (@RequestId, @PositionId, @Phase, @Source, @Now, @Actor) RETURNING entry_id
            """,
            new { subject.RequestId, subject.PositionId, Phase = phase.ToCode(), Source = source, Now = now.UtcDateTime, Actor = actor },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AppendVersionAsync(connection, transaction, entryId, 1, note, actor, now, cancellationToken).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "journal_note_added", "journal_entry", entryId.ToString(CultureInfo.InvariantCulture),
            subject.RequestId, subject.PositionId, new { phase = phase.ToCode(), source, note.Text, note.Sentiment })).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await FindAsync(entryId, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Appends a version to an entry; the earlier ones stay.</summary>
    /// <exception cref="JournalSubjectNotFoundException">when the entry does not exist.</exception>
    public async Task<JournalEntry> EditAsync(long entryId, JournalNote note, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var entry = await connection.QuerySingleOrDefaultAsync<EntryRow>(new CommandDefinition(
            "SELECT entry_id, request_id, position_id FROM journal_entries WHERE entry_id = @entryId FOR UPDATE",
            new { entryId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new JournalSubjectNotFoundException($"no journal entry {entryId}.");
        var previous = await connection.QuerySingleAsync<VersionRow>(new CommandDefinition(
            "SELECT version, text, sentiment FROM journal_entry_versions WHERE entry_id = @entryId ORDER BY version DESC LIMIT 1",
            new { entryId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AppendVersionAsync(connection, transaction, entryId, previous.Version + 1, note, actor, now, cancellationToken).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "journal_note_edited", "journal_entry", entryId.ToString(CultureInfo.InvariantCulture),
            entry.RequestId, entry.PositionId, new
            {
                version = previous.Version + 1, note.Text, note.Sentiment, previous_text = previous.Text, previous_sentiment = previous.Sentiment,
            })).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await FindAsync(entryId, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<JournalEntry?> FindAsync(long entryId, CancellationToken cancellationToken) =>
        (await ReadAsync("e.entry_id = @EntryId", new { EntryId = entryId }, 1, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>
    /// Entries newest first: of one position (its own and its proposal's notes) and/or whose text — in any version —
    /// matches <paramref name="search"/> (web-search syntax: words, "a phrase", -excluded, or).
    /// </summary>
    public Task<IReadOnlyList<JournalEntry>> ListAsync(long? positionId, string? search, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            """
            (@PositionId::bigint IS NULL OR e.position_id = @PositionId
                 OR e.request_id = (SELECT request_id FROM positions WHERE position_id = @PositionId))
            AND (@Search::text IS NULL OR EXISTS (
                 SELECT 1 FROM journal_entry_versions v
                 WHERE v.entry_id = e.entry_id AND to_tsvector('english', v.text) @@ websearch_to_tsquery('english', @Search)))
            """,
            new { PositionId = positionId, Search = string.IsNullOrWhiteSpace(search) ? null : search },
            limit,
            cancellationToken);

    private async Task<IReadOnlyList<JournalEntry>> ReadAsync(string where, object parameters, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var entries = (await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"""
            SELECT e.entry_id, e.request_id, e.position_id, e.phase, e.source, e.created_at, e.created_by
            FROM journal_entries e WHERE {where} ORDER BY e.entry_id DESC LIMIT @Limit
            """,
            WithLimit(parameters, limit), cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var versions = (await connection.QueryAsync<VersionRow>(new CommandDefinition(
            "SELECT entry_id, version, text, sentiment, written_at, written_by FROM journal_entry_versions WHERE entry_id = ANY(@Ids) ORDER BY entry_id, version",
            new { Ids = entries.Select(e => e.EntryId).ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToLookup(v => v.EntryId);
        return [.. entries.Select(e => e.ToEntry(versions[e.EntryId]))];
    }

    private static DynamicParameters WithLimit(object parameters, int limit)
    {
        var all = new DynamicParameters(parameters);
        all.Add("Limit", limit);
        return all;
    }

    private static Task AppendVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long entryId, int version, JournalNote note, string actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO journal_entry_versions (entry_id, version, text, sentiment, written_at, written_by)
            VALUES (@entryId, @version, @Text, @Sentiment, @Now, @actor)
            """,
            new { entryId, version, note.Text, note.Sentiment, Now = now.UtcDateTime, actor }, transaction, cancellationToken: cancellationToken));

    /// <summary>The position or proposal a note is written on, with the other side of the link when there is one.</summary>
    private static Task<SubjectRow?> SubjectAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string target, CancellationToken cancellationToken)
    {
        var sql = long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            // A position added by hand has a request id no proposal carries: the note then names the position alone.
            ? """
              SELECT p.position_id, r.request_id, p.status
              FROM positions p LEFT JOIN trade_requests r ON r.request_id = p.request_id
              WHERE p.position_id = @Target::bigint
              """
            : """
              SELECT p.position_id, r.request_id, p.status
              FROM trade_requests r LEFT JOIN positions p ON p.position_id = r.position_id
              WHERE r.request_id = @Target
              """;
        return connection.QuerySingleOrDefaultAsync<SubjectRow>(new CommandDefinition(sql, new { Target = target }, transaction, cancellationToken: cancellationToken));
    }

    private sealed class SubjectRow
    {
        public long? PositionId { get; set; }

        public string? RequestId { get; set; }

        public string? Status { get; set; }
    }

    private sealed class EntryRow
    {
        public long EntryId { get; set; }

        public string? RequestId { get; set; }

        public long? PositionId { get; set; }

        public string Phase { get; set; } = "";

        public string Source { get; set; } = "";

        public DateTime CreatedAt { get; set; }

        public string CreatedBy { get; set; } = "";

        public JournalEntry ToEntry(IEnumerable<VersionRow> versions) => new(
            EntryId, RequestId, PositionId, DomainCodes.Parse<JournalPhase>(Phase), Source,
            new DateTimeOffset(CreatedAt, TimeSpan.Zero), CreatedBy, [.. versions.Select(v => v.ToVersion())]);
    }

    private sealed class VersionRow
    {
        public long EntryId { get; set; }

        public int Version { get; set; }

        public string Text { get; set; } = "";

        public string? Sentiment { get; set; }

        public DateTime WrittenAt { get; set; }

        public string WrittenBy { get; set; } = "";

        public JournalVersion ToVersion() => new(Version, Text, Sentiment, new DateTimeOffset(WrittenAt, TimeSpan.Zero), WrittenBy);
    }
}
