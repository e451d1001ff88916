namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

// The order execution and order status shapes, as the API writes them (numbers as strings, kept as text and
// parsed where used: an empty string must not fail a whole answer).
internal sealed record TsErrorItem(string? AccountID, string? OrderID, string? Error, string? Message)
{
    public string Text => $"{Error}: {Message}".Trim(' ', ':');
}

internal sealed record TsOrderLegRequest(string Symbol, string Quantity, string TradeAction);

internal sealed record TsTimeInForce(string Duration);

/// <summary>The body of <c>orderconfirm</c> and <c>orders</c>: one leg at the top level, or <see cref="Legs"/>.</summary>
internal sealed record TsOrderRequest(
    string AccountID,
    string? Symbol,
    string? Quantity,
    string? TradeAction,
    string OrderType,
    string? LimitPrice,
    TsTimeInForce TimeInForce,
    string Route,
    IReadOnlyList<TsOrderLegRequest>? Legs,
    string? OrderConfirmID);

internal sealed record TsReplaceRequest(string LimitPrice);

internal sealed record TsConfirmation(
    string? OrderConfirmID, string? EstimatedPrice, string? EstimatedCost, string? EstimatedCommission, string? SummaryMessage, string? Error, string? Message);

internal sealed record TsConfirmAnswer(IReadOnlyList<TsConfirmation>? Confirmations, IReadOnlyList<TsErrorItem>? Errors);

internal sealed record TsPlaced(string? OrderID, string? Message, string? Error);

internal sealed record TsPlaceAnswer(IReadOnlyList<TsPlaced>? Orders, IReadOnlyList<TsErrorItem>? Errors);

internal sealed record TsChangeAnswer(string? OrderID, string? Message);

internal sealed record TsOrderLeg(string? Symbol, string? BuyOrSell, string? OpenOrClose, string? QuantityOrdered, string? ExecQuantity, string? ExecutionPrice);

internal sealed record TsOrder(
    string OrderID,
    string? AccountID,
    string? Status,
    string? StatusDescription,
    string? LimitPrice,
    string? CommissionFee,
    string? OpenedDateTime,
    string? RejectReason,
    IReadOnlyList<TsOrderLeg>? Legs);

internal sealed record TsOrdersAnswer(IReadOnlyList<TsOrder>? Orders, IReadOnlyList<TsErrorItem>? Errors, string? NextToken);
