using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Risk;

/// <summary><c>risk_snapshots</c> and <c>risk_limit_states</c> (migration 0008), with the crossing alerts in the outbox.</summary>
public sealed class PostgresRiskMonitorStore(NpgsqlDataSource dataSource) : IRiskMonitorStore
{
    static PostgresRiskMonitorStore() => DapperConventions.Apply();

    public async Task<IReadOnlyList<LimitCrossing>> RecordAsync(
        PortfolioRiskReport report, DateTimeOffset keepFrom, Func<IReadOnlyList<LimitCrossing>, Task> beforeCommit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(beforeCommit);
        var at = report.AsOf.ToUniversalTime();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two checks reading the same old states (a second worker, a manual run) would both alert the same crossing.
        await Run("SELECT pg_advisory_xact_lock(hashtextextended('risk-limit-states', 0))", null).ConfigureAwait(false);
        await Run(InsertSnapshot, SnapshotRow(report)).ConfigureAwait(false);
        await Run("DELETE FROM risk_snapshots WHERE taken_at < @KeepFrom", new { KeepFrom = keepFrom.ToUniversalTime() }).ConfigureAwait(false);

        var previous = (await connection.QueryAsync<(string Key, string State)>(new CommandDefinition(
                "SELECT limit_key, state FROM risk_limit_states", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Key, r => DomainCodes.Parse<LimitState>(r.State), StringComparer.Ordinal);
        var crossings = LimitCrossings.Between(previous, report.Limits);
        foreach (var reading in report.Limits)
        {
            await Run(UpsertState, new
            {
                reading.Name, State = reading.State.ToCode(), reading.Value, reading.Limit, reading.Unit, At = at,
            }).ConfigureAwait(false);
        }

        foreach (var crossing in crossings)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(at, RiskMonitor.Actor, "risk.limit_crossed", "risk_limit", crossing.Name, null, null,
                new { from = crossing.From, to = crossing.To, reading = crossing.Reading })).ConfigureAwait(false);
            await OutboxWriter.EnqueueAsync(transaction, RiskAlerts.For(crossing, at), at).ConfigureAwait(false);
        }

        await beforeCommit(crossings).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return crossings;

        Task Run(string sql, object? parameters) =>
            connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    private const string InsertSnapshot =
        """
        INSERT INTO risk_snapshots (taken_at, equity, positions, exposure_total, exposure_collateral, exposure_max_loss,
            delta_dollars, beta_weighted_delta_dollars, gamma_dollars, theta_dollars, vega_dollars, var_confidence,
            var_historical, cvar_historical, var_parametric, cvar_parametric, var_monte_carlo, cvar_monte_carlo,
            drawdown_current, drawdown_max, report)
        VALUES (@TakenAt, @Equity, @Positions, @ExposureTotal, @ExposureCollateral, @ExposureMaxLoss,
            @DeltaDollars, @BetaWeightedDeltaDollars, @GammaDollars, @ThetaDollars, @VegaDollars, @VarConfidence,
            @VarHistorical, @CvarHistorical, @VarParametric, @CvarParametric, @VarMonteCarlo, @CvarMonteCarlo,
            @DrawdownCurrent, @DrawdownMax, CAST(@Report AS jsonb))
        """;

    // changed_at moves only when the state does: it is when the limit entered its current state.
    private const string UpsertState =
        """
        INSERT INTO risk_limit_states (limit_key, state, value, threshold, unit, changed_at, checked_at)
        VALUES (@Name, @State, @Value, @Limit, @Unit, @At, @At)
        ON CONFLICT (limit_key) DO UPDATE SET
            state = EXCLUDED.state, value = EXCLUDED.value, threshold = EXCLUDED.threshold, unit = EXCLUDED.unit,
            changed_at = CASE WHEN risk_limit_states.state = EXCLUDED.state THEN risk_limit_states.changed_at ELSE EXCLUDED.changed_at END,
            checked_at = EXCLUDED.checked_at
        """;

    private static object SnapshotRow(PortfolioRiskReport r) => new
    {
        TakenAt = r.AsOf.ToUniversalTime(),
        r.Equity,
        Positions = r.Positions.Count,
        ExposureTotal = r.Exposure.Total,
        ExposureCollateral = r.Exposure.Collateral,
        ExposureMaxLoss = r.Exposure.MaxLoss,
        r.Greeks.DeltaDollars,
        r.Exposure.BetaWeightedDeltaDollars,
        r.Greeks.GammaDollars,
        r.Greeks.ThetaDollars,
        r.Greeks.VegaDollars,
        VarConfidence = r.Var.Confidence,
        VarHistorical = r.Var.Historical?.Var,
        CvarHistorical = r.Var.Historical?.Cvar,
        VarParametric = r.Var.Parametric?.Var,
        CvarParametric = r.Var.Parametric?.Cvar,
        VarMonteCarlo = r.Var.MonteCarlo?.Var,
        CvarMonteCarlo = r.Var.MonteCarlo?.Cvar,
        DrawdownCurrent = r.Drawdown.Current,
        DrawdownMax = r.Drawdown.Maximum,
        Report = DomainJson.Serialize(r),
    };
}
