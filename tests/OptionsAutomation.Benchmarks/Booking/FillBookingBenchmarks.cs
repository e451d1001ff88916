using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Benchmarks.Booking;

/// <summary>
/// Issue 15's "≥ 50k fills/s persisted", measured the way the product persists fills: each order's fills (here a put
/// vertical, two legs) in a trading-journal transaction of their own (<see cref="PostgresTradingJournal"/>, a
/// <see cref="FillsReceived"/> event and its commit), as every booking commits them with the order's move, the position
/// change, the audit rows and the alerts — a booking with only its fills is the floor of any booking. Against the floor of
/// persisting at all: one binary COPY of the same fills into the same <c>fills</c> table, one transaction. Figures are per
/// fill (<c>OperationsPerInvoke</c>): 20 µs is 50k fills/s. Each iteration books fresh fill ids, so every row is inserted
/// rather than skipped as a duplicate.
/// </summary>
[SingleCallJob(warmupCount: 1, iterationCount: 7)]
public class FillBookingBenchmarks
{
    private const int Orders = 500;
    private const int Fills = 2 * Orders;

    private static readonly DateTimeOffset FilledAt = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly OrderLeg[] Vertical =
    [
        new(new OptionContract("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 560m), OrderSide.SellToOpen, 1),
        new(new OptionContract("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 555m), OrderSide.BuyToOpen, 1),
    ];

    private NpgsqlDataSource _database = null!;
    private PostgresTradingJournal _journal = null!;
    private OrderState[] _orders = [];
    private int _iteration;

    /// <summary>A fresh database, and one order booked through the journal to check its two fills land as rows.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _database = await BenchDatabase.CreateAsync("bench_fill_booking");
        _journal = new PostgresTradingJournal(_database, NullLogger<PostgresTradingJournal>.Instance);
        _orders = [Filled("bench-check")];
        await BookEachOrder();
        await using var count = _database.CreateCommand("SELECT count(*) FROM fills WHERE client_order_id = 'bench-check'");
        if (await count.ExecuteScalarAsync() is not 2L)
        {
            throw new InvalidOperationException("the journal did not store the check order's two fills.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    /// <summary>The orders of the next call, with fill ids no call used before.</summary>
    [IterationSetup]
    public void NextOrders()
    {
        var iteration = ++_iteration;
        _orders = [.. Enumerable.Range(0, Orders).Select(i => Filled($"bench-{iteration}-{i}"))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Fills, Description = "floor: binary COPY of the fills into fills, one transaction")]
    public async Task<ulong> BareCopy()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        ulong rows;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY fills (broker_fill_id, broker_order_id, client_order_id, symbol, side, quantity, price, fees, filled_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var order in _orders)
            {
                foreach (var leg in order.Fills)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(leg.FillId, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(order.BrokerOrderId, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(order.ClientOrderId, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(leg.Leg.Contract.OccSymbol, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(leg.Leg.Buys ? "BUY" : "SELL", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(leg.Contracts, NpgsqlDbType.Integer);
                    await writer.WriteAsync(leg.Price, NpgsqlDbType.Numeric);
                    await writer.WriteAsync(leg.Fee, NpgsqlDbType.Numeric);
                    await writer.WriteAsync(order.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                }
            }

            rows = await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
        return rows == Fills ? rows : throw new InvalidOperationException($"copied {rows} fills, not {Fills}.");
    }

    [Benchmark(OperationsPerInvoke = Fills, Description = "journal: one transaction per order's fills, as bookings commit")]
    public async Task BookEachOrder()
    {
        foreach (var order in _orders)
        {
            await using var entry = await _journal.BeginAsync(CancellationToken.None);
            await entry.CommitAsync([new FillsReceived(order, null, null)], FilledAt, CancellationToken.None);
        }
    }

    private static OrderState Filled(string clientOrderId) =>
        new(clientOrderId, OrderStatus.Filled, 1, 1, 1.05m, 1.30m,
            new ValueList<LegFill>([new($"{clientOrderId}-1", Vertical[0], 1, 2.40m, 0.65m), new($"{clientOrderId}-2", Vertical[1], 1, 1.35m, 0.65m)]),
            $"broker-{clientOrderId}", null, FilledAt);
}
