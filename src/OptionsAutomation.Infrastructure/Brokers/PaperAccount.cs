using Dapper;
using Npgsql;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// The paper account's equity: the starting equity plus every realized P&amp;L booked in trade_history.
/// Open positions are valued at cost (their credit is already cash in a real account and owed back on
/// close), which keeps sizing from growing on unrealized gains.
/// </summary>
public sealed class PaperAccount(NpgsqlDataSource dataSource, PaperBrokerSettings settings) : IAccountEquity
{
    public async Task<decimal?> GetEquityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var realized = await connection.ExecuteScalarAsync<decimal>(new CommandDefinition(
            "SELECT coalesce(sum(pnl_realized), 0) FROM trade_history", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return settings.StartingEquity + realized;
    }
}
