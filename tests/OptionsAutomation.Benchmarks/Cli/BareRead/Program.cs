using Dapper;
using Npgsql;

await using var dataSource = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")!);
await using var connection = await dataSource.OpenConnectionAsync();
var rows = await connection.QueryAsync<(long Id, string Ticker, decimal EntryPrice)>(
    "SELECT position_id, ticker, entry_price FROM positions ORDER BY position_id");
Console.WriteLine($"{rows.Count()} position(s)");
