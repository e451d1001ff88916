using System.Diagnostics;
using System.Globalization;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// <c>optauto run</c> on a private Postgres cluster of its own (scripts/db.sh, as scripts/run.sh starts one), the
/// cluster stopped while the worker runs, then Ctrl+C (SIGINT): the worker must exit promptly through the host's stop
/// (code 0) — its periodic services and the scheduler must not keep retrying a database that is gone.
/// </summary>
[Trait("Category", "Cli")]
public sealed class WorkerStoppedClusterProcessTests : IAsyncLifetime
{
    /// <summary>Well under the host's 30 s shutdown timeout: stopping must not wait for the database at all.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(15);

    private readonly string _clusterDirectory = Path.Combine(Path.GetTempPath(), $"optauto-pg-stop-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _cluster = [];

    public Task InitializeAsync()
    {
        _cluster["OPTAUTO_PG_DIR"] = _clusterDirectory;
        _cluster["OPTAUTO_PG_PORT"] = FreePortBelowEphemeral().ToString(CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await DbAsync("stop");
        Directory.Delete(_clusterDirectory, recursive: true);
    }

    [Fact]
    public async Task ClusterStoppedThenSigint_ExitsWithinFifteenSeconds()
    {
        Assert.Equal(0, (await DbAsync("start")).ExitCode);
        var port = LoopbackPort.Free();
        using var optauto = new OptautoProcess((await DbAsync("url", "optauto_app")).Stdout.Trim(), new Dictionary<string, string>
        {
            ["ConnectionStrings__PostgresOwner"] = (await DbAsync("url", "optauto_owner")).Stdout.Trim(),
            ["Service__Urls"] = $"http://127.0.0.1:{port}",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var worker = optauto.Start("run");
        try
        {
            await WorkerProcess.HealthyAsync(http, worker, optauto);
            var stopped = await DbAsync("stop");
            Assert.True(stopped.ExitCode == 0, stopped.Stderr);
            await Task.Delay(TimeSpan.FromSeconds(3));

            var signalled = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-INT", worker.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await worker.WaitForExitAsync(deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            Assert.True(worker.HasExited, $"optauto run still running {signalled.Elapsed.TotalSeconds:0} s after SIGINT with its cluster stopped.{Environment.NewLine}{WorkerProcess.Tail(optauto)}");
            Assert.True(signalled.Elapsed < ExitBound, $"exited only {signalled.Elapsed.TotalSeconds:0.0} s after SIGINT.{Environment.NewLine}{WorkerProcess.Tail(optauto)}");
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

    private Task<ProcessResult> DbAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Path.Combine(RepositoryRoot.Path, "scripts", "db.sh"), arguments, _cluster, TimeSpan.FromMinutes(3));

    /// <summary>
    /// A free loopback port below the ephemeral range (PostgresConnection says why: a client retrying a stopped server
    /// on an ephemeral port can be handed that port and connect to itself).
    /// </summary>
    private static int FreePortBelowEphemeral()
    {
        for (var port = Random.Shared.Next(20_000, 30_000); ; port = Random.Shared.Next(20_000, 30_000))
        {
            try
            {
                var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // taken: try another
            }
        }
    }
}
