using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Positions;

/// <summary>A validated position ready to be stored, with its terms derived from the exit rules.</summary>
public sealed record NewPosition(
    string RequestId,
    CreditStrategy Strategy,
    int Quantity,
    int Multiplier,
    decimal Fees,
    DateTimeOffset EntryDate,
    PositionTerms Terms,
    string? Notes,
    string Actor)
{
    /// <summary>A scale-in's lot: the first position it adds to.</summary>
    public long? ScalesPositionId { get; init; }

    /// <exception cref="PositionRuleException">listing every problem with the request.</exception>
    public static NewPosition From(OpenPositionRequest request, ExitRuleSettings rules, DateTimeOffset now)
    {
        var errors = new List<string>();
        var requestId = request.RequestId?.Trim() ?? "";
        if (requestId.Length is 0 or > 255)
        {
            errors.Add("request id must be 1-255 characters.");
        }

        if (request.Quantity <= 0)
        {
            errors.Add($"quantity must be at least 1, was {request.Quantity}.");
        }

        PriceRules.RequireNonNegative(errors, "fees", request.Fees, PriceRules.AmountDecimals);
        var openedAt = (request.OpenedAt ?? now).ToUniversalTime();
        if (openedAt > now)
        {
            errors.Add($"opened-at {openedAt:O} is in the future.");
        }

        // A position cannot be opened on an option that had already expired on the day it opened.
        var openedOn = MarketTime.DateOf(openedAt);
        if (request.Expiration < openedOn)
        {
            errors.Add($"expiration {request.Expiration:yyyy-MM-dd} is before the open date {openedOn:yyyy-MM-dd} (New York).");
        }

        CreditStrategy? strategy = null;
        try
        {
            strategy = CreditStrategy.Create(request.Strategy, request.Ticker, request.Expiration, request.ShortStrike, request.LongStrike, request.Credit);
        }
        catch (PositionRuleException e)
        {
            errors.InsertRange(0, e.Problems);
        }

        PositionRuleException.ThrowIfAny(errors);
        var contracts = request.Quantity;
        return new NewPosition(
            requestId,
            strategy!,
            contracts,
            rules.ContractMultiplier,
            request.Fees,
            openedAt,
            PositionTerms.For(strategy!, contracts, rules),
            string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            request.Actor) { ScalesPositionId = request.ScalesPositionId };
    }
}
