using System.Diagnostics;
using Npgsql;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// <c>optauto run</c> as a real process whose database goes away (a relay in front of the real Postgres is cut), then
/// SIGTERM, as systemd or Ctrl+C sends it: the worker must still exit within the host's shutdown timeout (30 s) rather
/// than wait for a database that is not coming back, and exit through the host's stop (code 0), not be cut off.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class WorkerShutdownProcessTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase? _db;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public async Task DatabaseDownThenSigterm_ExitsWithinTheShutdownTimeout()
    {
        var connection = new NpgsqlConnectionStringBuilder(_db!.ConnectionString);
        await using var relay = TcpRelay.To(connection.Port);
        connection.Port = relay.Port;
        var port = LoopbackPort.Free();
        using var optauto = new OptautoProcess(connection.ConnectionString, new Dictionary<string, string>
        {
            ["Service__Urls"] = $"http://127.0.0.1:{port}",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var worker = optauto.Start("run");
        try
        {
            await WorkerProcess.HealthyAsync(http, worker, optauto);
            relay.Cut();
            // Long enough for the scheduler and the periodic services to meet the dead connection.
            await Task.Delay(TimeSpan.FromSeconds(3));

            var signalled = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await worker.WaitForExitAsync(deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            Assert.True(worker.HasExited, $"optauto run still running {signalled.Elapsed.TotalSeconds:0} s after SIGTERM with its database down.{Environment.NewLine}{WorkerProcess.Tail(optauto)}");
            Assert.True(signalled.Elapsed < TimeSpan.FromSeconds(45), $"exited only after {signalled.Elapsed.TotalSeconds:0} s");
            // 0: the host stopped (abandoning the scheduler if it had to), not System.CommandLine's backstop (143).
            Assert.True(worker.ExitCode == 0, $"exit code {worker.ExitCode}.{Environment.NewLine}{WorkerProcess.Tail(optauto)}");
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }
        }
    }
}
