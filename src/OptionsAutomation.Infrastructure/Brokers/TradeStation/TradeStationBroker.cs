using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// <see cref="IBroker"/> on TradeStation's Web API v3. TradeStation has no client order id, so
/// <see cref="TradeStationOrderLinks"/> keeps ours: PLACING before anything is sent, SENDING just before the placing
/// request, PLACED with the broker's order id after. Placing is idempotent by client order id even across crashes: a
/// PLACED id answers its order's state; a PLACING one was never sent and is sent now; a SENDING one (a timeout, a 5xx, a
/// crash after the request left) is looked for among the day's orders and, when it is not there, reported as an
/// unknown outcome — never sent twice: recovery fails it later as "never received", as it does for every broker.
/// Each order carries one stored <c>OrderConfirmID</c>, which the API documents as preventing duplicates.
/// Every order is confirmed (<c>orderconfirm</c>) before it is placed; in preview mode only confirmed, and the answer
/// is a rejection carrying the broker's estimate. A missing or refused login raises a <c>broker_auth</c> alert (once a
/// day) and the <see cref="TradeStationAuthException"/> propagates: the caller sees an unknown outcome, nothing is booked.
/// </summary>
public sealed class TradeStationBroker(
    TradeStationClient client,
    TradeStationAccounts accounts,
    TradeStationOrderLinks links,
    TradeStationSettings settings,
    IAlertQueue alerts,
    TimeProvider clock,
    ILogger<TradeStationBroker> logger) : IBroker
{
    public Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (await links.FindAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return await ResumeAsync(known, cancellationToken).ConfigureAwait(false);
        }

        var account = await accounts.GetAsync(cancellationToken).ConfigureAwait(false);
        var confirmId = NewConfirmId();
        var link = await links.RecordPlacingAsync(ticket, account.AccountId, confirmId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return link.ConfirmId == confirmId
            ? await SendAsync(link, cancellationToken).ConfigureAwait(false)
            : await ResumeAsync(link, cancellationToken).ConfigureAwait(false); // another caller recorded it first
    }, cancellationToken);

    public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) => GuardAsync(async () =>
        await LinkedAsync(clientOrderId, cancellationToken).ConfigureAwait(false) is { } link
            ? await CurrentAsync(link, cancellationToken).ConfigureAwait(false)
            : null, cancellationToken);

    public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (await LinkedAsync(clientOrderId, cancellationToken).ConfigureAwait(false) is not { } link)
        {
            return null;
        }

        if (link is { State: OrderLinkState.Placed, BrokerOrderId: { } orderId })
        {
            try
            {
                await client.SendAsync<TsChangeAnswer>(
                    HttpMethod.Delete, $"orderexecution/orders/{Uri.EscapeDataString(orderId)}", null, RateCategory.Unmetered, idempotent: true, cancellationToken).ConfigureAwait(false);
            }
            catch (TradeStationApiException e) when (e.Status == HttpStatusCode.BadRequest)
            {
                // "Not an open order." — it filled, expired or was cancelled already: its state says which.
                logger.LogInformation("TradeStation did not cancel order {OrderId} of {ClientOrderId}: {Reason}", orderId, clientOrderId, e.ApiMessage);
            }
        }

        return await CurrentAsync(link, cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (await LinkedAsync(clientOrderId, cancellationToken).ConfigureAwait(false) is not { } link)
        {
            return null;
        }

        var before = await CurrentAsync(link, cancellationToken).ConfigureAwait(false);
        if (before.IsFinal || link is not { State: OrderLinkState.Placed, BrokerOrderId: { } orderId })
        {
            return before;
        }

        try
        {
            // A combo is re-priced by LimitPrice alone: Quantity would multiply the spread, and there is no Legs field.
            var answer = await client.SendAsync<TsChangeAnswer>(
                HttpMethod.Put, $"orderexecution/orders/{Uri.EscapeDataString(orderId)}",
                new TsReplaceRequest(TradeStationOrders.LimitText(link.Ticket.Legs, limitPrice)), RateCategory.Unmetered, idempotent: true, cancellationToken).ConfigureAwait(false);
            if (answer.OrderID is { Length: > 0 } replacement && replacement != orderId)
            {
                logger.LogWarning("TradeStation replaced order {OrderId} of {ClientOrderId} by {Replacement}; following the new id", orderId, clientOrderId, replacement);
                await links.MarkPlacedAsync(clientOrderId, replacement, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                link = link with { BrokerOrderId = replacement };
            }
        }
        catch (TradeStationApiException e) when (e.Status == HttpStatusCode.BadRequest)
        {
            // "Failed to Cancel/Replace order: Not an open order." — a fill (or a cancel) raced the replace.
            logger.LogInformation("TradeStation did not re-price order {OrderId} of {ClientOrderId}: {Reason}", orderId, clientOrderId, e.ApiMessage);
        }

        return await CurrentAsync(link, cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) => GuardAsync(async () =>
        await LinkedAsync(clientOrderId, cancellationToken).ConfigureAwait(false) is { State: OrderLinkState.Placed } link
            ? (IReadOnlyList<LegFill>)(await CurrentAsync(link, cancellationToken).ConfigureAwait(false)).Fills
            : [], cancellationToken);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) =>
        GuardAsync(() => accounts.GetOptionPositionsAsync(cancellationToken), cancellationToken);

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) =>
        GuardAsync(() => accounts.GetBalancesAsync(cancellationToken), cancellationToken);

    /// <summary>22 characters from 128 random bits (the documented sample is that long); unique per order, kept for its retries.</summary>
    private static string NewConfirmId() =>
        Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The link as the broker knows it: null when the id was never sent (PLACING) or was sent and is not among the day's
    /// orders; a SENDING one found there is linked first.
    /// </summary>
    private async Task<OrderLink?> LinkedAsync(string clientOrderId, CancellationToken cancellationToken) =>
        await links.FindAsync(clientOrderId, cancellationToken).ConfigureAwait(false) switch
        {
            { State: OrderLinkState.Placing } => null,
            { State: OrderLinkState.Sending } sending => await FindPlacedAsync(sending, cancellationToken).ConfigureAwait(false),
            var other => other,
        };

    private async Task<OrderState> ResumeAsync(OrderLink link, CancellationToken cancellationToken) => link.State switch
    {
        OrderLinkState.Placed => await CurrentAsync(link, cancellationToken).ConfigureAwait(false),
        OrderLinkState.Placing => await SendAsync(link, cancellationToken).ConfigureAwait(false),
        OrderLinkState.Sending => await FindPlacedAsync(link, cancellationToken).ConfigureAwait(false) is { } found
            ? await CurrentAsync(found, cancellationToken).ConfigureAwait(false)
            : throw new TradeStationApiException(HttpStatusCode.OK, "OutcomeUnknown",
                $"order {link.Ticket.ClientOrderId} was sent without an answer and is not among today's orders; it is not sent again"),
        _ => Refused(link),
    };

    /// <summary>
    /// After an unknown outcome: the order among the day's orders (not linked to another client order id), linked and
    /// returned; null when it is not there.
    /// </summary>
    private async Task<OrderLink?> FindPlacedAsync(OrderLink link, CancellationToken cancellationToken)
    {
        var answer = await client.GetAsync<TsOrdersAnswer>(
            $"brokerage/accounts/{Uri.EscapeDataString(link.AccountId)}/orders", RateCategory.Orders, cancellationToken).ConfigureAwait(false);
        TradeStationAccounts.ThrowOnErrors(answer.Errors);
        var taken = await links.LinkedBrokerIdsAsync(cancellationToken).ConfigureAwait(false);
        var match = (answer.Orders ?? [])
            .Where(o => !taken.Contains(o.OrderID) && TradeStationOrders.Matches(link, o))
            .OrderBy(o => o.OpenedDateTime, StringComparer.Ordinal)
            .FirstOrDefault();
        if (match is null)
        {
            logger.LogWarning("Order {ClientOrderId} was being placed but is not among today's TradeStation orders", link.Ticket.ClientOrderId);
            return null;
        }

        logger.LogWarning("Order {ClientOrderId} found among today's TradeStation orders as {OrderId} after an unknown outcome", link.Ticket.ClientOrderId, match.OrderID);
        await links.MarkPlacedAsync(link.Ticket.ClientOrderId, match.OrderID, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return link with { State = OrderLinkState.Placed, BrokerOrderId = match.OrderID };
    }

    private async Task<OrderState> SendAsync(OrderLink link, CancellationToken cancellationToken)
    {
        var ticket = link.Ticket;
        var request = TradeStationOrders.Request(ticket, link.AccountId, link.ConfirmId);
        var confirmed = await client.SendAsync<TsConfirmAnswer>(
            HttpMethod.Post, "orderexecution/orderconfirm", request, RateCategory.Unmetered, idempotent: true, cancellationToken).ConfigureAwait(false);
        var confirmation = confirmed.Confirmations?.FirstOrDefault();
        var confirmError = confirmed.Errors is { Count: > 0 } errors
            ? string.Join("; ", errors.Select(e => e.Text))
            : confirmation is null ? "no confirmation" : confirmation.Error is { Length: > 0 } ? $"{confirmation.Error}: {confirmation.Message}" : null;
        if (confirmError is not null)
        {
            return await NotPlacedAsync(link, OrderLinkState.NotPlaced, $"TradeStation refused the order at confirmation: {confirmError}", cancellationToken).ConfigureAwait(false);
        }

        if (settings.PreviewOnly)
        {
            return await NotPlacedAsync(link, OrderLinkState.Previewed, Estimate(confirmation!), cancellationToken).ConfigureAwait(false);
        }

        if (!await links.TryMarkSendingAsync(ticket.ClientOrderId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            // Another caller is sending it or has: its outcome is the answer.
            var current = await links.FindAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false) ?? link;
            return await ResumeAsync(current, cancellationToken).ConfigureAwait(false);
        }

        TsPlaceAnswer placed;
        try
        {
            placed = await client.SendAsync<TsPlaceAnswer>(
                HttpMethod.Post, "orderexecution/orders", request, RateCategory.Unmetered, idempotent: false, cancellationToken).ConfigureAwait(false);
        }
        catch (TradeStationApiException e) when ((int)e.Status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests)
        {
            // A 4xx is the server refusing the request: nothing was placed. 5xx and timeouts leave the outcome unknown
            // (the link stays SENDING) and propagate.
            return await NotPlacedAsync(link, OrderLinkState.NotPlaced, $"TradeStation refused the order: {e.Error}: {e.ApiMessage}", cancellationToken).ConfigureAwait(false);
        }

        var item = placed.Orders?.FirstOrDefault();
        var failure = placed.Errors?.FirstOrDefault();
        if (item is { OrderID: { Length: > 0 } orderId, Error: null or "" })
        {
            await links.MarkPlacedAsync(ticket.ClientOrderId, orderId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Order {ClientOrderId} placed at TradeStation as {OrderId}: {Message}", ticket.ClientOrderId, orderId, item.Message);
            return await CurrentAsync(link with { State = OrderLinkState.Placed, BrokerOrderId = orderId }, cancellationToken).ConfigureAwait(false);
        }

        if (failure is { OrderID: { Length: > 0 } failedId })
        {
            // The order exists and failed: its own state (REJ) is the answer, and the id stays ours.
            await links.MarkPlacedAsync(ticket.ClientOrderId, failedId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return await CurrentAsync(link with { State = OrderLinkState.Placed, BrokerOrderId = failedId }, cancellationToken).ConfigureAwait(false);
        }

        var reason = item?.Error is { Length: > 0 } error ? $"{error} {item.Message}".Trim() : failure?.Text ?? "no order in the answer";
        return await NotPlacedAsync(link, OrderLinkState.NotPlaced, $"TradeStation refused the order: {reason}", cancellationToken).ConfigureAwait(false);
    }

    private async Task<OrderState> NotPlacedAsync(OrderLink link, OrderLinkState state, string reason, CancellationToken cancellationToken)
    {
        await links.MarkNotPlacedAsync(link.Ticket.ClientOrderId, state, reason, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Order {ClientOrderId} not placed: {Reason}", link.Ticket.ClientOrderId, reason);
        return OrderState.Rejected(link.Ticket.ClientOrderId, link.Ticket.Quantity, reason, clock.GetUtcNow());
    }

    private OrderState Refused(OrderLink link) =>
        OrderState.Rejected(link.Ticket.ClientOrderId, link.Ticket.Quantity, link.Reason ?? "not placed", clock.GetUtcNow());

    private static string Estimate(TsConfirmation confirmation) => string.Create(CultureInfo.InvariantCulture,
        $"preview only (Broker:TradeStation:PreviewOnly), nothing placed: {confirmation.SummaryMessage?.ReplaceLineEndings(" ").Trim()}; " +
        $"estimated price {confirmation.EstimatedPrice}, cost {confirmation.EstimatedCost}, commission {confirmation.EstimatedCommission}");

    /// <summary>The order's state now: its broker record, with any new leg executions stored as fills first.</summary>
    private async Task<OrderState> CurrentAsync(OrderLink link, CancellationToken cancellationToken)
    {
        if (link is not { State: OrderLinkState.Placed, BrokerOrderId: { } orderId })
        {
            return Refused(link);
        }

        var order = await ReadOrderAsync(link, orderId, cancellationToken).ConfigureAwait(false);
        var fills = await links.AddFillsAsync(
            link.Ticket.ClientOrderId, stored => TradeStationFills.New(orderId, link.Ticket.Legs, stored, order), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return TradeStationOrders.State(link.Ticket, order, fills, clock.GetUtcNow());
    }

    /// <summary>The order from today's and open orders, else from the historical ones (a DAY order of an earlier day).</summary>
    private async Task<TsOrder> ReadOrderAsync(OrderLink link, string orderId, CancellationToken cancellationToken)
    {
        var account = Uri.EscapeDataString(link.AccountId);
        var current = await client.GetAsync<TsOrdersAnswer>(
            $"brokerage/accounts/{account}/orders/{Uri.EscapeDataString(orderId)}", RateCategory.Orders, cancellationToken).ConfigureAwait(false);
        if (current.Orders?.FirstOrDefault(o => o.OrderID == orderId) is { } order)
        {
            return order;
        }

        var since = link.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var history = await client.GetAsync<TsOrdersAnswer>(
            $"brokerage/accounts/{account}/historicalorders?since={since}", RateCategory.Orders, cancellationToken).ConfigureAwait(false);
        return history.Orders?.FirstOrDefault(o => o.OrderID == orderId)
            ?? throw new TradeStationApiException(HttpStatusCode.OK, "NotFound",
                $"order {orderId} of {link.Ticket.ClientOrderId} is neither among the open and today's orders nor in the history since {since}");
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (TradeStationAuthException e)
        {
            var now = clock.GetUtcNow();
            try
            {
                await alerts.EnqueueAsync(
                    Alert.BrokerLoginFailed("TradeStation", e.Message, now),
                    now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception alertFailure) when (alertFailure is not OperationCanceledException)
            {
                logger.LogError("Could not queue the broker_auth alert: {Reason}", alertFailure.Message);
            }

            logger.LogError("TradeStation login failed: {Reason}", e.Message);
            throw;
        }
    }
}
