using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Exits;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>The bot's services. Only the worker adds them: CLI verbs never talk to Telegram.</summary>
public static class TelegramRegistration
{
    /// <summary>Reads and validates <c>Telegram</c>; invalid settings stop start-up naming each key.</summary>
    public static TelegramSettings ReadTelegram(IConfiguration configuration)
    {
        var settings = configuration.GetSection(TelegramSettings.SectionName).Get<TelegramSettings>() ?? new TelegramSettings();
        var errors = settings.Validate();
        return errors.Count == 0 ? settings : throw new InvalidConfigurationException(errors);
    }

    /// <summary>Adds the bot when <paramref name="settings"/> has a token; returns whether it did.</summary>
    public static bool AddTelegram(this IServiceCollection services, TelegramSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<TelegramPollStatus>();
        if (!settings.Enabled)
        {
            return false;
        }

        // Not IHttpClientFactory: its handler logging writes request URLs, and a Bot API URL carries the token.
        // One client for the process; every attempt has its own timeout (TelegramApi), so HttpClient's is off.
        services.AddSingleton(sp => new TelegramGateway(
            new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, settings, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TelegramGateway>>()));
        services.AddSingleton(new CallbackData(settings.CallbackSecret!));
        services.AddSingleton(sp => new ProposalCard(sp.GetRequiredService<CallbackData>(), sp.GetRequiredService<ExitRuleSettings>().ContractMultiplier));
        services.AddSingleton<AdjustmentCard>();
        services.AddSingleton<TelegramPollOffsets>();
        services.AddSingleton<TelegramAudit>();
        services.AddSingleton<Postgres.JobRunReader>();
        services.AddSingleton<ButtonPresses>();
        services.AddSingleton<ReplyTargets>();
        services.AddSingleton<ChatCommands>();
        services.AddSingleton<TelegramBot>();
        services.AddSingleton<OutboxDelivery>();
        return true;
    }
}
