using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.TradeJournal;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// The one place exceptions become HTTP answers (RFC 7807 problem details): refusals of the trading rules keep their
/// message, which is written for people; anything unexpected is logged and answered 500 without its details.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer.
            return true;
        }

        var (status, title, detail) = Classify(exception);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogFailed(exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }

    private static (int Status, string Title, string? Detail) Classify(Exception exception) => exception switch
    {
        PositionNotFoundException or ProposalNotFoundException or AdjustmentNotFoundException or JournalSubjectNotFoundException => (StatusCodes.Status404NotFound, "Not found", exception.Message),
        PositionNotOpenException => (StatusCodes.Status409Conflict, "Position not open", exception.Message),
        BreakerResetRefusedException => (StatusCodes.Status409Conflict, "Breaker reset refused", exception.Message),
        OrderInProgressException => (StatusCodes.Status409Conflict, "Order in progress", exception.Message),
        TradingHaltedException => (StatusCodes.Status409Conflict, "Trading halted", exception.Message),
        TradingRuleException => (StatusCodes.Status400BadRequest, "Refused by the trading rules", exception.Message),
        ApiInputException or BacktestInputException or JournalException => (StatusCodes.Status400BadRequest, "Bad request", exception.Message),
        BacktestBusyException => (StatusCodes.Status409Conflict, "Backtest running", exception.Message),
        BacktestTimeLimitException => (StatusCodes.Status503ServiceUnavailable, "Backtest too long", exception.Message),
        // Kestrel's body size limit (ApiLimits), on the declared length or while reading.
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "Payload too large", ApiLimits.TooLarge),
        // Binding failures (malformed JSON body, a duplicate key, a route value of the wrong type), raised with ThrowOnBadRequest.
        BadHttpRequestException { InnerException: JsonException json } bad => (bad.StatusCode, "Bad request", $"{bad.Message} {JsonProblem(json)}"),
        BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
        _ when DatabaseFailure.IsUnavailable(exception) =>
            (StatusCodes.Status503ServiceUnavailable, "Database unavailable", "The database cannot be reached; try again later."),
        _ => (StatusCodes.Status500InternalServerError, "Internal error", "An unexpected error occurred; it has been logged."),
    };

    /// <summary>Where the body went wrong, in JSON terms (not the CLR type the message names).</summary>
    private static string JsonProblem(JsonException json) =>
        json.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
            ? $"Duplicate key at {json.Path}: each key may appear once."
            : json.LineNumber is { } line
                ? $"Invalid JSON or a value of the wrong type at {json.Path ?? "$"} (line {line + 1}, byte {json.BytePositionInLine})."
                : $"Invalid JSON or a value of the wrong type at {json.Path ?? "$"}.";

    [LoggerMessage(Level = LogLevel.Error, Message = "HTTP {Method} {Path} failed")]
    private partial void LogFailed(Exception exception, string method, string path);
}
