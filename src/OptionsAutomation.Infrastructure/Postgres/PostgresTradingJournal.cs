using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The trading journal in Postgres: each entry is one connection and one transaction.</summary>
public sealed class PostgresTradingJournal(NpgsqlDataSource dataSource, ILogger<PostgresTradingJournal> logger, RiskSettings? risk = null) : ITradingJournal
{
    private readonly RiskSettings _risk = risk ?? new RiskSettings();

    static PostgresTradingJournal() => DapperConventions.Apply();

    public async Task<ITradingEntry> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresTradingEntry(connection, transaction, _risk, logger);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
