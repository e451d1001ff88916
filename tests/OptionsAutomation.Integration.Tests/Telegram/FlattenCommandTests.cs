using System.Text.Json;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// <c>/flatten [TICKER]</c>: the emergency reduction from the chat, asked with signed buttons that expire like the
/// <c>/close</c> confirmation, run through the worker's components on the SPY chains of 2021-03-01 and the paper broker.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FlattenCommandTests(PostgresServer server) : BotTestBase(server)
{
    private const long PromptMessageId = 880;

    [Fact]
    public async Task Flatten_AsksToConfirm_ThenClosesEveryPositionOfTheTicker_AndEditsThePromptWithEachOutcome()
    {
        // The 2021-04-16 puts at the close of 2021-03-01 (asks 5.47, 6.40, 7.54), bought back at the ask with $0.65 a contract.
        var spy = new[] { await OpenCspAsync("spy-370", "SPY", 370m, 5.50m), await OpenCspAsync("spy-375", "SPY", 375m, 6.50m),
            await OpenCspAsync("spy-380", "SPY", 380m, 7.50m) };
        var qqq = await OpenCspAsync("qqq-300", "QQQ", 300m, 2.00m);

        var ask = await SayAsync("/flatten spy");

        Assert.Equal(
            "🚨 <b>Flatten SPY</b>: trading goes to REDUCING and these 3 position(s) close at the market now:\n" +
            $"#{spy[0].PositionId} SPY CSP 370.00 put exp 2021-04-16 ×1\n#{spy[1].PositionId} SPY CSP 375.00 put exp 2021-04-16 ×1\n" +
            $"#{spy[2].PositionId} SPY CSP 380.00 put exp 2021-04-16 ×1\nClose them all?",
            ask.GetProperty("text").GetString());
        var buttons = ask.GetProperty("reply_markup").GetProperty("inline_keyboard")[0];
        Assert.Equal(("🚨 Close all 3", "Cancel"), (buttons[0].GetProperty("text").GetString(), buttons[1].GetProperty("text").GetString()));
        Assert.Equal(0, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'ACTIVE'"));

        await PressAsync(buttons[0], BotHarness.Alice, "alice");

        Assert.Equal("Flattening…", Api.Calls("answerCallbackQuery").Single().Body.GetProperty("text").GetString());
        var edit = Api.Calls("editMessageText").Single().Body;
        Assert.Equal(PromptMessageId, edit.GetProperty("message_id").GetInt64());
        Assert.Equal(
            "🚨 <b>Flatten SPY</b> by telegram:111 (@alice): trading REDUCING.\n" +
            $"✅ #{spy[0].PositionId} SPY CSP closed — exit 5.47, realized +$2.35\n" +
            $"✅ #{spy[1].PositionId} SPY CSP closed — exit 6.40, realized +$9.35\n" +
            $"✅ #{spy[2].PositionId} SPY CSP closed — exit 7.54, realized -$4.65",
            edit.GetProperty("text").GetString());
        Assert.False(edit.TryGetProperty("reply_markup", out _));
        Assert.Equal(3, await Db.CountAsync("trade_history", "ticker = 'SPY' AND exit_reason = 'manual' AND executed_by = 'manual'"));
        Assert.Equal(3, await Db.CountAsync("audit_events", "event_type = 'order.submitted' AND actor = 'telegram:111 (@alice)'"));
        Assert.Equal(1, await Db.CountAsync("trading_controls", "trading_state = 'REDUCING' AND state_changed_by = 'telegram:111 (@alice)'"));
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {qqq.PositionId} AND status = 'OPEN'"));

        // A second tap finds nothing of SPY open and sends nothing.
        await PressAsync(buttons[0], BotHarness.Alice, "alice");

        Assert.Equal("🚨 <b>Flatten SPY</b> by telegram:111 (@alice): trading REDUCING. No open option positions to close.",
            Api.Calls("editMessageText")[^1].Body.GetProperty("text").GetString());
        Assert.Equal(3, await Db.CountAsync("orders"));
    }

    [Fact]
    public async Task APressOnAnExpiredPrompt_DoesNothing_AndCancelSendsNothing()
    {
        await OpenCspAsync("spy-370", "SPY", 370m, 5.50m);
        var buttons = (await SayAsync("/flatten")).GetProperty("reply_markup").GetProperty("inline_keyboard")[0];

        await PressAsync(buttons[1], BotHarness.Alice);
        Worker.Clock.Advance(TimeSpan.FromMinutes(30));
        await PressAsync(buttons[0], BotHarness.Alice);

        Assert.Equal("Flatten cancelled; nothing was sent.", Api.Calls("editMessageText")[0].Body.GetProperty("text").GetString());
        Assert.Equal("This flatten prompt is 30 min old; send /flatten again to see the positions now.",
            Api.Calls("answerCallbackQuery")[^1].Body.GetProperty("text").GetString());
        Assert.Equal("⌛ This flatten prompt is 30 min old; send /flatten again to see the positions now.",
            Api.Calls("editMessageText")[^1].Body.GetProperty("text").GetString());
        Assert.Equal(0, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("positions", "status = 'OPEN'"));
        Assert.Equal(0, await Db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task SomeoneNotAnApprover_CanNeitherAskNorPress_AndIsAudited()
    {
        await OpenCspAsync("spy-370", "SPY", 370m, 5.50m);
        var buttons = (await SayAsync("/flatten SPY")).GetProperty("reply_markup").GetProperty("inline_keyboard")[0];

        var asked = await SayAsync("/flatten", BotHarness.Mallory);
        await PressAsync(buttons[0], BotHarness.Mallory, "mallory");

        Assert.StartsWith("⛔ Not authorized", asked.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("⛔ Not authorized", Api.Calls("answerCallbackQuery").Single().Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(Api.Calls("editMessageText"));
        Assert.Equal(2, await Db.CountAsync("audit_events", "event_type = 'telegram.unauthorized'"));
        Assert.Equal(0, await Db.CountAsync("orders"));
        Assert.Equal(0, await Db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task WhileHalted_ItSaysSoAndOffersNoButton_AndWithNothingOpenItSaysThat()
    {
        await OpenCspAsync("spy-370", "SPY", 370m, 5.50m);
        var nothing = await SayAsync("/flatten QQQ");
        await Worker.Get<ITradingControls>().SetStateAsync(TradingState.Halted, "test", "test", BotHarness.Close, CancellationToken.None);

        var halted = await SayAsync("/flatten");

        Assert.Equal("No open option positions (QQQ); nothing to close.", nothing.GetProperty("text").GetString());
        Assert.False(nothing.TryGetProperty("reply_markup", out _));
        Assert.StartsWith("⚠️ TRADING_HALTED:", halted.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(halted.TryGetProperty("reply_markup", out _));
        Assert.Equal(0, await Db.CountAsync("orders"));
    }

    private async Task<Position> OpenCspAsync(string requestId, string ticker, decimal strike, decimal credit) =>
        (await Worker.Get<PositionManager>().OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = ticker,
            Expiration = new DateOnly(2021, 4, 16),
            ShortStrike = strike,
            Credit = credit,
            Quantity = 1,
            OpenedAt = BotHarness.Close.AddDays(-10),
            Actor = "test",
        })).Position;

    /// <summary>Presses <paramref name="button"/> on the prompt (sent "just now" by the harness's clock) and lets the bot handle it.</summary>
    private async Task PressAsync(JsonElement button, long userId, string? username = null)
    {
        Api.AddUpdate(BotUpdates.Press(NextUpdateId(), userId, button.GetProperty("callback_data").GetString()!, BotHarness.ChatId, PromptMessageId, username));
        await Worker.Bot.PollOnceAsync(CancellationToken.None);
    }
}
