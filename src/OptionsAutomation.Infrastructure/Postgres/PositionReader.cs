using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Many positions (<see cref="PositionRow.Columns"/>) read as they stream in: each column by its ordinal, looked up once
/// per statement, instead of Dapper's buffered per-row mapping; and each distinct legs document parsed once per read, as
/// a book holds many positions in the same contracts (their legs are immutable values, so sharing them is safe).
/// </summary>
internal static class PositionReader
{
    public static async Task<List<Position>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var positions = new List<Position>();
        var legs = new Dictionary<string, ValueList<OptionLeg>>(StringComparer.Ordinal);
        var c = new Ordinals(reader);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = c.Read(reader);
            if (!legs.TryGetValue(row.Legs, out var parsed))
            {
                parsed = PositionRow.ParseLegs(row.Legs);
                legs.Add(row.Legs, parsed);
            }

            positions.Add(row.ToDomain(parsed));
        }

        return positions;
    }

    private sealed class Ordinals(NpgsqlDataReader r)
    {
        private readonly int _positionId = r.GetOrdinal("position_id"), _requestId = r.GetOrdinal("request_id"), _ticker = r.GetOrdinal("ticker"),
            _strategyType = r.GetOrdinal("strategy_type"), _status = r.GetOrdinal("status"), _entryDate = r.GetOrdinal("entry_date"),
            _entryPrice = r.GetOrdinal("entry_price"), _quantity = r.GetOrdinal("quantity"), _exitDate = r.GetOrdinal("exit_date"),
            _exitPrice = r.GetOrdinal("exit_price"), _exitReason = r.GetOrdinal("exit_reason"), _unrealizedPnl = r.GetOrdinal("unrealized_pnl"),
            _realizedPnl = r.GetOrdinal("realized_pnl"), _pnlPercent = r.GetOrdinal("pnl_percent"), _stopLoss = r.GetOrdinal("stop_loss"),
            _profitTarget = r.GetOrdinal("profit_target"), _daysHeld = r.GetOrdinal("days_held"), _legs = r.GetOrdinal("legs"),
            _notes = r.GetOrdinal("notes"), _lastUpdated = r.GetOrdinal("last_updated"), _expiration = r.GetOrdinal("expiration"),
            _shortStrike = r.GetOrdinal("short_strike"), _longStrike = r.GetOrdinal("long_strike"), _multiplier = r.GetOrdinal("multiplier"),
            _markPrice = r.GetOrdinal("mark_price"), _markedAt = r.GetOrdinal("marked_at"), _fees = r.GetOrdinal("fees"),
            _maxLoss = r.GetOrdinal("max_loss"), _collateral = r.GetOrdinal("collateral"), _markStatus = r.GetOrdinal("mark_status"),
            _markProblem = r.GetOrdinal("mark_problem"), _mae = r.GetOrdinal("mae"), _mfe = r.GetOrdinal("mfe"),
            _stopBreaches = r.GetOrdinal("stop_breaches"), _delta = r.GetOrdinal("delta"), _gamma = r.GetOrdinal("gamma"),
            _theta = r.GetOrdinal("theta"), _vega = r.GetOrdinal("vega"), _closedQuantity = r.GetOrdinal("closed_quantity"),
            _scaledOut = r.GetOrdinal("scaled_out"), _scalesPositionId = r.GetOrdinal("scales_position_id");

        public PositionRow Read(NpgsqlDataReader r) => new()
        {
            PositionId = r.GetInt64(_positionId),
            RequestId = r.GetString(_requestId),
            Ticker = r.GetString(_ticker),
            StrategyType = r.GetString(_strategyType),
            Status = r.GetString(_status),
            EntryDate = r.GetDateTime(_entryDate),
            EntryPrice = r.GetDecimal(_entryPrice),
            Quantity = r.GetInt32(_quantity),
            ExitDate = Nullable<DateTime>(r, _exitDate),
            ExitPrice = Nullable<decimal>(r, _exitPrice),
            ExitReason = Text(r, _exitReason),
            UnrealizedPnl = Nullable<decimal>(r, _unrealizedPnl),
            RealizedPnl = Nullable<decimal>(r, _realizedPnl),
            PnlPercent = Nullable<decimal>(r, _pnlPercent),
            StopLoss = r.GetDecimal(_stopLoss),
            ProfitTarget = r.GetDecimal(_profitTarget),
            DaysHeld = Nullable<int>(r, _daysHeld),
            Legs = r.GetString(_legs),
            Notes = Text(r, _notes),
            LastUpdated = r.GetDateTime(_lastUpdated),
            Expiration = Nullable<DateTime>(r, _expiration),
            ShortStrike = Nullable<decimal>(r, _shortStrike),
            LongStrike = Nullable<decimal>(r, _longStrike),
            Multiplier = r.GetInt32(_multiplier),
            MarkPrice = Nullable<decimal>(r, _markPrice),
            MarkedAt = Nullable<DateTime>(r, _markedAt),
            Fees = r.GetDecimal(_fees),
            MaxLoss = r.GetDecimal(_maxLoss),
            Collateral = r.GetDecimal(_collateral),
            MarkStatus = Text(r, _markStatus),
            MarkProblem = Text(r, _markProblem),
            Mae = Nullable<decimal>(r, _mae),
            Mfe = Nullable<decimal>(r, _mfe),
            StopBreaches = r.GetInt32(_stopBreaches),
            Delta = Nullable<decimal>(r, _delta),
            Gamma = Nullable<decimal>(r, _gamma),
            Theta = Nullable<decimal>(r, _theta),
            Vega = Nullable<decimal>(r, _vega),
            ClosedQuantity = r.GetInt32(_closedQuantity),
            ScaledOut = r.GetBoolean(_scaledOut),
            ScalesPositionId = Nullable<long>(r, _scalesPositionId),
        };

        private static T? Nullable<T>(NpgsqlDataReader r, int ordinal)
            where T : struct => r.IsDBNull(ordinal) ? null : r.GetFieldValue<T>(ordinal);

        private static string? Text(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
    }
}
