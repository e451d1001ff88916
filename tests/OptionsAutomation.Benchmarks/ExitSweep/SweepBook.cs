using Npgsql;
using NpgsqlTypes;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;

namespace OptionsAutomation.Benchmarks.ExitSweep;

/// <summary>
/// The book the pipeline benchmarks sweep: cash-secured puts on SPY, QQQ and IWM, 3–15% below the spot, more than 21
/// days out, sold at the synthetic market's mid of the sweep minute — so the exit rules HOLD every one and a sweep can be
/// repeated. Written with one binary COPY.
/// </summary>
internal static class SweepBook
{
    /// <summary>Friday 2026-02-20 10:00 New York, seven weeks after the synthetic origin.</summary>
    public static readonly DateTimeOffset SweepMinute = new(2026, 2, 20, 15, 0, 0, TimeSpan.Zero);

    public static SyntheticMarketData Market() => new(new SyntheticMarketDataSettings());

    public static async Task SeedAsync(NpgsqlDataSource database, int positions)
    {
        var contracts = await ContractsAsync(Market());
        await using var connection = await database.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY positions (request_id, ticker, strategy_type, status, entry_date, entry_price, quantity, stop_loss, profit_target, " +
            "days_held, legs, last_updated, expiration, short_strike, multiplier, fees, max_loss, collateral) FROM STDIN (FORMAT BINARY)"))
        {
            await WriteRowsAsync(writer, contracts, positions);
            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE positions", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task WriteRowsAsync(NpgsqlBinaryImporter writer, List<(OptionContract Contract, decimal Credit)> contracts, int positions)
    {
        var entered = SweepMinute.AddDays(-7).UtcDateTime;
        for (var i = 0; i < positions; i++)
        {
            var (contract, credit) = contracts[i % contracts.Count];
            await writer.StartRowAsync();
            await writer.WriteAsync($"bench-{i}", NpgsqlDbType.Varchar);
            await writer.WriteAsync(contract.Underlying, NpgsqlDbType.Varchar);
            await writer.WriteAsync("CSP", NpgsqlDbType.Varchar);
            await writer.WriteAsync("OPEN", NpgsqlDbType.Varchar);
            await writer.WriteAsync(entered, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(credit, NpgsqlDbType.Numeric);
            await writer.WriteAsync(1, NpgsqlDbType.Integer);
            await writer.WriteAsync(credit * 200m, NpgsqlDbType.Numeric);
            await writer.WriteAsync(credit * 50m, NpgsqlDbType.Numeric);
            await writer.WriteAsync(0, NpgsqlDbType.Integer);
            await writer.WriteAsync(DomainJson.Serialize(new[] { new OptionLeg(contract, LegSide.Short) }), NpgsqlDbType.Jsonb);
            await writer.WriteAsync(entered, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(contract.Expiration.ToDateTime(TimeOnly.MinValue), NpgsqlDbType.Date);
            await writer.WriteAsync(contract.Strike, NpgsqlDbType.Numeric);
            await writer.WriteAsync(100, NpgsqlDbType.Integer);
            await writer.WriteAsync(0m, NpgsqlDbType.Numeric);
            await writer.WriteAsync((contract.Strike - credit) * 100m, NpgsqlDbType.Numeric);
            await writer.WriteAsync(contract.Strike * 100m, NpgsqlDbType.Numeric);
        }
    }

    /// <summary>The puts a position may hold, each with its mid at the sweep minute (the credit it was sold for).</summary>
    private static async Task<List<(OptionContract Contract, decimal Credit)>> ContractsAsync(IMarketData market)
    {
        var contracts = new List<(OptionContract, decimal)>();
        foreach (var symbol in new[] { "SPY", "QQQ", "IWM" })
        {
            var chain = await market.GetChainAsync(symbol, SweepMinute, CancellationToken.None)
                ?? throw new InvalidOperationException($"no synthetic chain for {symbol}");
            var spot = chain.UnderlyingPrice;
            contracts.AddRange(chain.Quotes
                .Where(q => q.Contract.Right == OptionRight.Put && q.Contract.Expiration.DayNumber - DateOnly.FromDateTime(SweepMinute.UtcDateTime).DayNumber > 28
                    && q.Contract.Strike >= spot * 0.85m && q.Contract.Strike <= spot * 0.97m && q is { Bid: > 0.10m, Mid: not null })
                .Select(q => (q.Contract, Math.Round(q.Mid!.Value, 2))));
        }

        return contracts.Count > 0 ? contracts : throw new InvalidOperationException("the synthetic chains offer no put to seed");
    }
}
