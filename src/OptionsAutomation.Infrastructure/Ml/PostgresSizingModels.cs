using System.Text.Json;
using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Ml;

/// <summary><c>sizing_models</c> (migration 0019): every trained model, versioned; none is overwritten.</summary>
public sealed class PostgresSizingModels(NpgsqlDataSource dataSource)
{
    static PostgresSizingModels() => DapperConventions.Apply();

    /// <summary>Stores a new model and returns its version.</summary>
    public async Task<int> AddAsync(DateTimeOffset trainedAt, DateOnly from, DateOnly to, int seed, IReadOnlyList<string> featureNames,
        MlModelMetrics metrics, byte[] model, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            INSERT INTO sizing_models (trained_at, from_date, to_date, seed, feature_names, metrics, model)
            VALUES (@trainedAt, @from, @to, @seed, @names, CAST(@metrics AS jsonb), @model)
            RETURNING version
            """,
            new { trainedAt = trainedAt.UtcDateTime, from, to, seed, names = featureNames.ToArray(), metrics = DomainJson.Serialize(metrics), model },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The newest version, or null when none was trained.</summary>
    public async Task<int?> NewestVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT max(version) FROM sizing_models", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<StoredSizingModel?> FindAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT version AS Version, trained_at AS TrainedAt, from_date AS FromDate, to_date AS ToDate, seed AS Seed,
                   feature_names AS FeatureNames, metrics::text AS Metrics, model AS Model
            FROM sizing_models WHERE version = @version
            """, new { version }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new StoredSizingModel(
            row.Version, new DateTimeOffset(DateTime.SpecifyKind(row.TrainedAt, DateTimeKind.Utc)), row.FromDate, row.ToDate, row.Seed, new ValueList<string>(row.FeatureNames), JsonSerializer.Deserialize<MlModelMetrics>(row.Metrics, DomainJson.Options)!, row.Model);
    }

    private sealed class Row
    {
        public int Version { get; init; }

        public DateTime TrainedAt { get; init; }

        public DateOnly FromDate { get; init; }

        public DateOnly ToDate { get; init; }

        public int Seed { get; init; }

        public string[] FeatureNames { get; init; } = [];

        public string Metrics { get; init; } = "";

        public byte[] Model { get; init; } = [];
    }
}
