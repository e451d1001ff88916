using System.Diagnostics;
using OptionsAutomation.Integration.Tests.Cli;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>Waiting on and reporting an <c>optauto run</c> process started by a test.</summary>
internal static class WorkerProcess
{
    public static async Task HealthyAsync(HttpClient http, Process worker, OptautoProcess optauto)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            Assert.False(worker.HasExited, $"optauto run exited with {(worker.HasExited ? worker.ExitCode : 0)}.{Environment.NewLine}{Tail(optauto)}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }

        throw new TimeoutException($"/health never answered 200.{Environment.NewLine}{Tail(optauto)}");
    }

    public static string Tail(OptautoProcess optauto) =>
        string.Join(Environment.NewLine, optauto.StartedStderr.Split('\n').Where(l => !l.StartsWith("   at ", StringComparison.Ordinal)).TakeLast(30));
}
