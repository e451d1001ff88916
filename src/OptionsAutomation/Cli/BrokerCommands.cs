using System.CommandLine;
using Microsoft.Extensions.Configuration;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto broker login|status|reconcile</c>: link a TradeStation account, see what the worker trades through and
/// compare the broker's positions with ours. Each
/// subcommand is a method returning its <see cref="Command"/>; <see cref="Create"/> lists them, so another verb is one
/// more line there. Neither prints a token.
/// </summary>
internal static class BrokerCommands
{
    public static Command Create(IReadOnlyList<string> overrides) => new("broker", "The broker the worker trades through (Broker:Provider)")
    {
        Login(overrides),
        Status(overrides),
        BrokerReconcileCommand.Create(overrides),
    };

    public static Command Login(IReadOnlyList<string> overrides)
    {
        var code = new Option<string?>("--code") { Description = "The code from the sign-in redirect (?code=…)" };
        var redirect = new Option<string?>("--redirect-url") { Description = "The whole URL the browser landed on after sign-in" };
        var command = new Command(
            "login",
            "Link a TradeStation account: without options, print the sign-in URL; with --code or --redirect-url, exchange the code and store the refresh token encrypted")
        {
            code, redirect,
        };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var tokens = services.Get<TradeStationTokens>();
            var settings = services.Get<TradeStationSettings>();
            var given = parse.GetValue(code);
            var url = parse.GetValue(redirect);
            if (given is not null && url is not null)
            {
                throw new CliUsageException("give --code or --redirect-url, not both.");
            }

            if (given is null && url is null)
            {
                Console.Out.WriteLine($"TradeStation {settings.EnvironmentDescription}");
                Console.Out.WriteLine("1. Open this URL, sign in and allow the app:");
                Console.Out.WriteLine($"   {tokens.AuthorizationUrl(Guid.NewGuid().ToString("N")).AbsoluteUri}");
                Console.Out.WriteLine($"2. The browser lands on {settings.RedirectUri}?code=…; then run:");
                Console.Out.WriteLine("   optauto broker login --redirect-url '<that whole URL>'   (or --code <the code>)");
                return CliAction.Ok;
            }

            var exchanged = given ?? CodeFrom(url!);
            return await RunAsync(async () =>
            {
                await tokens.ExchangeCodeAsync(exchanged.Trim(), cancellationToken).ConfigureAwait(false);
                Console.Out.WriteLine($"Signed in to TradeStation ({settings.EnvironmentDescription}); the refresh token is stored encrypted in {Path.GetFullPath(settings.TokenFile)}.");
                var account = await services.Get<TradeStationAccounts>().GetAsync(cancellationToken).ConfigureAwait(false);
                Console.Out.WriteLine($"Account {account.AccountId} ({account.AccountType}, {account.Status}), option approval level {account.OptionApprovalLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}.");
                return CliAction.Ok;
            }).ConfigureAwait(false);
        });
        return command;
    }

    public static Command Status(IReadOnlyList<string> overrides)
    {
        var json = CliOptions.Json();
        var command = new Command("status", "Show the broker, environment, account, equity, buying power, option level and token state (never the token)") { json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var provider = BrokerProvider.Read(services.Get<IConfiguration>());
            if (provider == BrokerProvider.Paper)
            {
                var paper = await services.Get<IBroker>().GetAccountAsync(cancellationToken).ConfigureAwait(false);
                Print(new BrokerStatus(provider, "paper (simulated fills)", false, false, null, null, null, paper.Equity, paper.Cash, paper.BuyingPower, null, null, null), parse.GetValue(json));
                return CliAction.Ok;
            }

            var settings = services.Get<TradeStationSettings>();
            var tokens = services.Get<TradeStationTokens>();
            return await RunAsync(async () =>
            {
                var account = await services.Get<TradeStationAccounts>().GetAsync(cancellationToken).ConfigureAwait(false);
                var balances = await services.Get<IBroker>().GetAccountAsync(cancellationToken).ConfigureAwait(false);
                var token = tokens.State;
                Print(new BrokerStatus(
                    provider, settings.EnvironmentDescription, settings.IsLive, settings.PreviewOnly, account.AccountId, account.AccountType, account.OptionApprovalLevel,
                    balances.Equity, balances.Cash, balances.BuyingPower, TokenText(token.RefreshToken), token.AccessTokenExpiresAt, null), parse.GetValue(json));
                return CliAction.Ok;
            }, failure => Print(new BrokerStatus(
                provider, settings.EnvironmentDescription, settings.IsLive, settings.PreviewOnly, null, null, null, null, null, null,
                TokenText(tokens.State.RefreshToken), tokens.State.AccessTokenExpiresAt, failure), parse.GetValue(json))).ConfigureAwait(false);
        });
        return command;
    }

    private static string CodeFrom(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new CliUsageException($"--redirect-url must be the whole URL the browser landed on, was '{url}'.");
        }

        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        if (query["error"] is { } error)
        {
            throw new CliUsageException($"sign-in did not succeed: {error} {query["error_description"]}".Trim());
        }

        return query["code"] is { Length: > 0 } found ? found : throw new CliUsageException("--redirect-url has no code parameter.");
    }

    private static string TokenText(RefreshTokenSource source) => source switch
    {
        RefreshTokenSource.Stored => "stored (encrypted)",
        RefreshTokenSource.Environment => $"from {RefreshTokenStore.EnvironmentVariable}",
        _ => "none: run 'optauto broker login'",
    };

    /// <summary>A login or API failure is a refusal with the broker's reason (never a token), not a crash.</summary>
    private static async Task<int> RunAsync(Func<Task<int>> action, Action<string>? onFailure = null)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is TradeStationAuthException or TradeStationApiException or TimeoutException or HttpRequestException)
        {
            onFailure?.Invoke(e.Message);
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return CliAction.Refused;
        }
    }

    private static void Print(BrokerStatus status, bool json)
    {
        if (json)
        {
            CliOutput.Json(status);
            return;
        }

        Console.Out.WriteLine($"broker:        {status.Provider}");
        Console.Out.WriteLine($"environment:   {status.Environment}{(status.PreviewOnly ? " — PREVIEW ONLY, nothing is placed" : "")}");
        if (status.AccountId is not null)
        {
            Console.Out.WriteLine($"account:       {status.AccountId} ({status.AccountType})");
            Console.Out.WriteLine($"option level:  {status.OptionApprovalLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}");
        }

        if (status.Equity is not null)
        {
            Console.Out.WriteLine($"equity:        {CliOutput.Format(status.Equity)}");
            Console.Out.WriteLine($"cash:          {CliOutput.Format(status.Cash)}");
            Console.Out.WriteLine($"buying power:  {CliOutput.Format(status.BuyingPower)}");
        }

        if (status.TokenState is not null)
        {
            Console.Out.WriteLine($"token:         refresh token {status.TokenState}" +
                (status.AccessTokenExpiresAt is { } at ? $"; access token valid until {CliOutput.Format(at)}" : ""));
        }
    }

    /// <summary>What <c>broker status --json</c> prints (snake_case).</summary>
    private sealed record BrokerStatus(
        string Provider,
        string Environment,
        bool Live,
        bool PreviewOnly,
        string? AccountId,
        string? AccountType,
        int? OptionApprovalLevel,
        decimal? Equity,
        decimal? Cash,
        decimal? BuyingPower,
        string? TokenState,
        DateTimeOffset? AccessTokenExpiresAt,
        string? Error);
}
