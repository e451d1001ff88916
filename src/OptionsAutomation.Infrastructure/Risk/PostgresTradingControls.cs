using Dapper;
using Npgsql;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Risk;

/// <summary>Reads the trading state and the circuit breaker in <c>trading_controls</c> (changed through the trading journal).</summary>
public sealed class PostgresTradingControls(NpgsqlDataSource dataSource) : ITradingControlsReader
{
    static PostgresTradingControls() => DapperConventions.Apply();

    public async Task<TradingControls> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<TradingControlsRow>(new CommandDefinition(
            $"SELECT {TradingControlsRow.Columns} FROM trading_controls WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.ToDomain();
    }
}
