using System.Text.Json;
using Dapper;
using Npgsql;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Risk;

/// <summary>
/// Reads parts of <c>risk_snapshots.report</c> (the report as <see cref="DomainJson"/> wrote it). Only the needed keys
/// leave the database: a month of minute snapshots is about 12,000 reports.
/// </summary>
public sealed class PostgresRiskHistory(NpgsqlDataSource dataSource) : IRiskHistory
{
    static PostgresRiskHistory() => DapperConventions.Apply();

    public async Task<IReadOnlyList<RiskSnapshotPositions>> PositionsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(DateTime TakenAt, string? Positions)>(new CommandDefinition(
            """
            SELECT taken_at, report->'positions' FROM risk_snapshots
            WHERE (@From::timestamptz IS NULL OR taken_at >= @From) AND (@To::timestamptz IS NULL OR taken_at < @To)
            ORDER BY taken_at, snapshot_id
            """,
            new { From = from?.ToUniversalTime(), To = to?.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new RiskSnapshotPositions(
            new DateTimeOffset(r.TakenAt, TimeSpan.Zero),
            Read<PositionRisk[]>(r.Positions) ?? []))];
    }

    public async Task<PreviousSnapshot?> LatestBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(DateTime TakenAt, decimal Equity, string? Underlyings, string? Correlation)?>(new CommandDefinition(
            """
            SELECT taken_at, equity, report->'underlyings', report->'correlation' FROM risk_snapshots
            WHERE taken_at < @Before ORDER BY taken_at DESC, snapshot_id DESC LIMIT 1
            """,
            new { Before = before.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is not { } r ? null : new PreviousSnapshot(r.Equity, new CorrelationSnapshot(
            new DateTimeOffset(r.TakenAt, TimeSpan.Zero),
            Read<string[]>(r.Underlyings) ?? [],
            Read<decimal[][]>(r.Correlation) ?? []));
    }

    public async Task<PortfolioRiskReport?> LatestReportAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var report = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT report FROM risk_snapshots ORDER BY taken_at DESC, snapshot_id DESC LIMIT 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return Read<PortfolioRiskReport>(report);
    }

    /// <summary>A key the stored report lacks (a row written before it existed) reads as null.</summary>
    private static T? Read<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, DomainJson.Options);
}
