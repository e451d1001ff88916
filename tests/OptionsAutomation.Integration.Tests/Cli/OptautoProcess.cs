using System.Text.Json;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// Runs the built <c>optauto.dll</c> (copied next to the tests) as a real process against one test
/// database. Its working directory and its Serilog file live in a temp directory of their own, so
/// nothing lands in the checkout; the directory is deleted on dispose.
/// </summary>
internal sealed class OptautoProcess : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, string> _environment;

    /// <param name="environment">More variables for every run (settings as <c>Section__Key</c>); they win over the defaults here.</param>
    public OptautoProcess(string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        WorkDirectory = Directory.CreateTempSubdirectory("optauto-cli-").FullName;
        _environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Serilog__WriteTo__File__Args__path"] = Path.Combine(WorkDirectory, "logs", "optauto-.json"),
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            _environment[name] = value;
        }
    }

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "optauto.dll");

    public string WorkDirectory { get; }

    /// <summary>The dotnet host running the tests (set by the SDK), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var result = await ProcessRunner.RunAsync(DotnetHost, [DllPath, .. args], _environment, Timeout, WorkDirectory);
        return new CliResult(args, result.ExitCode, result.Stdout, result.Stderr);
    }

    /// <summary>The standard error of the runs started with <see cref="Start"/>, for failure messages.</summary>
    public string StartedStderr => string.Join(Environment.NewLine, _stderr);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stderr = new();

    /// <summary>The standard output of the runs started with <see cref="Start"/>, line by line.</summary>
    public IReadOnlyCollection<string> StartedStdout => _stdout;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stdout = new();

    /// <summary>
    /// Waits until a run started with <see cref="Start"/> has written <paramref name="text"/> to its log file (so a signal
    /// lands after start-up, whatever the machine's load), failing if it ends first or takes over a minute.
    /// </summary>
    public async Task WaitUntilLoggedAsync(System.Diagnostics.Process process, string text)
    {
        var logs = Path.Combine(WorkDirectory, "logs");
        for (var deadline = DateTimeOffset.UtcNow.AddSeconds(60); !Logged(logs, text); await Task.Delay(TimeSpan.FromMilliseconds(20)))
        {
            Assert.False(process.HasExited, $"the run ended before logging '{text}' (exit {(process.HasExited ? process.ExitCode : 0)}).{Environment.NewLine}{StartedStderr}");
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the run did not log '{text}' within 60 s");
        }
    }

    private static bool Logged(string logs, string text) =>
        Directory.Exists(logs) && Directory.GetFiles(logs).Any(path =>
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
        });

    /// <summary>Sends SIGINT (what Ctrl+C sends) to a started run and waits at most 30 s for it to exit.</summary>
    public static async Task InterruptAsync(System.Diagnostics.Process process)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Starts a run without waiting for it (to stop it midway); stdout kept in <see cref="StartedStdout"/>, stderr in <see cref="StartedStderr"/>.</summary>
    public System.Diagnostics.Process Start(params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = WorkDirectory,
        };
        foreach (var argument in new[] { DllPath }.Concat(args))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("could not start optauto");
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _stdout.Enqueue(line.Data);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _stderr.Enqueue(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a log file still held open; the temp directory is cleaned by the OS eventually
        }
        catch (UnauthorizedAccessException)
        {
            // same
        }
    }
}

/// <summary>What one <c>optauto</c> run printed, with assertions that show the whole run when they fail.</summary>
internal sealed record CliResult(IReadOnlyList<string> Args, int ExitCode, string Stdout, string Stderr)
{
    public const int Refused = 1;

    public CliResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"expected exit code 0.{Environment.NewLine}{this}");
        return this;
    }

    public CliResult WasRefused()
    {
        Assert.True(ExitCode == Refused, $"expected exit code {Refused} (refused).{Environment.NewLine}{this}");
        return this;
    }

    /// <summary>stdout parsed as JSON (a standalone copy, so no document needs disposing).</summary>
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Stdout);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"stdout is not JSON ({e.Message}).{Environment.NewLine}{this}", e);
        }
    }

    public override string ToString() =>
        $"optauto {string.Join(' ', Args)} -> exit {ExitCode}{Environment.NewLine}" +
        $"--- stdout ---{Environment.NewLine}{Stdout}{Environment.NewLine}--- stderr ---{Environment.NewLine}{Stderr}";
}

/// <summary>Reads the snake_case JSON the CLI prints; numbers are compared as decimals.</summary>
internal static class CliJson
{
    public static decimal Dec(this JsonElement element, string name) => element.GetProperty(name).GetDecimal();

    public static long Int(this JsonElement element, string name) => element.GetProperty(name).GetInt64();

    public static string? Str(this JsonElement element, string name) => element.GetProperty(name).GetString();

    public static DateTimeOffset Instant(this JsonElement element, string name) => element.GetProperty(name).GetDateTimeOffset();

    public static bool IsNull(this JsonElement element, string name) => element.GetProperty(name).ValueKind == JsonValueKind.Null;

    public static JsonElement[] Items(this JsonElement element)
    {
        Assert.Equal(JsonValueKind.Array, element.ValueKind);
        return [.. element.EnumerateArray()];
    }
}
