using System.CommandLine;
using Npgsql;
using OptionsAutomation.Core.TradeJournal;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Fills;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Returns;

namespace OptionsAutomation.Cli;

/// <summary>
/// Runs a verb with its services and turns refusals into a message on stderr and exit code 1.
/// Unexpected failures also exit non-zero, with the detail in the log file.
/// </summary>
internal static class CliAction
{
    public const int Ok = 0;
    public const int Refused = 1;
    /// <summary>A verb that acts only with <c>--confirm</c> was run without it: it listed what it would do and changed nothing.</summary>
    public const int Unconfirmed = 2;
    public const int Failed = 3;

    public static void Set(Command command, IReadOnlyList<string> overrides, Func<CliServices, ParseResult, CancellationToken, Task<int>> action) =>
        Set(command, overrides, _ => null, action);

    /// <param name="defaults">The verb's own setting defaults, read from its arguments before the services are built.</param>
    public static void Set(Command command, IReadOnlyList<string> overrides, Func<ParseResult, IReadOnlyDictionary<string, string?>?> defaults,
        Func<CliServices, ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction((parseResult, cancellationToken) => Guard(async () =>
        {
            await using var services = CliServices.Create(overrides, defaults(parseResult));
            return await action(services, parseResult, cancellationToken).ConfigureAwait(false);
        }));

    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is TradingRuleException or PricingInputException or InvalidConfigurationException or MigrationException or FormatException or CliUsageException or FillsFileException
            or ReturnsFileException or JournalException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return Refused;
        }
        catch (NpgsqlException e)
        {
            await Console.Error.WriteLineAsync(
                $"error: database unavailable ({e.Message}). Start the private cluster with ./scripts/db.sh start " +
                "or set ConnectionStrings__Postgres.").ConfigureAwait(false);
            return Failed;
        }
    }
}

/// <summary>Option values that parse but cannot be used together or are out of range; reported like any refusal.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
