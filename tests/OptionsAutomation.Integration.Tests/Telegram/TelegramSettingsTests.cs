using Microsoft.Extensions.Configuration;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Integration.Tests.Telegram;

public sealed class TelegramSettingsTests
{
    [Fact]
    public void WithoutAToken_TheBotIsOffAndNothingElseIsRequired()
    {
        var settings = new TelegramSettings();

        Assert.False(settings.Enabled);
        Assert.Empty(settings.Validate());
        Assert.Equal("https://api.telegram.org", settings.ApiBaseUrl);
    }

    [Fact]
    public void WithAToken_CallbackSecretAndChatAreRequired_EachNamedByItsKey()
    {
        var errors = new TelegramSettings { BotToken = "1:abc", ApiBaseUrl = "api.telegram.org" }.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Telegram:CallbackSecret ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Telegram:ChatId ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Telegram:ApiBaseUrl ", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_HidesTheTokenAndTheSecret()
    {
        var text = new TelegramSettings { BotToken = "1:very-secret", CallbackSecret = "hmac-key", ChatId = 5 }.ToString();

        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hmac-key", text, StringComparison.Ordinal);
        Assert.Contains("ChatId = 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_MapsTheTokenAndTheApproverList_AndBinds()
    {
        var keys = TelegramEnvironment.Map(new Dictionary<string, string?>
        {
            ["TELEGRAM_BOT_TOKEN"] = "1:abc",
            ["TELEGRAM_APPROVER_IDS"] = " 111, 222,,333 ",
            ["PATH"] = "/usr/bin",
        });

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = "1:abc",
                ["Telegram:AllowedUserIds:0"] = "111",
                ["Telegram:AllowedUserIds:1"] = "222",
                ["Telegram:AllowedUserIds:2"] = "333",
            },
            keys);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(keys).Build()
            .GetSection(TelegramSettings.SectionName).Get<TelegramSettings>()!;
        Assert.True(settings.Enabled);
        Assert.Equal([111L, 222L, 333L], settings.AllowedUserIds);
    }

    [Fact]
    public void Environment_WithANonNumericApprover_IsRefusedNamingTheVariable()
    {
        var error = Assert.Throws<InvalidConfigurationException>(
            () => TelegramEnvironment.Map(new Dictionary<string, string?> { ["TELEGRAM_APPROVER_IDS"] = "111,@ann" }));

        Assert.Contains("TELEGRAM_APPROVER_IDS", error.Message, StringComparison.Ordinal);
        Assert.Contains("@ann", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_WithoutTheVariables_MapsNothing()
    {
        Assert.Empty(TelegramEnvironment.Map(new Dictionary<string, string?> { ["TELEGRAM_BOT_TOKEN"] = " " }));
    }

    [Fact]
    public void Notifications_BindFromConfiguration_AndAnUnlistedKindIsOn()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Notifications:mark_stale"] = "silent",
            ["Telegram:Notifications:executed"] = "OFF",
        }).Build().GetSection(TelegramSettings.SectionName).Get<TelegramSettings>()!;

        Assert.Equal(NotificationMode.Silent, settings.NotificationFor("mark_stale"));
        Assert.Equal(NotificationMode.Off, settings.NotificationFor("EXECUTED"));
        Assert.Equal(NotificationMode.On, settings.NotificationFor("exit"));
        Assert.Equal(2, settings.OutboxPollSeconds);
    }

    [Fact]
    public void Notifications_WithAnUnknownMode_AndABadPollInterval_AreRefusedNamingKeyAndValue()
    {
        var errors = new TelegramSettings
        {
            BotToken = "1:abc",
            ChatId = 5,
            CallbackSecret = "a-secret-of-24-characters",
            OutboxPollSeconds = 0,
            Notifications = new Dictionary<string, string> { ["exit"] = "loud", ["mark_stale"] = "silent" },
        }.Validate();

        Assert.Equal(
            ["Telegram:OutboxPollSeconds must be above 0, was 0.", "Telegram:Notifications:exit must be on, silent or off, was 'loud'."],
            errors);
    }

    [Fact]
    public void AShortCallbackSecret_ARemotePlainHttpServer_AndAZeroCommandAge_AreRefused()
    {
        var errors = new TelegramSettings
        {
            BotToken = "1:abc",
            ChatId = 5,
            CallbackSecret = "hunter2",
            ApiBaseUrl = "http://bots.example.com",
            MaxCommandAgeSeconds = 0,
        }.Validate();

        Assert.Equal(
        [
            "Telegram:CallbackSecret must be at least 16 characters (e.g. openssl rand -hex 32), had 7.",
            "Telegram:ApiBaseUrl must be https unless it is on this machine (loopback), was 'http://bots.example.com'.",
            "Telegram:MaxCommandAgeSeconds must be above 0, was 0.",
        ], errors);
    }
}
